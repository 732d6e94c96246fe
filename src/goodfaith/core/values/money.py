"""Money as exact decimal yuan (人民币元), and the uppercase form used in documents (大写金额)."""

from __future__ import annotations

import re
from decimal import Decimal

from goodfaith.core.errors import InvalidValue

CENT = Decimal("0.01")
_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿", "万亿")


def parse_amount(value: object) -> Decimal:
    """An amount of yuan given as a string (or an int) with at most two decimals, never negative."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidValue(
            f'expected an amount in yuan as a string such as "8182.00", got {value!r}'
        )
    text = str(value).strip()
    if not _AMOUNT.match(text):
        raise InvalidValue(
            f"expected a non-negative amount in yuan with at most two decimals, got {value!r}"
        )
    return Decimal(text).quantize(CENT)


def format_amount(amount: Decimal) -> str:
    """``Decimal('8182')`` -> ``'8182.00'``."""
    return f"{amount.quantize(CENT):f}"


def _group(n: int) -> str:
    """A group of up to four digits (0 < n < 10000) in uppercase, with inner zeros as 零."""
    digits = f"{n:04d}"
    out, zero = "", False
    for i, ch in enumerate(digits):
        d = int(ch)
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _SMALL_UNITS[3 - i]
    return out


def _yuan(n: int) -> str:
    if n == 0:
        return ""
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out = ""
    need_zero = False
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        if g == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or g < 1000):
            out += "零"
        out += _group(g) + _GROUP_UNITS[idx]
        need_zero = False
    return out


def chinese_uppercase(amount: Decimal) -> str:
    """人民币 + the uppercase amount, per the PBOC rules for 中文大写金额.

    ``20000000`` -> 人民币贰仟万元整; ``1004.50`` -> 人民币壹仟零肆元伍角整; ``0.05`` -> 人民币伍分.
    """
    if amount < 0:
        raise InvalidValue(f"expected a non-negative amount, got {amount}")
    cents = int((amount.quantize(CENT) * 100).to_integral_value())
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = _yuan(yuan)
    if yuan:
        text += "元"
    if jiao == 0 and fen == 0:
        return "人民币" + (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    else:
        text += "整"
    return "人民币" + text
