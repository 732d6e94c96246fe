"""Money as exact decimal yuan (人民币元), and the uppercase form used in documents (中文大写金额).

The uppercase form follows the PBOC rules (《支付结算办法》 annex 《正确填写票据和结算凭证的基本规定》):
``人民币`` before the amount; ``整`` after an amount ending in 元 or 角, none after 分; one 零 for a
run of zeros in the middle (壹仟零肆元); no 零 for zeros at the end of a four-digit group
followed by a non-zero thousands digit (壹拾万壹仟元); ``元零X分`` when 角 is zero; 壹拾 never 拾.
"""

from __future__ import annotations

import re
from decimal import Decimal

from goodfaith.core.errors import InvalidValue

CENT = Decimal("0.01")
_AMOUNT = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("仟", "佰", "拾", "")
_WAN = 10_000
_YI = 100_000_000


def parse_amount(s: str | int) -> Decimal:
    """An amount of yuan as a string (or an int) with at most two decimals, never negative.

    ``"8182"`` -> ``Decimal("8182.00")``. Floats are refused: ``0.1 + 0.2`` is not money.
    """
    if isinstance(s, bool) or not isinstance(s, (str, int)):
        raise InvalidValue(
            f'expected an amount in yuan as a string such as "8182.00", got {type(s).__name__} {s!r}'
        )
    text = str(s).strip()
    if not _AMOUNT.fullmatch(text):
        raise InvalidValue(
            "expected a non-negative amount in yuan, digits with at most two decimals "
            f'such as "8182.00", got {s!r}'
        )
    return Decimal(text).quantize(CENT)


def _cents(amount: Decimal) -> int:
    """The amount in whole fen; refuses what is not a non-negative amount of whole fen."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise InvalidValue(f"expected a finite Decimal amount, got {amount!r}")
    if amount < 0:
        raise InvalidValue(f"expected a non-negative amount, got {amount}")
    if amount != amount.quantize(CENT):
        raise InvalidValue(f"expected at most two decimals, got {amount}")
    return int(amount * 100)


def format_amount(d: Decimal) -> str:
    """``Decimal("8182")`` -> ``"8182.00"``: plain digits, exactly two decimals."""
    cents = _cents(d)
    return f"{cents // 100}.{cents % 100:02d}"


def _group(n: int) -> str:
    """A group of four digits (0 < n < 10000): 1010 -> 壹仟零壹拾, 500 -> 伍佰, 10 -> 壹拾."""
    out, pending_zero = "", False
    for digit, unit in zip(f"{n:04d}", _SMALL_UNITS, strict=True):
        if digit == "0":
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += _DIGITS[int(digit)] + unit
    return out


def _integer(n: int) -> str:
    """Whole yuan (n > 0) without 元: groups of four digits joined by 万 and 亿.

    A 零 goes before a lower part that does not start at its top position (万 part below 1000万,
    unit part below 1000): 壹拾万零伍佰, 壹拾亿零壹万, 壹亿零壹.
    """
    if n >= _YI:
        high, low = divmod(n, _YI)
        head = _integer(high) + "亿"
        return head + _lower(low, _YI) if low else head
    if n >= _WAN:
        high, low = divmod(n, _WAN)
        head = _group(high) + "万"
        return head + _lower(low, _WAN) if low else head
    return _group(n)


def _lower(low: int, scale: int) -> str:
    """The part below 亿 or 万, with 零 when its leading digit is zero."""
    return ("零" if low < scale // 10 else "") + _integer(low)


def chinese_uppercase(d: Decimal) -> str:
    """人民币 + the uppercase amount.

    ``20000000`` -> 人民币贰仟万元整; ``1004.50`` -> 人民币壹仟零肆元伍角整; ``0.05`` -> 人民币伍分;
    ``16409.02`` -> 人民币壹万陆仟肆佰零玖元零贰分; ``0`` -> 人民币零元整.
    """
    cents = _cents(d)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if cents == 0:
        return "人民币零元整"
    text = _integer(yuan) + "元" if yuan else ""
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan and fen:
        text += "零"
    if fen:
        return "人民币" + text + _DIGITS[fen] + "分"
    return "人民币" + text + "整"
