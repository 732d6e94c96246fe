"""Article numbers in Chinese numerals, as court documents cite them."""

from __future__ import annotations

import pytest

from goodfaith.core.values.chinese_dates import chinese_article, chinese_number


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (10, "十"),
        (15, "十五"),
        (20, "二十"),
        (101, "一百零一"),
        (110, "一百一十"),
        (118, "一百一十八"),
        (262, "二百六十二"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
    ],
)
def test_chinese_number(n: int, text: str) -> None:
    assert chinese_number(n) == text


def test_article_and_range() -> None:
    assert chinese_article(266) == "第二百六十六条"
    for bad in (0, 10000, -3):
        with pytest.raises(ValueError):
            chinese_number(bad)
