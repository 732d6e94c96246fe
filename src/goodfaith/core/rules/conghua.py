"""Conghua court's 《自动履行证明书》 (seed 003, stage 3: 执行中督促履行).

The debtor who, after the enforcement filing, performs all duties, or the main duties with the
creditor's consent, may receive the certificate; not one who hid or transferred property, otherwise
refused to execute, or was referred for the crime of refusing to execute.
"""

from __future__ import annotations

from datetime import date

from goodfaith.core.rules.dishonest_list import active_entry
from goodfaith.core.rules.facts import PartyFacts
from goodfaith.core.rules.outcome import Answer, Reason, decide
from goodfaith.core.rules.sources import CONGHUA_RULES, cite
from goodfaith.core.state.fold import DisputeState
from goodfaith.core.timeline import model as m

TITLE = "自动履行证明书"
EXCLUDING_CONDUCT = {
    "evasion": "隐匿、转移财产",
    "obstruction": "妨碍、抗拒执行",
    "refusal_with_capacity": "有履行能力而拒不履行",
}


def certificate(f: PartyFacts, q: m.Query, title: str = TITLE) -> Answer:
    case = str(f.case.number)
    details: dict[str, object] = {"document": title, "situation": None, "exclusions": []}
    done = f.performed_on()
    confirmed = f.main_duties_confirmed_on()
    if f.case.kind != "enforcement":
        return Answer(
            q,
            case,
            "ineligible",
            details,
            (
                Reason(
                    "conghua.certificate",
                    "《自动履行证明书》适用于进入执行阶段后履行的案件；本案尚未立案执行。",
                    (cite(CONGHUA_RULES, 3),),
                ),
            ),
        )
    if done is None and confirmed is None:
        return Answer(
            q,
            case,
            "ineligible",
            details,
            (
                Reason(
                    "conghua.certificate",
                    f"{f.info.name}尚未履行全部义务，申请执行人亦未确认其已履行主要义务。",
                    (cite(CONGHUA_RULES, 3),),
                ),
            ),
        )
    in_time = _performed_within_warning(f, done)
    excluded = [
        EXCLUDING_CONDUCT[e.kind]
        for e in f.of_type(m.Conduct)
        if e.kind in EXCLUDING_CONDUCT and not (in_time and e.kind == "refusal_with_capacity")
    ]
    if f.of_type(m.ProsecutionReferred):
        excluded.append("涉嫌拒不执行判决、裁定罪被移送公安")
    if excluded:
        details["exclusions"] = excluded
        return Answer(
            q,
            case,
            "ineligible",
            details,
            (
                Reason(
                    "conghua.certificate.exclusion",
                    f"{f.info.name}存在{'、'.join(excluded)}的情形，不予出具。",
                    (cite(CONGHUA_RULES, 3),),
                ),
            ),
        )
    how = "履行全部义务" if done is not None else "履行主要义务并经申请执行人同意"
    if in_time:
        how += "（在预纳入失信名单提醒通知书限定的期限内）"
    return Answer(
        q,
        case,
        "eligible",
        details,
        (
            Reason(
                "conghua.certificate",
                f"{f.info.name}在执行立案后{how}，可以出具《{title}》。",
                (cite(CONGHUA_RULES, 3),),
            ),
        ),
    )


def _performed_within_warning(f: PartyFacts, done: date | None) -> bool:
    """Performed by the deadline of a pre-listing notice (stage 3 (一) 2: may still be certified)."""
    if done is None:
        return False
    return any(
        e.deadline is not None and e.on <= done <= e.deadline
        for e in f.served("pre_listing_notice")
    )


URGENT_TEXT = {
    "production": "生产经营任务",
    "disaster": "受自然灾害影响",
    "public_health": "受重大突发公共卫生事件影响复工复产",
    "other": "其他紧急情况",
}


def temporary_repair(f: PartyFacts, q: m.Query, reasons_allowed: tuple[str, ...]) -> Answer:
    """信用承诺（临时修复信用）: stage 3 (五) 1 (2) and 2: an urgent reason, the creditor's consent,
    a written commitment with the date by which the debtor will have performed."""
    case = str(f.case.number)
    sanctioned = bool(f.state.listings and active_entry(f)) or any(
        (f.party, c.number) in f.state.consumption for c in f.chain
    )
    commitments = [c for c in f.of_type(m.CreditCommitment) if c.kind == "temporary_repair"]
    missing: list[str] = []
    notes: list[Reason] = []
    if not sanctioned:
        missing.append("sanction_in_force")
        notes.append(
            Reason(
                "conghua.temporary_repair",
                f"{f.info.name}未被纳入失信名单或限制消费，无需临时修复。",
                (cite(CONGHUA_RULES, 3),),
            )
        )
    if not commitments:
        missing.append("credit_commitment")
        notes.append(
            Reason(
                "conghua.temporary_repair",
                "被执行人未出具《信用承诺书》（临时修复信用）。",
                (cite(CONGHUA_RULES, 3),),
            )
        )
    else:
        c = commitments[-1]
        if c.reason not in reasons_allowed:
            missing.append("urgent_reason")
            notes.append(
                Reason(
                    "conghua.temporary_repair",
                    "承诺书未说明需要临时修复信用的紧急原因。",
                    (cite(CONGHUA_RULES, 3),),
                )
            )
        if c.creditor_consent is not True:
            missing.append("creditor_consent")
            notes.append(
                Reason(
                    "conghua.temporary_repair", "未征得申请执行人同意。", (cite(CONGHUA_RULES, 3),)
                )
            )
        if c.perform_by is None:
            missing.append("perform_by")
            notes.append(
                Reason(
                    "conghua.temporary_repair",
                    "承诺书未载明履行完毕的期限。",
                    (cite(CONGHUA_RULES, 3),),
                )
            )
    if missing:
        return Answer(q, case, "inadmissible", {"missing": missing}, tuple(notes))
    c = commitments[-1]
    window = f"{c.from_.isoformat()}至{c.to.isoformat()}" if c.from_ and c.to else "承诺书所载期间"
    assert c.reason is not None and c.perform_by is not None
    return Answer(
        q,
        case,
        "admissible",
        {"missing": []},
        (
            Reason(
                "conghua.temporary_repair",
                f"因{URGENT_TEXT[c.reason]}，经申请执行人同意，可在{window}临时解除失信或限制消费措施；"
                f"被执行人承诺于{c.perform_by.isoformat()}前履行完毕。",
                (cite(CONGHUA_RULES, 3),),
            ),
        ),
    )


def pre_enforcement(state: DisputeState, q: m.Query, court: str, months: int) -> Answer:
    """执前督促 (stage 2 (一)): the court's own effective document with a money or act duty, not
    served by announcement, no urgent risk of evasion, the creditor consenting and able to give
    the debtor's contact details."""
    judgments = [
        e
        for e in state.events
        if isinstance(e, m.JudgmentEffective) and (q.case is None or e.case == q.case)
    ]
    stage2 = cite(CONGHUA_RULES, 2)
    if not judgments:
        case = str(q.case) if q.case else None
        text = "截至查询日，案卷中没有该生效法律文书。"
        return decide(q, case, "undetermined", {"missing": ["judgment"]}, RULE2, text, stage2)
    j = judgments[-1]
    case = str(j.case)

    def no(text: str, why: str) -> Answer:
        return decide(q, case, "ineligible", {"reason": why}, RULE2, text, stage2)

    def unknown(text: str, fact: str) -> Answer:
        return decide(q, case, "undetermined", {"missing": [fact]}, RULE2, text, stage2)

    if j.case.court != court:
        return no("执前督促适用于本院已生效的法律文书。", "other_court")
    if j.served_by_announcement:
        return no("生效法律文书系公告送达的，不适用执前督促。", "served_by_announcement")
    if any(
        isinstance(e, m.Conduct) and e.kind == "evasion" and e.party in j.debtors
        for e in state.events
    ):
        return no("存在转移财产、逃避执行等紧急情况，应正常立案执行。", "urgent")
    requests = [
        e for e in state.events if isinstance(e, m.PreEnforcementRequested) and e.basis == j.case
    ]
    if not requests or requests[-1].consent is None:
        return unknown("尚未询问申请执行人是否同意执前督促。", "consent")
    r = requests[-1]
    if r.consent is False:
        return no("申请执行人不同意执前督促，正常立案进入强制执行程序。", "no_consent")
    if r.debtor_contact is False:
        return no("申请执行人无法提供债务人的具体联系方式，正常立案执行。", "no_contact")
    if r.debtor_contact is None:
        return unknown("未载明申请执行人能否提供债务人的联系方式。", "debtor_contact")
    text = f"申请执行人同意并能提供债务人联系方式，可以“执前调”案号登记，督促期限原则上为{months}个月。"
    return decide(q, case, "eligible", {"reason": "consent", "months": months}, RULE2, text, stage2)


RULE2 = "conghua.pre_enforcement"
