"""Credit repair (信用修复) of a listed debtor, under the conditions its court's policy requires
(seed 001: Ningbo's 五大条件; the keys are the spec's ``repair_applied.conditions``).

A condition is met when the application says so and the file shows nothing against it; it fails
when the application denies it or the file shows a contrary fact after the listing; it is unknown
when the application is silent. Any failure: inadmissible; else any unknown: undetermined.
"""

from __future__ import annotations

from goodfaith.core.policies import Policy
from goodfaith.core.rules.dishonest_list import active_entry
from goodfaith.core.rules.facts import PartyFacts
from goodfaith.core.rules.outcome import Answer, Reason
from goodfaith.core.rules.sources import DISHONEST_LIST, cite
from goodfaith.core.timeline import model as m

NINGBO_REPAIR = "宁波市中级人民法院失信被执行人信用修复机制"
CONDITION_TEXT = {
    "appears_when_summoned": "经传唤于规定时间到达法院配合执行",
    "reports_property": "严格遵守财产滚动申报规定",
    "obeys_consumption_order": "严格遵守限制消费令",
    "cooperates_with_disposal": "配合人民法院处置现有财产",
    "performance_plan": "有部分履行行为及明确的履行计划，或确无财产可供执行",
    "contact_details": "提供通讯方式、经常居住地、送达地址确认书",
}


def _contrary(f: PartyFacts, key: str, since: object) -> m.Event | None:
    """An event after the listing that shows the condition is not met."""
    for e in f.events:
        if e.on < since:  # type: ignore[operator]
            continue
        if (
            key == "appears_when_summoned"
            and isinstance(e, m.SummonsMissed)
            and e.excused is not True
        ):
            return e
        if key == "reports_property" and isinstance(e, m.PropertyReport) and e.status != "on_time":
            return e
        if (
            key == "obeys_consumption_order"
            and isinstance(e, m.Conduct)
            and e.kind == "consumption_order_violation"
        ):
            return e
    return None


def repair(f: PartyFacts, q: m.Query, policy: Policy) -> Answer:
    case = str(f.case.number)
    entry = active_entry(f)
    if entry is None:
        return Answer(
            q,
            case,
            "inadmissible",
            {"missing": ["listed"], "effects": []},
            (
                Reason(
                    "credit_repair.listed",
                    f"{f.info.name}未被纳入失信被执行人名单，无需信用修复。",
                    (cite(DISHONEST_LIST, 1),),
                ),
            ),
        )
    applications = f.of_type(m.RepairApplied)
    stated: dict[str, bool] = (
        {str(k): v for k, v in applications[-1].conditions.items()} if applications else {}
    )
    asked = set(applications[-1].effects) if applications else set()
    failed, unknown, reasons = [], [], []
    for key in policy.repair_conditions:
        against = _contrary(f, key, entry.listed_on)
        if stated.get(key) is False or against is not None:
            failed.append(key)
            where = f"（{against.on.isoformat()} {against.TYPE}）" if against is not None else ""
            reasons.append(
                Reason(
                    f"credit_repair.{key}",
                    f"不符合“{CONDITION_TEXT[key]}”{where}。",
                    (cite(NINGBO_REPAIR, 1),),
                )
            )
        elif key not in stated:
            unknown.append(key)
            reasons.append(
                Reason(
                    f"credit_repair.{key}",
                    f"未载明是否“{CONDITION_TEXT[key]}”。",
                    (cite(NINGBO_REPAIR, 1),),
                )
            )
        else:
            reasons.append(
                Reason(
                    f"credit_repair.{key}",
                    f"符合“{CONDITION_TEXT[key]}”。",
                    (cite(NINGBO_REPAIR, 1),),
                )
            )
    effects = [e for e in policy.repair_effects if not asked or e in asked]
    if failed:
        return Answer(q, case, "inadmissible", {"missing": failed, "effects": []}, tuple(reasons))
    if unknown:
        return Answer(
            q, case, "undetermined", {"missing": unknown, "effects": effects}, tuple(reasons)
        )
    reasons.append(
        Reason(
            "credit_repair.effects",
            "条件均已具备，法院可以暂停信用惩戒：暂不发布或屏蔽、删除失信信息，缩短惩戒期限，解除出入境限制，解除与提高履行能力相关的限制消费。",
            (cite(NINGBO_REPAIR, 2), cite(DISHONEST_LIST, 2, paragraph=2)),
        )
    )
    return Answer(q, case, "admissible", {"missing": [], "effects": effects}, tuple(reasons))
