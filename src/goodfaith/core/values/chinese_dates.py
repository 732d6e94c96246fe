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
