"""Answer a timeline's queries, in the spec's output shape (``goodfaith-replay/1``).

Each ask has one handler ``(state, query, policy) -> Answer``: ``status`` here, the others from
the rules engine (``core.rules``); an ask without a handler answers ``unsupported``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from goodfaith.core.rules import RULE_HANDLERS, Handler
from goodfaith.core.rules.outcome import Answer, Reason
from goodfaith.core.state import DisputeState, fold, party_status, target_case
from goodfaith.core.timeline.model import Query, Timeline
from goodfaith.core.values.money import format_amount

STAGE_ZH = {
    "judgment": "判后（生效法律文书确定的履行阶段）",
    "pre_enforcement": "执前督促",
    "enforcement": "执行中",
    "closed": "已结案",
}


def answer_status(state: DisputeState, q: Query, policy: str | None) -> Answer:
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


HANDLERS: dict[str, Handler] = {"status": answer_status, **RULE_HANDLERS}


def answer(timeline: Timeline, q: Query, state: DisputeState | None = None) -> Answer:
    """Answer one query with the facts known on its date."""
    if state is None:
        state = fold(timeline.parties, timeline.events, q.on)
    handler = HANDLERS.get(q.ask)
    if handler is None:
        target = target_case(state, q.party, q.case)
        case = str(target.number) if target is not None else None
        return Answer(q, case, "unsupported")
    return handler(state, q, timeline.policy)


def replay(timeline: Timeline) -> dict[str, Any]:
    """Answer every query of the timeline: the ``goodfaith replay --json`` document."""
    states: dict[date, DisputeState] = {}
    answers = []
    for q in timeline.queries:
        if q.on not in states:
            states[q.on] = fold(timeline.parties, timeline.events, q.on)
        answers.append(answer(timeline, q, states[q.on]).as_json())
    return {"format": "goodfaith-replay/1", "title": timeline.title, "answers": answers}
