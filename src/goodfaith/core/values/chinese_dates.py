"""Dates as written in Chinese legal documents (落款日期, in Chinese numerals): 二〇二二年六月二十八日.

Also the one way dates enter the system from files: ``YYYY-MM-DD``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from goodfaith.core.errors import InvalidValue

_YEAR_DIGITS = "〇一二三四五六七八九"
_NUM = "零一二三四五六七八九"
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _number(n: int) -> str:
    """1..31 in Chinese numerals: 一, 十, 十一, 二十, 二十八, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _NUM[ones]
    head = "" if tens == 1 else _NUM[tens]
    return head + "十" + (_NUM[ones] if ones else "")


def chinese_date(d: date) -> str:
    """``date(2022, 6, 28)`` -> ``二〇二二年六月二十八日``; the year digit by digit, with 〇 for zero."""
    year = "".join(_YEAR_DIGITS[int(c)] for c in f"{d.year:04d}")
    return f"{year}年{_number(d.month)}月{_number(d.day)}日"


def parse_iso_date(s: str | date) -> date:
    """A real ``YYYY-MM-DD`` date, given as text or as a ``date`` (PyYAML's reading of an unquoted
    date); a ``datetime`` is refused, since a time of day would be silently dropped."""
    if isinstance(s, datetime):
        raise InvalidValue(f"expected a date YYYY-MM-DD without a time, got {s.isoformat()!r}")
    if isinstance(s, date):
        return s
    if isinstance(s, str) and _ISO.fullmatch(s):
        try:
            return date.fromisoformat(s)
        except ValueError:
            raise InvalidValue(f"expected a real date YYYY-MM-DD, got {s!r}") from None
    raise InvalidValue(f"expected a date YYYY-MM-DD, got {s!r}")


def chinese_number(n: int) -> str:
    """1..9999 as written in legal citations: 266 -> 二百六十六, 118 -> 一百一十八, 10 -> 十."""
    if not 0 < n < 10000:
        raise ValueError(f"expected 1 to 9999, got {n}")
    if n < 20:
        return ("十" + _NUM[n - 10].replace("零", "")) if n >= 10 else _NUM[n]
    digits = f"{n}"
    units = ["", "十", "百", "千"][: len(digits)][::-1]
    out, zero = "", False
    for d, unit in zip(digits, units, strict=True):
        if d == "0":
            zero = True
            continue
        if zero and out:
            out += "零"
        zero = False
        out += _NUM[int(d)] + unit
    return out


def chinese_article(n: int) -> str:
    """第二百六十六条."""
    return f"第{chinese_number(n)}条"
