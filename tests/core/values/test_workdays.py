"""Working days per the State Council's yearly holiday arrangements (国务院办公厅关于…部分节假日安排的通知),
as known to the chinesecalendar package; 调休 weekend days are working days."""

from __future__ import annotations

from datetime import date

import pytest

from goodfaith.core.errors import CalendarNotCovered, InvalidValue
from goodfaith.core.values.workdays import (
    add_working_days,
    covered_years,
    is_working_day,
    working_days_between,
)


def test_covered_years() -> None:
    years = covered_years()
    assert years.start == 2004
    assert 2025 in years
    assert years.step == 1


@pytest.mark.parametrize(
    ("d", "working"),
    [
        (date(2022, 3, 10), True),  # Thursday
        (date(2022, 3, 12), False),  # Saturday
        (date(2022, 3, 13), False),  # Sunday
        # 《国务院办公厅关于2025年部分节假日安排的通知》: 国庆节、中秋节 1–8 October off;
        # Sunday 28 September and Saturday 11 October worked.
        (date(2025, 9, 28), True),
        (date(2025, 10, 1), False),
        (date(2025, 10, 6), False),  # Monday, 中秋节
        (date(2025, 10, 8), False),  # Wednesday
        (date(2025, 10, 11), True),
        (date(2025, 10, 12), False),
        # 《国务院办公厅关于2024年部分节假日安排的通知》: 春节 10–17 February off;
        # Sunday 4 February and Sunday 18 February worked.
        (date(2024, 2, 4), True),
        (date(2024, 2, 16), False),  # Friday
        (date(2024, 2, 18), True),
        # 2020: the Spring Festival holiday was extended to 2 February (国办发明电〔2020〕1号).
        (date(2020, 1, 31), False),
        (date(2020, 2, 3), True),
    ],
)
def test_is_working_day(d: date, working: bool) -> None:
    assert is_working_day(d) is working


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2022, 3, 10), 3, date(2022, 3, 15)),  # Thu -> Fri, Mon, Tue
        (date(2022, 3, 10), 1, date(2022, 3, 11)),
        (date(2022, 3, 12), 1, date(2022, 3, 14)),  # a Saturday start: d itself never counts
        (date(2022, 3, 14), 1, date(2022, 3, 15)),  # a working-day start does not count either
        (date(2022, 3, 14), 5, date(2022, 3, 21)),
        # 2025 National Day: after Tue 30 September come 9, 10 and (the worked Saturday) 11 October
        (date(2025, 9, 30), 3, date(2025, 10, 11)),
        (date(2025, 9, 30), 4, date(2025, 10, 13)),
        (date(2025, 9, 26), 1, date(2025, 9, 28)),  # Fri -> the worked Sunday 28 September
        (date(2025, 10, 1), 1, date(2025, 10, 9)),  # a holiday start
        # 2024 Spring Festival: after Fri 9 February the next working day is the worked Sunday 18th
        (date(2024, 2, 9), 1, date(2024, 2, 18)),
        (date(2024, 2, 3), 1, date(2024, 2, 4)),  # Sat -> the worked Sunday 4 February
        (date(2022, 12, 30), 1, date(2023, 1, 3)),  # 元旦 2023: 31 Dec – 2 Jan off
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n) == expected
    assert working_days_between(start, expected) == n  # the two agree
    assert is_working_day(expected)


@pytest.mark.parametrize("n", [0, -1, True, 1.5])
def test_add_working_days_needs_a_positive_whole_number(n: int) -> None:
    with pytest.raises(InvalidValue, match="1 or more"):
        add_working_days(date(2022, 3, 10), n)


@pytest.mark.parametrize(
    ("a", "b", "count"),
    [
        (date(2022, 3, 10), date(2022, 3, 10), 0),  # empty interval
        (date(2022, 3, 10), date(2022, 3, 9), 0),  # b before a
        (date(2022, 3, 10), date(2022, 3, 11), 1),  # b counts
        (date(2022, 3, 11), date(2022, 3, 13), 0),  # a does not count; the weekend is off
        (date(2022, 3, 7), date(2022, 3, 14), 5),  # one whole week, Mon (excluded) to Mon
        (date(2025, 9, 30), date(2025, 10, 12), 3),  # 9, 10 and the worked Saturday 11 October
        (date(2025, 9, 27), date(2025, 9, 28), 1),  # the worked Sunday counts
        (date(2024, 2, 9), date(2024, 2, 19), 2),  # Sunday 18 and Monday 19 February
        (date(2022, 1, 1), date(2022, 12, 31), 249),  # all of 2022: 1 January was a holiday
    ],
)
def test_working_days_between(a: date, b: date, count: int) -> None:
    assert working_days_between(a, b) == count


def test_uncovered_year_is_a_clear_error() -> None:
    first, last = covered_years()[0], covered_years()[-1]
    message = (
        f"no official working-day calendar for {last + 1} "
        f"\\(chinesecalendar covers {first}–{last}\\); update the chinesecalendar package"
    )
    with pytest.raises(CalendarNotCovered, match=message):
        is_working_day(date(last + 1, 3, 1))
    with pytest.raises(CalendarNotCovered, match=f"for {first - 1} "):
        is_working_day(date(first - 1, 12, 31))
    # counting forward from the last covered year runs into the next one
    with pytest.raises(CalendarNotCovered, match=f"for {last + 1} "):
        add_working_days(date(last, 12, 30), 5)
    with pytest.raises(CalendarNotCovered):
        working_days_between(date(last, 12, 1), date(last + 1, 1, 5))
