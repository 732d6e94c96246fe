"""The national 《信用修复证明》 (SPC opinion of 2022-01-14 on small and micro enterprises, art. 20,
quoted in seed 004): once the party's dishonest-list information is shielded, the court may issue
a credit-repair certificate on request (for financing, tenders …). Courts without a certificate
policy of their own answer with this rule."""

from __future__ import annotations

from goodfaith.core.rules.facts import PartyFacts
from goodfaith.core.rules.outcome import Answer, Reason
from goodfaith.core.rules.sources import SME_2022, cite
from goodfaith.core.timeline import model as m

TITLE = "信用修复证明"


def certificate(f: PartyFacts, q: m.Query) -> Answer:
    case = str(f.case.number)
    details: dict[str, object] = {"document": TITLE, "situation": None, "exclusions": []}
    numbers = {c.number for c in f.chain}
    entries = [e for e in f.state.listings if e.party == f.party and e.case in numbers]
    shielded = [e for e in entries if e.active and e.shielded]
    if shielded:
        return Answer(
            q,
            case,
            "eligible",
            details,
            (
                Reason(
                    "sme_2022.art20",
                    f"{f.info.name}的失信信息已被屏蔽，因融资、招投标等需要请求的，人民法院可以出具信用修复证明。",
                    (cite(SME_2022, 20),),
                ),
            ),
        )
    why = "未被纳入失信被执行人名单" if not entries else "失信信息尚未被屏蔽"
    return Answer(
        q,
        case,
        "ineligible",
        details,
        (
            Reason(
                "sme_2022.art20",
                f"{f.info.name}{why}，不符合出具信用修复证明的前提。",
                (cite(SME_2022, 20),),
            ),
        ),
    )
