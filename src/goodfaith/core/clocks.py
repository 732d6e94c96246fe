"""The deadline engine: every clock the case file starts, and what is due when it runs out.

``clocks(timeline, as_of)`` lists the clocks started on or before ``as_of`` with their due
dates and the decision the system will propose when they lapse. A clock is identified by a
stable ``key`` (what started it), so a sweep can turn each due clock into a task exactly once.

Clocks:
- a warning notice's deadline (预纳入失信 / 预罚款 / 拘留风险): lapsed unperformed -> propose the
  listing, fine or detention; performed in time -> propose the certificate and lifting;
- the pre-enforcement supervision period (执前督促, the policy's months): propose concluding it;
- a settlement instalment's due date: unpaid -> a task to check the settlement (art. 1 item 6);
- a temporary-repair commitment's perform-by date: unperformed -> restore the suspended sanctions;
- a list entry's deletion deadline (art. 10: three working days) and its term's end (art. 2);
- the performance period of the effective document (判后, stage 1): performed in time -> propose
  the certificate where the rules find the debtor eligible; lapsed -> tracked, no task;
- an execution objection (执行异议): the 滥用执行异议权利风险告知书 is served when it is filed
  (seed 003, stage 3 (四)); not served -> a task for the filing tribunal;
- a case closed as performed where the rules leave the certificate to the collegial panel
  (Huadu, reasoning 1 item 5): a task for the panel until it decides.

Each clock names the role (岗位) whose inbox its task lands in.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from goodfaith.core.policies import policy_in_force
from goodfaith.core.rules.dishonest_list import deletion_trigger, term_end
from goodfaith.core.rules.facts import party_facts
from goodfaith.core.state import DisputeState, fold
from goodfaith.core.timeline import model as m
from goodfaith.core.timeline.model import Timeline
from goodfaith.core.values.workdays import add_working_days

WARNINGS = {
    "pre_listing_notice": ("listing", "预纳入失信名单提醒期限届满"),
    "pre_fine_notice": ("fine", "预罚款通知期限届满"),
    "detention_risk_notice": ("detention", "拘留风险告知期限届满"),
}


@dataclass(frozen=True, slots=True)
class Clock:
    key: str
    kind: str
    case: str
    party: str | None
    started: date
    due: date
    #: the decision proposed when the clock lapses (as of its due date)
    proposal: str
    reason: str
    #: the role whose task it is (roles.ROLES)
    role: str = "enforcement_judge"

    def lapsed(self, as_of: date) -> bool:
        """Due and passed: the deadline day itself still belongs to the debtor."""
        return as_of > self.due


def add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    return d.replace(year=year, month=month, day=min(d.day, calendar.monthrange(year, month)[1]))


def clocks(t: Timeline, as_of: date) -> list[Clock]:
    """Every clock started by the events up to ``as_of``, with the proposal at its due date."""
    state = fold(t.parties, t.events, as_of)
    out: list[Clock] = []
    for e in state.events:
        if isinstance(e, m.DocumentServed) and e.document in WARNINGS and e.deadline:
            out += [_warning(t, state, e, party) for party in e.to]
        elif isinstance(e, m.PreEnforcementRegistered):
            clock = _supervision(t, state, e)
            concluded = state.cases[e.case].concluded
            if concluded is None or concluded.on > clock.due:
                out.append(clock)
        elif isinstance(e, m.SettlementAgreed):
            out += _installments(t, e)
        elif isinstance(e, m.CreditCommitment) and e.kind == "temporary_repair" and e.perform_by:
            out.append(_commitment(t, e))
        elif isinstance(e, m.JudgmentEffective) and e.due is not None:
            out += [_performance(t, e, party) for party in e.debtors]
        elif isinstance(e, m.ObjectionFiled):
            out.append(_objection(state, e))
        elif isinstance(e, m.CaseClosed) and e.reason in ("performed", "settlement_performed"):
            out += _panel(t, state, e)
    out += _deletions(t, state, as_of)
    return sorted(out, key=lambda c: (c.due, c.key))


def _performed_by(t: Timeline, party: str, case: m.CaseNumber, by: date) -> bool:
    state = fold(t.parties, t.events, by)
    f = party_facts(state, party, case)
    return f is not None and (
        f.performed_on() is not None or f.main_duties_confirmed_on() is not None
    )


DECISIONS: dict[str, type[m.Event]] = {
    "listing": m.Listed,
    "fine": m.FineDecided,
    "detention": m.DetentionDecided,
}


def _warning(t: Timeline, state: DisputeState, e: m.DocumentServed, party: str) -> Clock:
    assert e.deadline is not None
    measure, text = WARNINGS[e.document]
    performed = _performed_by(t, party, e.case, e.deadline)
    decided = any(
        isinstance(d, DECISIONS[measure]) and getattr(d, "party", None) == party and d.on >= e.on
        for d in state.events
    )
    if performed:
        proposal, why = "certificate_and_lifting", "期限内已履行，建议出具证明书并解除措施"
    elif decided:
        proposal, why = "none", "已依法作出决定"
    else:
        proposal, why = measure, "期限内未履行，建议依法作出决定"
    return Clock(
        key=f"{e.document}:{e.case}:{party}:{e.on.isoformat()}",
        kind=e.document,
        case=str(e.case),
        party=party,
        started=e.on,
        due=e.deadline,
        proposal=proposal,
        reason=f"{text}（{e.deadline.isoformat()}）：{why}。",
    )


def _supervision(t: Timeline, state: DisputeState, e: m.PreEnforcementRegistered) -> Clock:
    policy = policy_in_force(t.policy, e.on)
    months = policy.pre_enforcement_months if policy and policy.pre_enforcement_months else 1
    due = add_months(e.on, months) - timedelta(days=1)
    return Clock(
        key=f"pre_enforcement:{e.case}",
        kind="pre_enforcement_period",
        case=str(e.case),
        party=None,
        started=e.on,
        due=due,
        proposal="conclude_pre_enforcement",
        role="mediator",
        reason=f"执前督促期限（{months}个月）至{due.isoformat()}届满：督促成功则归档，督促不成且申请人要求的转立案执行。",
    )


def _installments(t: Timeline, e: m.SettlementAgreed) -> list[Clock]:
    out = []
    total = Decimal(0)
    for i, inst in enumerate(e.installments, 1):
        total += inst.amount
        for party in e.parties:
            paid = sum(
                (
                    p.amount
                    for p in t.events
                    if isinstance(p, m.Payment) and p.party == party and e.on <= p.on <= inst.due
                ),
                Decimal(0),
            )
            proposal = "none" if paid >= total else "check_settlement"
            out.append(
                Clock(
                    key=f"installment:{e.case}:{party}:{e.on.isoformat()}:{i}",
                    kind="installment_due",
                    case=str(e.case),
                    party=party,
                    started=e.on,
                    due=inst.due,
                    proposal=proposal,
                    reason=f"执行和解第{i}期（{inst.amount}元）应于{inst.due.isoformat()}前履行"
                    + (
                        "，已按期履行。"
                        if proposal == "none"
                        else "，未按期足额履行：核查是否无正当理由拒不履行和解协议。"
                    ),
                )
            )
    return out


def _commitment(t: Timeline, e: m.CreditCommitment) -> Clock:
    assert e.perform_by is not None
    performed = _performed_by(t, e.party, e.case, e.perform_by)
    return Clock(
        key=f"commitment:{e.case}:{e.party}:{e.on.isoformat()}",
        kind="commitment_due",
        case=str(e.case),
        party=e.party,
        started=e.on,
        due=e.perform_by,
        proposal="certificate_and_lifting" if performed else "restore_sanctions",
        reason=f"信用承诺书承诺于{e.perform_by.isoformat()}前履行完毕："
        + ("已履行。" if performed else "逾期未履行，建议恢复信用惩戒措施。"),
    )


def _deletions(t: Timeline, state: DisputeState, as_of: date) -> list[Clock]:
    """Active list entries whose deletion is due (art. 10) or whose term ends (art. 2)."""
    out = []
    for entry in state.listings:
        if not entry.active:
            continue
        key = f"{entry.case}:{entry.party}:{entry.listed_on.isoformat()}"
        end = term_end(entry)
        if end is not None:
            out.append(
                Clock(
                    key=f"listing_term:{key}",
                    kind="listing_term_end",
                    case=str(entry.case),
                    party=entry.party,
                    started=entry.listed_on,
                    due=end,
                    proposal="delete_listing",
                    reason=f"纳入期限于{end.isoformat()}届满，应在其后三个工作日内删除失信信息。",
                )
            )  # performing before the term ends also deletes the entry (art. 10): go on
        f = party_facts(state, entry.party, entry.case)
        trigger = deletion_trigger(f, f.performed_on()) if f is not None else None
        if trigger is not None:
            on, _, text = trigger
            out.append(
                Clock(
                    key=f"deletion:{key}",
                    kind="deletion_due",
                    case=str(entry.case),
                    party=entry.party,
                    started=on,
                    due=add_working_days(on, 3),
                    proposal="delete_listing",
                    reason=f"{on.isoformat()}{text}，应在三个工作日内删除失信信息。",
                )
            )
    return out


def _performance(t: Timeline, e: m.JudgmentEffective, party: str) -> Clock:
    """判后履行期限: performed in time and eligible -> the certificate (e.g. 自动履行证明书)."""
    from goodfaith.core.answers import (
        answer,
    )  # answers imports the rules, which import clocks' peers

    assert e.due is not None
    performed = _performed_by(t, party, e.case, e.due)
    proposal, why = "none", "履行期限届满未履行：申请执行人可申请执行，立案时询问是否适用执前督促"
    if performed:
        q = m.Query(id="clock", on=e.due, ask="certificate", party=party, case=e.case)
        a = answer(t, q)
        title = str(a.details.get("document") or "证明书")
        proposal, why = (
            ("issue_certificate", f"履行期限内已自动履行，建议出具{title}")
            if a.outcome == "eligible"
            else ("none", "履行期限内已履行")
        )
    return Clock(
        key=f"performance:{e.case}:{party}",
        kind="performance_due",
        case=str(e.case),
        party=party,
        started=e.on,
        due=e.due,
        proposal=proposal,
        role="trial",
        reason=f"生效法律文书确定的履行期限至{e.due.isoformat()}：{why}。",
    )


def _objection(state: DisputeState, e: m.ObjectionFiled) -> Clock:
    served = any(
        isinstance(d, m.DocumentServed)
        and d.document == "objection_risk_notice"
        and e.party in d.to
        and d.on >= e.on
        for d in state.events
    )
    return Clock(
        key=f"objection:{e.case}:{e.party}:{e.on.isoformat()}",
        kind="objection_notice",
        case=str(e.case),
        party=e.party,
        started=e.on,
        due=e.on,
        proposal="none" if served else "serve_objection_notice",
        role="filing",
        reason=f"{e.on.isoformat()}提出执行异议，应在异议立案时送达《滥用执行异议权利风险告知书》"
        + ("，已送达。" if served else "，尚未送达。"),
    )


def _panel(t: Timeline, state: DisputeState, e: m.CaseClosed) -> list[Clock]:
    """合议庭讨论: the certificate question the rules leave to the panel, until it decides."""
    from goodfaith.core.answers import answer

    policy = policy_in_force(t.policy, e.on)
    opened = state.cases.get(e.case)
    if policy is None or policy.certificate != "huadu" or opened is None:
        return []
    filed = next(
        (x for x in state.events if isinstance(x, m.EnforcementFiled) and x.case == e.case), None
    )
    out = []
    for party in filed.respondents if filed is not None else ():
        q = m.Query(id="clock", on=e.on, ask="certificate", party=party, case=e.case)
        a = answer(t, q)
        decided = any(
            isinstance(d, m.PanelDecided) and d.party == party and d.case == e.case
            for d in state.events
        )
        if a.outcome != "panel" and not decided:
            continue
        out.append(
            Clock(
                key=f"panel:{e.case}:{party}",
                kind="panel_certificate",
                case=str(e.case),
                party=party,
                started=e.on,
                due=e.on,
                proposal="none" if decided else "panel_certificate",
                role="panel",
                reason=f"{e.on.isoformat()}结案；"
                + (
                    "合议庭已作出决定。"
                    if decided
                    else "足额财产被控制后履行（裁判理由第1点第5项），是否出具证明书由合议庭讨论决定。"
                ),
            )
        )
    return out
