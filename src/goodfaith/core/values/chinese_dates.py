"""Dates as written in Chinese legal documents (落款日期): 二〇二二年六月二十八日."""

from __future__ import annotations

from datetime import date, datetime

from goodfaith.core.errors import InvalidValue

_YEAR_DIGITS = "〇一二三四五六七八九"
_NUM = "零一二三四五六七八九"


def _number(n: int) -> str:
    """1..31 in Chinese numerals: 十, 十一, 二十, 二十八, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _NUM[ones]
    head = "" if tens == 1 else _NUM[tens]
    return head + "十" + (_NUM[ones] if ones else "")


def chinese_date(d: date) -> str:
    """``date(2022, 6, 28)`` -> ``二〇二二年六月二十八日``."""
    year = "".join(_YEAR_DIGITS[int(c)] for c in f"{d.year:04d}")
    return f"{year}年{_number(d.month)}月{_number(d.day)}日"


def parse_iso_date(value: object) -> date:
    """A ``YYYY-MM-DD`` string or a ``date`` (not a ``datetime``)."""
    if isinstance(value, datetime):
        raise InvalidValue(f"expected a date without time, got {value.isoformat()}")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValue(f"expected a date YYYY-MM-DD, got {value!r}")
