"""Conghua court's 《自动履行证明书》 (seed 003, stage 3: 执行中督促履行).

The debtor who, after the enforcement filing, performs all duties, or the main duties with the
creditor's consent, may receive the certificate; not one who hid or transferred property, otherwise
refused to execute, or was referred for the crime of refusing to execute.
"""

from __future__ import annotations

from goodfaith.core.rules.facts import PartyFacts
from goodfaith.core.rules.outcome import Answer, Reason
from goodfaith.core.rules.sources import CONGHUA_RULES, cite
from goodfaith.core.timeline import model as m

TITLE = "自动履行证明书"
EXCLUDING_CONDUCT = {
    "evasion": "隐匿、转移财产",
    "obstruction": "妨碍、抗拒执行",
    "refusal_with_capacity": "有履行能力而拒不履行",
}


def certificate(f: PartyFacts, q: m.Query) -> Answer:
    case = str(f.case.number)
    details: dict[str, object] = {"document": TITLE, "situation": None, "exclusions": []}
    done = f.performed_on()
    confirmed = f.main_duties_confirmed_on()
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
    excluded = [
        EXCLUDING_CONDUCT[e.kind] for e in f.of_type(m.Conduct) if e.kind in EXCLUDING_CONDUCT
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
    return Answer(
        q,
        case,
        "eligible",
        details,
        (
            Reason(
                "conghua.certificate",
                f"{f.info.name}在执行立案后{how}，可以出具《自动履行证明书》。",
                (cite(CONGHUA_RULES, 3),),
            ),
        ),
    )
