"""Leadership figures counted from case files over a period."""

from __future__ import annotations

from datetime import date
from typing import Any

from goodfaith.core.statistics import figures
from goodfaith.core.timeline.load import parse_timeline
from goodfaith.core.timeline.model import Timeline


def case(n: int, effective: str, *events: dict[str, Any]) -> Timeline:
    root = f"（2024）粤0117民初{n}号"
    data = {
        "format": "goodfaith-timeline/1", "title": f"案{n}", "court": "粤0117",
        "parties": {"C": {"name": "甲", "kind": "person"}, "D": {"name": "乙", "kind": "person"}},
        "events": [
            {"on": effective, "type": "judgment_effective", "case": root, "document": "judgment",
             "creditors": ["C"], "debtors": ["D"],
             "obligations": [{"id": "O1", "kind": "money", "amount": "50000.00", "debtors": ["D"],
                              "liability": "several", "shares": {"D": "50000.00"}}],
             "due": "2025-03-31"},
            *events,
        ],
    }  # fmt: skip
    return parse_timeline(data)


def enforcement(n: int, on: str) -> dict[str, Any]:
    return {"on": on, "type": "enforcement_filed", "case": f"（2025）粤0117执{n}号",
            "basis": f"（2024）粤0117民初{n}号", "applicants": ["C"], "respondents": ["D"]}  # fmt: skip


def test_the_automatic_performance_rate_and_the_enforcement_figures() -> None:
    ex = "（2025）粤0117执2号"
    timelines = [
        case(1, "2025-03-01",
             {"on": "2025-03-20", "type": "payment", "case": "（2024）粤0117民初1号", "party": "D",
              "amount": "50000.00"}),
        case(2, "2025-03-01", enforcement(2, "2025-04-10"),
             {"on": "2025-05-01", "type": "listed", "case": ex, "party": "D", "items": [1],
              "period_years": None},
             {"on": "2025-06-01", "type": "payment", "case": ex, "party": "D", "amount": "50000.00"},
             {"on": "2025-06-02", "type": "delisted", "case": ex, "party": "D"},
             {"on": "2025-06-02", "type": "case_closed", "case": ex, "reason": "performed"}),
        case(3, "2025-03-01"),
        case(4, "2024-11-01", enforcement(4, "2025-02-01")),  # document before the period
    ]  # fmt: skip
    f = figures(timelines, date(2025, 1, 1), date(2025, 12, 31), date(2025, 12, 31))
    assert (f.documents, f.performed_automatically, f.enforced, f.pending) == (3, 1, 1, 1)
    assert f.automatic_rate == 1 / 3
    assert (f.enforcement_filed, f.enforcement_closed) == (2, 1)
    assert f.amount_recovered == 50000 and f.listings_published == 1 and f.repairs_granted == 1
    early = figures(timelines, date(2025, 1, 1), date(2025, 3, 31), date(2025, 3, 31))
    assert (early.documents, early.performed_automatically, early.pending) == (3, 1, 2)
    assert early.enforcement_filed == 1 and early.amount_recovered == 0
    assert (
        figures([], date(2025, 1, 1), date(2025, 12, 31), date(2025, 12, 31)).automatic_rate is None
    )
