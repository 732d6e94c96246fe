"""Resident identity numbers (GB 11643) and unified social credit codes (GB 32100)."""

from __future__ import annotations

from datetime import date

import pytest

from goodfaith.core.errors import InvalidValue
from goodfaith.core.values.identity import (
    CreditCode,
    ResidentId,
    parse_credit_code,
    parse_identity,
    parse_resident_id,
)

# Check digits computed with python-stdnum (stdnum.cn.ric.calc_check_digit).
HUADU_2006 = "440114200607206067"  # female, born 2006-07-20, 花都区
XIANGYANG_1990 = "420683199007043314"  # male, born 1990-07-04, 枣阳市
LEAP_2004 = "110101200402290017"  # male, born 2004-02-29, 东城区
CHECK_X = "11010119880810005X"  # male, born 1988-08-10, check character X


@pytest.mark.parametrize(
    ("text", "number", "region", "birth", "gender"),
    [
        (HUADU_2006, HUADU_2006, "440114", date(2006, 7, 20), "female"),
        (XIANGYANG_1990, XIANGYANG_1990, "420683", date(1990, 7, 4), "male"),
        (LEAP_2004, LEAP_2004, "110101", date(2004, 2, 29), "male"),
        (CHECK_X, CHECK_X, "110101", date(1988, 8, 10), "male"),
        ("11010119880810005x", CHECK_X, "110101", date(1988, 8, 10), "male"),
        (" 440114 20060720 6067 ", HUADU_2006, "440114", date(2006, 7, 20), "female"),
        ("440114\u300020060720606 7", HUADU_2006, "440114", date(2006, 7, 20), "female"),
    ],
)
def test_valid_resident_ids(text: str, number: str, region: str, birth: date, gender: str) -> None:
    rid = parse_resident_id(text)
    assert rid == ResidentId(number, region, birth, gender, ())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "44011420060720606",
            "expected an 18-character resident identity number, got 17 characters",
        ),
        ("4401142006072060671", "got 19 characters"),
        ("", "got 0 characters"),
        ("44011420060720606Y", "expected 17 digits then a digit or X"),
        ("4401142006072060X7", "expected 17 digits then a digit or X"),
        ("44011420060720606７", "expected 17 digits then a digit or X"),  # full-width 7
        ("440114200607206068", "wrong check digit: expected 7, got 8"),
        ("44011420060720606X", "wrong check digit: expected 7, got X"),
        (
            "440114200613206060",
            "expected a birth date YYYYMMDD at positions 7–14, got 20061320, which is not a real date",
        ),
        ("440114200602306060", "got 20060230"),
        ("440114200702290060", "got 20070229"),  # 2007 is not a leap year
        ("440114200600006060", "got 20060000"),
    ],
)
def test_malformed_resident_ids(text: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message) as info:
        parse_resident_id(text)
    assert repr(text) in str(info.value)  # the message quotes the bad value


def test_bad_date_is_reported_even_if_check_digit_is_right() -> None:
    # Month 13 with a correct check digit: the date, not the check digit, is the complaint.
    with pytest.raises(InvalidValue, match="not a real date"):
        parse_resident_id("44011420061320606X")


def test_region_code_too_young_for_birth_year_is_only_a_warning() -> None:
    # 440114 (花都区) dates from 2000 in stdnum's table; stdnum.cn.ric.validate rejects this number.
    rid = parse_resident_id("440114199001011235")
    assert rid.birth_date == date(1990, 1, 1)
    assert rid.warnings == ("region code 440114 is not listed for a birth in 1990",)


def test_unknown_region_code_is_only_a_warning() -> None:
    rid = parse_resident_id("999999198001010011")
    assert rid.region_code == "999999"
    assert rid.warnings == ("region code 999999 is not in the region table",)


@pytest.mark.parametrize(
    ("number", "on", "age", "minor"),
    [
        (HUADU_2006, date(2024, 7, 19), 17, True),  # the day before the 18th birthday
        (HUADU_2006, date(2024, 7, 20), 18, False),  # one turns 18 on the birthday
        (HUADU_2006, date(2006, 7, 20), 0, True),
        (HUADU_2006, date(2022, 6, 28), 15, True),
        (XIANGYANG_1990, date(2022, 6, 28), 31, False),
        (XIANGYANG_1990, date(2022, 7, 4), 32, False),
        (LEAP_2004, date(2022, 2, 28), 17, True),  # 2022 has no 29 February: still 17 on the 28th
        (LEAP_2004, date(2022, 3, 1), 18, False),  # … and 18 on 1 March
        (LEAP_2004, date(2024, 2, 28), 19, False),
        (LEAP_2004, date(2024, 2, 29), 20, False),  # a leap year has the birthday itself
    ],
)
def test_age_and_minority(number: str, on: date, age: int, minor: bool) -> None:
    rid = parse_resident_id(number)
    assert rid.age_on(on) == age
    assert rid.is_minor_on(on) is minor


def test_age_before_birth_is_an_error() -> None:
    with pytest.raises(InvalidValue, match="on or after the birth date 2006-07-20"):
        parse_resident_id(HUADU_2006).age_on(date(2006, 7, 19))


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        (HUADU_2006, "4401142006****6067"),
        (CHECK_X, "1101011988****005X"),
        (XIANGYANG_1990, "4206831990****3314"),
    ],
)
def test_masked_hides_month_and_day_of_birth(number: str, masked: str) -> None:
    assert parse_resident_id(number).masked == masked


# Check characters computed with python-stdnum (stdnum.cn.uscc.calc_check_digit).
@pytest.mark.parametrize(
    ("text", "number", "authority", "org_type", "region"),
    [
        ("91460200MA5T8Q3N20", "91460200MA5T8Q3N20", "9", "1", "460200"),
        ("91110000600037341L", "91110000600037341L", "9", "1", "110000"),
        ("91110000600037341l", "91110000600037341L", "9", "1", "110000"),
        ("12100000400000624D", "12100000400000624D", "1", "2", "100000"),
        ("51440000MJL12345X0", "51440000MJL12345X0", "5", "1", "440000"),
        (" 91440101 MA59ABCD1D ", "91440101MA59ABCD1D", "9", "1", "440101"),
    ],
)
def test_valid_credit_codes(
    text: str, number: str, authority: str, org_type: str, region: str
) -> None:
    code = parse_credit_code(text)
    assert code == CreditCode(number, ())
    assert (code.registration_authority, code.org_type, code.region_code) == (
        authority,
        org_type,
        region,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "91460200MA5T8Q3N2",
            "expected an 18-character unified social credit code, got 17 characters",
        ),
        ("91460200MA5T8Q3N200", "got 19 characters"),
        ("91460200MA5T8Q3N21", "wrong check character: expected 0, got 1"),
        ("91110000600037341M", "wrong check character: expected L, got M"),
        ("91460200MA5T8Q3I20", "other than I, O, S, V, Z; I not allowed"),
        ("91460200MA5T8O3S20", "; O, S not allowed"),
        ("91460200MA5V8Q3Z20", "; V, Z not allowed"),
        ("91460200MA5T8Q3N2-", "; - not allowed"),
        ("9146A200MA5T8Q3N20", "expected a six-digit region code at positions 3–8, got 46A200"),
    ],
)
def test_malformed_credit_codes(text: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message) as info:
        parse_credit_code(text)
    assert repr(text) in str(info.value)


def test_parse_identity_by_kind() -> None:
    assert parse_identity(HUADU_2006, "person") == parse_resident_id(HUADU_2006)
    assert parse_identity("91460200MA5T8Q3N20", "unit") == CreditCode("91460200MA5T8Q3N20")
    with pytest.raises(InvalidValue, match="expected 17 digits then a digit or X"):
        parse_identity("91460200MA5T8Q3N20", "person")
    with pytest.raises(InvalidValue, match="expected an 18-character unified social credit"):
        parse_identity("4401142006072060", "unit")
    with pytest.raises(InvalidValue, match="expected kind 'person' or 'unit'"):
        parse_identity(HUADU_2006, "persons")  # type: ignore[arg-type]


def test_values_are_frozen() -> None:
    rid = parse_resident_id(HUADU_2006)
    with pytest.raises(AttributeError):
        rid.number = XIANGYANG_1990  # type: ignore[misc]
