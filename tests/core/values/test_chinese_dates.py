"""Dates in Chinese numerals as in document signatures, and strict ISO dates from files."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from goodfaith.core.errors import InvalidValue
from goodfaith.core.values.chinese_dates import chinese_date, parse_iso_date


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2022, 6, 28), "二〇二二年六月二十八日"),
        (date(2023, 10, 10), "二〇二三年十月十日"),
        (date(2020, 1, 1), "二〇二〇年一月一日"),
        (date(2022, 11, 20), "二〇二二年十一月二十日"),
        (date(2021, 12, 21), "二〇二一年十二月二十一日"),
        (date(2019, 9, 30), "二〇一九年九月三十日"),
        (date(2025, 3, 31), "二〇二五年三月三十一日"),
        (date(2024, 2, 29), "二〇二四年二月二十九日"),
        (date(2016, 5, 11), "二〇一六年五月十一日"),
        (date(2000, 12, 19), "二〇〇〇年十二月十九日"),
        (date(1999, 8, 9), "一九九九年八月九日"),
    ],
)
def test_chinese_date(d: date, text: str) -> None:
    assert chinese_date(d) == text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2022-03-10", date(2022, 3, 10)),
        ("2024-02-29", date(2024, 2, 29)),
        (date(2022, 3, 10), date(2022, 3, 10)),  # PyYAML's reading of an unquoted date
    ],
)
def test_parse_iso_date(given: str | date, expected: date) -> None:
    assert parse_iso_date(given) == expected


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("2022-02-30", "expected a real date YYYY-MM-DD, got '2022-02-30'"),
        ("2023-02-29", "expected a real date YYYY-MM-DD, got '2023-02-29'"),
        ("2022-13-01", "expected a real date"),
        ("2022/03/10", "expected a date YYYY-MM-DD, got '2022/03/10'"),
        ("20220310", "expected a date YYYY-MM-DD, got '20220310'"),
        ("2022-3-10", "got '2022-3-10'"),
        ("2022-W10-4", "got '2022-W10-4'"),  # an ISO week date date.fromisoformat would take
        (" 2022-03-10", "got ' 2022-03-10'"),
        ("2022-03-10T00:00", "got '2022-03-10T00:00'"),
        ("２０２２-０３-１０", "expected a date YYYY-MM-DD"),
        ("", "got ''"),
        (20220310, "got 20220310"),
        (None, "got None"),
        (datetime(2022, 3, 10, 8, 0), "without a time, got '2022-03-10T08:00:00'"),
        (datetime(2022, 3, 10), "without a time"),
    ],
)
def test_malformed_dates(bad: object, words: str) -> None:
    with pytest.raises(InvalidValue, match=words):
        parse_iso_date(bad)  # type: ignore[arg-type]
