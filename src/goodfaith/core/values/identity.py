"""Identity numbers: the resident identity number (公民身份号码, GB 11643) of a person and the
unified social credit code (统一社会信用代码, GB 32100) of a unit.

Check characters and birth dates are checked strictly. An unknown or out-of-date region code is only
a warning: python-stdnum's table dates each county code, and real numbers carry codes that the table
says did not exist in the birth year (440114, Huadu, is dated from 2000 but people born in 1990 there
hold numbers starting with it after re-registration).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from stdnum import numdb
from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from goodfaith.core.errors import InvalidValue

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters of GB 32100: digits and capitals without I, O, S, V and Z."""


@dataclass(frozen=True, slots=True)
class ResidentId:
    """A valid resident identity number and what it tells."""

    number: str
    region_code: str
    birth_date: date
    gender: Literal["male", "female"]
    warnings: tuple[str, ...] = ()

    def age_on(self, d: date) -> int:
        """Full years of age on ``d``; a 29 February birthday counts from 1 March in other years."""
        b = self.birth_date
        if d < b:
            raise InvalidValue(f"expected a date on or after the birth date {b}, got {d}")
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

    def is_minor_on(self, d: date) -> bool:
        """Under 18 on ``d`` (未成年人); one turns 18 on the birthday."""
        return self.age_on(d) < 18

    @property
    def masked(self) -> str:
        """The public form, month and day of birth hidden: ``4401142006****6067``."""
        return self.number[:10] + "****" + self.number[14:]


@dataclass(frozen=True, slots=True)
class CreditCode:
    """A valid unified social credit code."""

    number: str
    warnings: tuple[str, ...] = ()

    @property
    def registration_authority(self) -> str:
        """登记管理部门代码, the first character (1 = 机构编制, 5 = 民政, 9 = 市场监管 …)."""
        return self.number[0]

    @property
    def org_type(self) -> str:
        """机构类别代码, the second character (e.g. 1 = 企业, 2 = 个体工商户 under authority 9)."""
        return self.number[1]

    @property
    def region_code(self) -> str:
        """The administrative division code of the registering authority (positions 3–8)."""
        return self.number[2:8]


def _compact(text: str) -> str:
    return "".join(text.split()).upper()


#: (region code, birth year) -> warnings; the table lookups cost ~0.1 ms and depend on these only
_REGION_CACHE: dict[tuple[str, int], tuple[str, ...]] = {}


def _region_warnings(number: str, birth: date) -> tuple[str, ...]:
    """A warning when stdnum's table lacks the region code, or dates it after the birth year."""
    key = (number[:6], birth.year)
    found = _REGION_CACHE.get(key)
    if found is None:
        found = _REGION_CACHE[key] = _region_lookup(number, birth)
    return found


def _region_lookup(number: str, birth: date) -> tuple[str, ...]:
    try:
        ric.get_birth_place(number)
    except ValidationError:
        known = any(props for _, props in numdb.get("cn/loc").info(number[:6])[1:])
        if known:
            return (f"region code {number[:6]} is not listed for a birth in {birth.year}",)
        return (f"region code {number[:6]} is not in the region table",)
    return ()


def parse_resident_id(text: str) -> ResidentId:
    """Parse an 18-character resident identity number; spaces are ignored, ``x`` means ``X``."""
    number = _compact(text)
    if len(number) != 18:
        raise InvalidValue(
            "expected an 18-character resident identity number, "
            f"got {len(number)} characters: {text!r}"
        )
    if not (number[:17].isascii() and number[:17].isdigit()) or number[17] not in "0123456789X":
        raise InvalidValue(f"expected 17 digits then a digit or X, got {text!r}")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidValue(
            f"expected a birth date YYYYMMDD at positions 7–14, got {number[6:14]}, "
            f"which is not a real date: {text!r}"
        ) from None
    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        raise InvalidValue(f"wrong check digit: expected {expected}, got {number[17]} in {text!r}")
    gender: Literal["male", "female"] = "male" if int(number[16]) % 2 else "female"
    return ResidentId(number, number[:6], birth, gender, _region_warnings(number, birth))


def parse_credit_code(text: str) -> CreditCode:
    """Parse an 18-character unified social credit code; spaces are ignored, case is not."""
    number = _compact(text)
    if len(number) != 18:
        raise InvalidValue(
            "expected an 18-character unified social credit code, "
            f"got {len(number)} characters: {text!r}"
        )
    bad = sorted({c for c in number if c not in USCC_ALPHABET})
    if bad:
        raise InvalidValue(
            "expected only digits and capitals other than I, O, S, V, Z; "
            f"{', '.join(bad)} not allowed in {text!r}"
        )
    if not number[2:8].isdigit():
        raise InvalidValue(
            f"expected a six-digit region code at positions 3–8, got {number[2:8]} in {text!r}"
        )
    expected = uscc.calc_check_digit(number[:17])
    if number[17] != expected:
        raise InvalidValue(
            f"wrong check character: expected {expected}, got {number[17]} in {text!r}"
        )
    return CreditCode(number)


def parse_identity(text: str, kind: Literal["person", "unit"]) -> ResidentId | CreditCode:
    """A person's resident identity number or a unit's credit code."""
    if kind == "person":
        return parse_resident_id(text)
    if kind == "unit":
        return parse_credit_code(text)
    raise InvalidValue(f"expected kind 'person' or 'unit', got {kind!r}")


def make_resident_id(region: str, birth: date, serial: int) -> str:
    """A well-formed resident identity number (for generated test and benchmark data):
    six region digits, the birth date, a three-digit serial (odd = male) and the check digit."""
    body = f"{region}{birth:%Y%m%d}{serial % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum reads the first 17 of 18
