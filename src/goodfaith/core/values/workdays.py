"""Working days (工作日) in mainland China: weekends and public holidays are off, except the
weekend days the State Council's yearly holiday arrangement makes working days (调休).

The arrangement comes from the ``chinesecalendar`` package; a date in a year it does not cover is
an error (``CalendarNotCovered``), never a guess: the State Council publishes each year's
arrangement only in the November before, so the package must be updated every year.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar

from goodfaith.core.errors import CalendarNotCovered, InvalidValue

_FIRST = min(d.year for d in chinese_calendar.holidays)
_LAST = max(d.year for d in chinese_calendar.holidays)


def covered_years() -> range:
    """The years for which the installed calendar has the official arrangement."""
    return range(_FIRST, _LAST + 1)


def is_working_day(d: date) -> bool:
    """Whether ``d`` is a working day (a 调休 Saturday or Sunday is one)."""
    if d.year not in covered_years():
        raise CalendarNotCovered(
            f"no official working-day calendar for {d.year} (chinesecalendar covers "
            f"{_FIRST}–{_LAST}); update the chinesecalendar package"
        )
    return bool(chinese_calendar.is_workday(d))


def add_working_days(d: date, n: int) -> date:
    """The ``n``-th working day after ``d`` (n >= 1); ``d`` itself never counts."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InvalidValue(f"expected a whole number of working days, 1 or more, got {n!r}")
    current = d
    while n:
        current += timedelta(days=1)
        if is_working_day(current):
            n -= 1
    return current


def working_days_between(a: date, b: date) -> int:
    """The number of working days in the interval (a, b]: after ``a``, up to and including ``b``.

    Zero when ``b`` is not after ``a``.
    """
    count, current = 0, a
    while current < b:
        current += timedelta(days=1)
        count += is_working_day(current)
    return count
