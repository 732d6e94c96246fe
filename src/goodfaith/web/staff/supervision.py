"""督促台账: the running clocks of the staff member's courts, by stage of supervision.

Stage 1 (判后): effective documents whose performance period runs, with the receiving account
and whether the 自动履行告知书 went out. Stage 2 (执前督促): open 执前调 cases with their
mediator, the one-month clock and the contact log. Stage 3 (执行中): warning deadlines,
settlement instalments and credit commitments still running.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from goodfaith.core.clocks import Clock, clocks
from goodfaith.core.labels import value_label
from goodfaith.core.rules.facts import party_facts
from goodfaith.core.state import DisputeState, fold
from goodfaith.core.timeline import model as m
from goodfaith.web.cases import models as db
from goodfaith.web.cases.access import disputes_for
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.staff.params import date_param

CLOCK_LABELS = {
    "performance_due": "判后履行期限",
    "pre_enforcement_period": "执前督促期限",
    "pre_listing_notice": "预纳入失信名单提醒",
    "pre_fine_notice": "预罚款通知",
    "detention_risk_notice": "拘留风险告知",
    "installment_due": "执行和解分期",
    "commitment_due": "信用承诺履行期限",
}
STAGE_OF_CLOCK = {
    "performance_due": "judgment",
    "pre_enforcement_period": "pre_enforcement",
}


@dataclass
class Row:
    dispute: db.Dispute
    clock: Clock
    label: str
    party: str
    days_left: int
    notes: list[str] = field(default_factory=list)


def _notes(t: m.Timeline, clock: Clock, as_of: date) -> list[str]:
    """What the ledger shows beside a clock: account and notice (stage 1), contact log (stage 2)."""
    events = [e for e in t.events if e.on <= as_of]
    if clock.kind == "performance_due":
        accounts = [e for e in events if isinstance(e, m.AccountRecorded)]
        notice = any(
            isinstance(e, m.DocumentServed) and e.document == "automatic_performance_notice"
            for e in events
        )
        out = [
            f"收款账户：{accounts[-1].bank} {accounts[-1].account}"
            if accounts
            else "未登记收款账户"
        ]
        if len(accounts) > 1:
            out.append(f"账户已变更{len(accounts) - 1}次")
        out.append("已送达自动履行告知书" if notice else "未送达自动履行告知书")
        return out
    if clock.kind == "pre_enforcement_period":
        registered = next(
            e
            for e in events
            if isinstance(e, m.PreEnforcementRegistered) and str(e.case) == clock.case
        )
        contacts = [
            e for e in events if isinstance(e, m.ContactAttempt) and str(e.case) == clock.case
        ]
        out = [f"调解员：{registered.mediator or '未指派'}", f"联系{len(contacts)}次"]
        if contacts:
            last = contacts[-1]
            out.append(
                f"最近：{last.on.isoformat()} {value_label('method', last.method)}，"
                f"{value_label('outcome', last.outcome)}"
            )
        return out
    return []


def ledger(disputes: list[db.Dispute], as_of: date) -> dict[str, list[Row]]:
    """Running (not yet lapsed, not yet answered) clocks by stage: judgment, pre_enforcement,
    enforcement."""
    out: dict[str, list[Row]] = {"judgment": [], "pre_enforcement": [], "enforcement": []}
    for dispute in disputes:
        t = dispute_timeline(dispute)
        state = fold(t.parties, t.events, as_of)
        for c in clocks(t, as_of):
            if c.kind not in CLOCK_LABELS or c.lapsed(as_of):
                continue
            if c.kind == "performance_due" and any(
                str(case.number) != c.case for case in state.cases.values()
            ):
                continue  # enforcement or 执前督促 already under way: stage 1 is over
            if (
                c.kind == "pre_enforcement_period"
                and state.cases[m.CaseNumber.parse(c.case)].concluded is not None
            ):
                continue
            if c.party and _performed(state, c):
                continue
            party = t.parties[c.party].name if c.party else ""
            row = Row(dispute, c, CLOCK_LABELS[c.kind], party, (c.due - as_of).days)
            row.notes = _notes(t, c, as_of)
            out[STAGE_OF_CLOCK.get(c.kind, "enforcement")].append(row)
    for rows in out.values():
        rows.sort(key=lambda r: (r.clock.due, r.clock.case))
    return out


def _performed(state: DisputeState, c: Clock) -> bool:
    """The party has already performed all its duties (nothing left to supervise)."""
    assert c.party is not None
    f = party_facts(state, c.party, m.CaseNumber.parse(c.case))
    return f is not None and f.performed_on() is not None


@login_required
def supervision(request: HttpRequest) -> HttpResponse:
    as_of = date_param(request.GET)
    disputes = list(
        disputes_for(request.user).exclude(stage="closed").select_related("court").order_by("id")
    )
    rows = ledger(disputes, as_of)
    sections = [
        (
            "judgment",
            "阶段一：判后督促履行",
            "业务庭跟踪履行期限；期限内履行的，按本院机制出具证明。",
        ),
        ("pre_enforcement", "阶段二：执前督促履行", "立案庭指派调解员督促，期限原则上为一个月。"),
        (
            "enforcement",
            "阶段三：执行中督促履行",
            "告知书期限届满未履行的，系统向执行法官提出决定建议。",
        ),
    ]
    context = {
        "as_of": as_of,
        "sections": [(key, title, hint, rows[key]) for key, title, hint in sections],
    }
    return render(request, "staff/supervision.html", context)
