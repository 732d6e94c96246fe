"""Benchmark: certificate decisions per second on folded state (one process = one core).

``generate(n)`` makes ``n`` varied Huadu-style timelines (the same shapes the guiding case
has: joint or several debtors, notices, control measures, auctions, part payments, conduct);
``run`` folds each at its query date, then times the decisions alone and fold + decision.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from goodfaith.core.answers import answer
from goodfaith.core.state import fold
from goodfaith.core.timeline import Timeline, parse_timeline


def _timeline(i: int, rng: random.Random) -> dict[str, Any]:
    start = date(2023, 1, 2) + timedelta(days=rng.randrange(600))
    judgment, case = f"（2022）粤0114民初{i + 1}号", f"（2023）粤0114执{i + 1}号"
    amount = rng.randrange(10_000, 5_000_000)
    joint = rng.random() < 0.5
    obligation: dict[str, Any] = {
        "id": "O1",
        "kind": "money",
        "amount": str(amount),
        "debtors": ["D1", "D2"],
        "liability": "joint" if joint else "several",
    }
    if not joint:
        first = amount // 3
        obligation["shares"] = {"D1": str(first), "D2": str(amount - first)}
    day = start + timedelta(days=30)
    events: list[dict[str, Any]] = [
        {
            "on": start,
            "type": "judgment_effective",
            "case": judgment,
            "document": "judgment",
            "creditors": ["P1"],
            "debtors": ["D1", "D2"],
            "obligations": [obligation],
        },
        {
            "on": day,
            "type": "enforcement_filed",
            "case": case,
            "basis": judgment,
            "applicants": ["P1"],
            "respondents": ["D1", "D2"],
        },
        {
            "on": day + timedelta(days=1),
            "type": "document_served",
            "case": case,
            "document": "enforcement_notice",
            "to": ["D1", "D2"],
        },
    ]
    day += timedelta(days=rng.randrange(1, 20))
    if rng.random() < 0.7:
        events.append(
            {
                "on": day,
                "type": "measure_applied",
                "case": case,
                "party": "D1",
                "id": "M1",
                "measure": "freeze",
                "asset": "bank_account",
                "value": str(rng.randrange(1000, amount)),
            }
        )
    if rng.random() < 0.15:
        events.append(
            {
                "on": day,
                "type": "conduct",
                "case": case,
                "party": "D1",
                "kind": rng.choice(
                    ["refusal_with_capacity", "evasion", "property_report_violation"]
                ),
            }
        )
    if rng.random() < 0.2:
        day += timedelta(days=rng.randrange(1, 30))
        events.append(
            {"on": day, "type": "auction_started", "case": case, "party": "D1", "round": 1}
        )
    paid = 0
    for _ in range(rng.randrange(1, 4)):
        day += timedelta(days=rng.randrange(1, 15))
        part = rng.randrange(1, amount)
        who = rng.choice(["D1", "D2"])
        events.append(
            {"on": day, "type": "payment", "case": case, "party": who, "amount": str(part)}
        )
        paid += part
    if rng.random() < 0.6:
        events.append(
            {"on": day, "type": "payment", "case": case, "party": "D1", "amount": str(amount)}
        )
        events.append(
            {"on": day, "type": "payment", "case": case, "party": "D2", "amount": str(amount)}
        )
    return {
        "format": "goodfaith-timeline/1",
        "title": f"基准案例{i}",
        "court": "粤0114",
        "policy": "huadu-2022",
        "parties": {
            "P1": {"name": "申请人", "kind": "person"},
            "D1": {"name": "甲", "kind": "person"},
            "D2": {"name": "乙", "kind": "person"},
        },
        "events": events,
        "queries": [
            {"id": "c1", "on": day, "ask": "certificate", "party": "D1"},
            {"id": "c2", "on": day, "ask": "certificate", "party": "D2"},
        ],
    }


def generate(n: int, seed: int = 7) -> list[Timeline]:
    rng = random.Random(seed)
    return [parse_timeline(_timeline(i, rng), f"bench-{i}") for i in range(n)]


@dataclass
class Result:
    timelines: int
    decisions: int
    decide_seconds: float
    fold_seconds: float
    outcomes: dict[str, int]

    @property
    def decisions_per_second(self) -> float:
        return self.decisions / self.decide_seconds

    @property
    def replays_per_second(self) -> float:
        return self.decisions / (self.decide_seconds + self.fold_seconds)


def run(timelines: list[Timeline], rounds: int = 3) -> Result:
    t0 = time.perf_counter()
    folded = [(t, q, fold(t.parties, t.events, q.on)) for t in timelines for q in t.queries]
    fold_seconds = time.perf_counter() - t0
    outcomes: dict[str, int] = {}
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t, q, state in folded:
            a = answer(t, q, state)
            outcomes[a.outcome] = outcomes.get(a.outcome, 0) + 1
        best = min(best, time.perf_counter() - t0)
    return Result(
        len(timelines),
        len(folded),
        best,
        fold_seconds,
        {k: v // rounds for k, v in outcomes.items()},
    )
