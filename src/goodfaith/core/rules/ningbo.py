"""Ningbo courts' automatic-performance incentives (seed 001): the 《自动履行证明书》 issued on
application to a party who performed without enforcement, and the honest-performer list
(诚信履行名单) pushed to regulators, tax, banks and credit platforms."""

from __future__ import annotations

from goodfaith.core.rules.facts import PartyFacts
from goodfaith.core.rules.outcome import Answer, Reason
from goodfaith.core.rules.sources import cite
from goodfaith.core.timeline import model as m

NINGBO = "宁波市中级人民法院自动履行正向激励机制"


def _enforced_against(f: PartyFacts) -> list[str]:
    return [
        str(c.number)
        for c in f.state.cases.values()
        if c.kind == "enforcement" and f.party in c.respondents
    ]


def certificate(f: PartyFacts, q: m.Query, title: str) -> Answer:
    case = str(f.case.number)
    details: dict[str, object] = {"document": title, "situation": None, "exclusions": []}
    done = f.performed_on()
    if done is None:
        return Answer(
            q,
            case,
            "ineligible",
            details,
            (
                Reason(
                    "ningbo.certificate",
                    f"{f.info.name}尚未履行生效法律文书确定的全部义务。",
                    (cite(NINGBO, 1),),
                ),
            ),
        )
    enforced = _enforced_against(f)
    if enforced:
        details["exclusions"] = ["enforced"]
        return Answer(
            q,
            case,
            "ineligible",
            details,
            (
                Reason(
                    "ningbo.certificate",
                    f"{f.info.name}经强制执行（{'、'.join(enforced)}）才履行，不属于自动履行。",
                    (cite(NINGBO, 1),),
                ),
            ),
        )
    return Answer(
        q,
        case,
        "eligible",
        details,
        (
            Reason(
                "ningbo.certificate",
                f"{f.info.name}于{done.isoformat()}自动履行完毕，经申请可以出具《{title}》。",
                (cite(NINGBO, 1),),
            ),
        ),
    )


def honest_list(f: PartyFacts, q: m.Query) -> Answer:
    case = str(f.case.number)
    done = f.performed_on()
    if not f.is_debtor:
        return Answer(
            q,
            case,
            "exclude",
            {"reason": "not_a_debtor"},
            (Reason("ningbo.honest_list", f"{f.info.name}不负履行义务。", (cite(NINGBO, 2),)),),
        )
    if done is None:
        return Answer(
            q,
            case,
            "exclude",
            {"reason": "not_performed"},
            (Reason("ningbo.honest_list", f"{f.info.name}尚未履行完毕。", (cite(NINGBO, 2),)),),
        )
    enforced = _enforced_against(f)
    if enforced:
        return Answer(
            q,
            case,
            "exclude",
            {"reason": "enforced"},
            (
                Reason(
                    "ningbo.honest_list",
                    f"{f.info.name}有以其为被执行人的执行案件（{'、'.join(enforced)}），不列入诚信履行名单。",
                    (cite(NINGBO, 2),),
                ),
            ),
        )
    return Answer(
        q,
        case,
        "include",
        {"reason": "performed_without_enforcement"},
        (
            Reason(
                "ningbo.honest_list",
                f"{f.info.name}于{done.isoformat()}自动履行完毕，无执行案件，列入诚信履行名单并定期推送。",
                (cite(NINGBO, 2),),
            ),
        ),
    )
