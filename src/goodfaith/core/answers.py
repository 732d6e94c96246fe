"""Answer a timeline's queries, in the spec's output shape (``goodfaith-replay/1``).

Each ask has one handler ``(state, query) -> Answer``; asks whose rules have not landed yet
answer ``unsupported``. The rules engine registers its handlers in ``HANDLERS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from goodfaith.core.state import DisputeState, fold, party_status, target_case
from goodfaith.core.timeline.model import Query, Timeline
from goodfaith.core.values.money import format_amount

STAGE_ZH = {
    "judgment": "判后（生效法律文书确定的履行阶段）",
    "pre_enforcement": "执前督促",
    "enforcement": "执行中",
    "closed": "已结案",
}


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "article": self.article}
        if self.paragraph is not None:
            out["paragraph"] = self.paragraph
        if self.item is not None:
            out["item"] = self.item
        return out


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str
    text: str
    citations: tuple[Citation, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "text": self.text,
            "citations": [c.as_json() for c in self.citations],
        }


@dataclass(frozen=True, slots=True)
class Answer:
    query: Query
    case: str | None
    outcome: str
    details: dict[str, Any] = field(default_factory=dict)
    reasons: tuple[Reason, ...] = ()

    def as_json(self) -> dict[str, Any]:
        q = self.query
        out: dict[str, Any] = {"id": q.id, "on": q.on.isoformat(), "ask": q.ask}
        if q.party is not None:
            out["party"] = q.party
        if q.notice is not None:
            out["notice"] = q.notice
        out["case"] = self.case
        out["outcome"] = self.outcome
        out["details"] = _jsonable(self.details)
        out["reasons"] = [r.as_json() for r in self.reasons]
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format_amount(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


Handler = Callable[[DisputeState, Query], Answer]


def answer_status(state: DisputeState, q: Query) -> Answer:
    """``status``: the party's snapshot (stage, lists, restrictions, measures, money)."""
    assert q.party is not None
    st = party_status(state, q.party, q.case)
    if st is None:
        return Answer(q, None, "undetermined", {}, (Reason("status", "截至查询日尚无案件。"),))
    name = state.parties[q.party].name
    text = (
        f"截至{q.on.isoformat()}，{name}在{st.case}中处于{STAGE_ZH[st.stage]}阶段；"
        f"已履行{format_amount(st.paid)}元，尚欠{format_amount(st.outstanding)}元。"
    )
    return Answer(q, str(st.case), "snapshot", st.snapshot(), (Reason("status", text),))


HANDLERS: dict[str, Handler] = {"status": answer_status}


def answer(timeline: Timeline, q: Query, state: DisputeState | None = None) -> Answer:
    """Answer one query with the facts known on its date."""
    if state is None:
        state = fold(timeline.parties, timeline.events, q.on)
    handler = HANDLERS.get(q.ask)
    if handler is None:
        target = target_case(state, q.party, q.case)
        case = str(target.number) if target is not None else None
        return Answer(q, case, "unsupported")
    return handler(state, q)


def replay(timeline: Timeline) -> dict[str, Any]:
    """Answer every query of the timeline: the ``goodfaith replay --json`` document."""
    states: dict[date, DisputeState] = {}
    answers = []
    for q in timeline.queries:
        if q.on not in states:
            states[q.on] = fold(timeline.parties, timeline.events, q.on)
        answers.append(answer(timeline, q, states[q.on]).as_json())
    return {"format": "goodfaith-replay/1", "title": timeline.title, "answers": answers}
