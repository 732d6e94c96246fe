"""``goodfaith explain``: one answer told in Chinese: the facts it rests on (with the events they
come from), each reason with its citation, and the conclusion."""

from __future__ import annotations

from goodfaith.core.answers import answer
from goodfaith.core.labels import ASK_LABELS, EVENT_LABELS, OUTCOME_LABELS
from goodfaith.core.policies import policy_in_force
from goodfaith.core.rules.facts import party_facts
from goodfaith.core.rules.outcome import Citation
from goodfaith.core.state import fold
from goodfaith.core.timeline.dump import event_data
from goodfaith.core.timeline.model import Query, Timeline

_NUM = "〇一二三四五六七八九"


def cite_zh(c: Citation) -> str:
    """《来源》第N条第M款第K项 (for a guiding case: 裁判理由第N点第K项)."""
    if c.source[:4].isdigit():
        text = f"指导性案例《{c.source}》裁判理由第{c.article}点"
    else:
        text = f"《{c.source}》第{c.article}条"
    if c.paragraph is not None:
        text += f"第{c.paragraph}款"
    if c.item is not None:
        text += f"第{c.item}项"
    return text


def explain(timeline: Timeline, q: Query) -> str:
    state = fold(timeline.parties, timeline.events, q.on)
    a = answer(timeline, q, state)
    policy = policy_in_force(timeline.policy, q.on)
    who = timeline.parties[q.party].name if q.party else ""
    lines = [
        f"查询 {q.id}：{who}{'·' if who else ''}{ASK_LABELS.get(q.ask, q.ask)}（截至{q.on.isoformat()}）",
        f"案件：{a.case or '—'}；法院：{timeline.court_name}；"
        f"适用机制：{policy.title if policy else '全国性规定'}",
        "",
        "一、所依据的事实（案卷记录）",
    ]
    facts = party_facts(state, q.party, q.case) if q.party else None
    events = facts.events if facts is not None else list(state.events)
    if not events:
        lines.append("  （无）")
    for e in events:
        data = event_data(e)
        extra = "，".join(
            f"{k}={v}" for k, v in data.items() if k not in ("on", "type", "case", "party")
        )
        case = f" {data['case']}" if "case" in data else ""
        lines.append(
            f"  {e.on.isoformat()} {EVENT_LABELS.get(e.TYPE, e.TYPE)}{case}{'：' + extra if extra else ''}"
        )
    lines += ["", "二、逐项审查"]
    for i, r in enumerate(a.reasons, 1):
        cites = "；".join(cite_zh(c) for c in r.citations)
        lines.append(f"  {i}. {r.text}" + (f"\n     依据：{cites}" if cites else ""))
    details = a.as_json()["details"]
    lines += [
        "",
        f"三、结论：{OUTCOME_LABELS.get(a.outcome, a.outcome)}（{a.outcome}）",
    ]
    if details:
        lines.append("  " + "；".join(f"{k}：{v}" for k, v in details.items()))
    return "\n".join(lines)
