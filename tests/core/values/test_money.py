"""Exact decimal yuan and the uppercase amount (中文大写金额) of Chinese legal documents."""

from __future__ import annotations

from decimal import Decimal

import pytest

from goodfaith.core.errors import InvalidValue
from goodfaith.core.values.money import chinese_uppercase, format_amount, parse_amount


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("20000000.00", "20000000.00"),
        ("8182", "8182.00"),
        ("0.5", "0.50"),
        ("0.05", "0.05"),
        ("0", "0.00"),
        ("1004.5", "1004.50"),
        (" 8182.00 ", "8182.00"),
        (35000, "35000.00"),
        (0, "0.00"),
    ],
)
def test_parse_and_format(given: str | int, expected: str) -> None:
    amount = parse_amount(given)
    assert amount == Decimal(expected)
    assert amount.as_tuple().exponent == -2  # quantized to the fen
    assert format_amount(amount) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "-5",
        "-0.01",
        "",
        " ",
        "1,000",
        "1 000",
        "1e5",
        "1E5",
        "NaN",
        "Infinity",
        "12.345",
        "0.001",
        "1.",
        ".5",
        "+5",
        "5元",
        "８１８２",  # full-width digits
        "٣",  # Arabic-Indic digit: Decimal would accept it
        -5,
    ],
)
def test_malformed_amount_strings(bad: str | int) -> None:
    with pytest.raises(InvalidValue, match="expected a non-negative amount in yuan") as info:
        parse_amount(bad)
    assert repr(bad) in str(info.value)


@pytest.mark.parametrize("bad", [12.5, 0.1, Decimal("5"), True, None, b"5"])
def test_amounts_must_be_strings(bad: object) -> None:
    with pytest.raises(InvalidValue, match="expected an amount in yuan as a string"):
        parse_amount(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("8182", "8182.00"),
        ("8182.5", "8182.50"),
        ("0.07", "0.07"),
        ("20000000", "20000000.00"),
        ("1E+3", "1000.00"),  # a Decimal in exponent form is written out in plain digits
    ],
)
def test_format_amount(amount: str, expected: str) -> None:
    assert format_amount(Decimal(amount)) == expected


@pytest.mark.parametrize("bad", ["-1", "0.001", "NaN", "Infinity"])
def test_format_and_uppercase_refuse_what_is_not_an_amount(bad: str) -> None:
    with pytest.raises(InvalidValue):
        format_amount(Decimal(bad))
    with pytest.raises(InvalidValue):
        chinese_uppercase(Decimal(bad))


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        # the examples of the brief
        ("20000000", "人民币贰仟万元整"),
        ("8182", "人民币捌仟壹佰捌拾贰元整"),
        ("100500", "人民币壹拾万零伍佰元整"),
        ("1004.50", "人民币壹仟零肆元伍角整"),  # 整 after 角
        ("0.05", "人民币伍分"),  # no 整 after 分
        ("10", "人民币壹拾元整"),  # 壹拾, never 拾
        ("100000000", "人民币壹亿元整"),
        ("12650000", "人民币壹仟贰佰陆拾伍万元整"),
        ("20650000", "人民币贰仟零陆拾伍万元整"),
        ("0", "人民币零元整"),
        ("1000010000", "人民币壹拾亿零壹万元整"),
        ("10001", "人民币壹万零壹元整"),
        ("101000", "人民币壹拾万壹仟元整"),
        # the PBOC examples (《正确填写票据和结算凭证的基本规定》)
        ("1409.50", "人民币壹仟肆佰零玖元伍角整"),
        ("6007.14", "人民币陆仟零柒元壹角肆分"),
        ("1680.32", "人民币壹仟陆佰捌拾元叁角贰分"),
        ("107000.53", "人民币壹拾万柒仟元伍角叁分"),
        ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),  # 元零 when 角 is zero
        ("325.04", "人民币叁佰贰拾伍元零肆分"),
        # zeros inside a group of four
        ("1010", "人民币壹仟零壹拾元整"),
        ("1001", "人民币壹仟零壹元整"),
        ("1100", "人民币壹仟壹佰元整"),
        ("15", "人民币壹拾伍元整"),
        ("110", "人民币壹佰壹拾元整"),
        ("100010", "人民币壹拾万零壹拾元整"),
        ("100100", "人民币壹拾万零壹佰元整"),
        # across 万 and 亿
        ("10000", "人民币壹万元整"),
        ("69000", "人民币陆万玖仟元整"),
        ("100001", "人民币壹拾万零壹元整"),
        ("10010000", "人民币壹仟零壹万元整"),
        ("100000001", "人民币壹亿零壹元整"),
        ("100010000", "人民币壹亿零壹万元整"),
        ("105000000", "人民币壹亿零伍佰万元整"),
        ("110000000", "人民币壹亿壹仟万元整"),
        ("110000500", "人民币壹亿壹仟万零伍佰元整"),
        ("1200000000", "人民币壹拾贰亿元整"),
        ("123456789012", "人民币壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元整"),
        ("1000000000000", "人民币壹万亿元整"),
        ("1200000000000", "人民币壹万贰仟亿元整"),
        # jiao and fen alone, and with zero yuan
        ("0.50", "人民币伍角整"),
        ("0.25", "人民币贰角伍分"),
        ("0.01", "人民币壹分"),
        ("1000000.07", "人民币壹佰万元零柒分"),
        ("1000000.70", "人民币壹佰万元柒角整"),
        ("10.10", "人民币壹拾元壹角整"),
    ],
)
def test_chinese_uppercase(amount: str, text: str) -> None:
    assert chinese_uppercase(Decimal(amount)) == text
    assert chinese_uppercase(parse_amount(amount)) == text  # the same after parsing
