"""Court policies (法院机制) as data: which mechanisms and parameters a court adds on top of the
national rules, and from which date. The national rules always apply underneath.

Adding a court's policy = one entry here (plus, if it brings a new kind of mechanism, a small
rule module in ``core/rules/`` registered under the mechanism's name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    court: str
    title: str
    source: str
    applies_from: date
    #: certificate mechanism (a rules module name) and the certificate's title
    certificate: str | None = None
    certificate_title: str | None = None
    #: credit repair: the conditions required (spec keys) and the effects the court may grant
    repair_conditions: tuple[str, ...] = ()
    repair_effects: tuple[str, ...] = ()
    #: temporary repair under a credit commitment (信用承诺): accepted urgent reasons
    temporary_repair_reasons: tuple[str, ...] = ()
    #: pre-enforcement supervision (执前督促): length in months, 0 = no such stage
    pre_enforcement_months: int = 0
    honest_list: bool = False
    fee_reduction: bool = False
    notes: tuple[str, ...] = field(default=())


POLICIES: dict[str, Policy] = {
    p.name: p
    for p in (
        Policy(
            name="huadu-2022",
            court="粤0114",
            title="花都法院《主动履行证明书》等信用修复激励机制",
            source="seed 000: 指导性案例 2024-17-5-101-004",
            # the seed gives no start date; the notice in the case is of 2022-06-28
            applies_from=date(2022, 1, 1),
            certificate="huadu",
            certificate_title="主动履行证明书",
        ),
        Policy(
            name="conghua-2022",
            court="粤0117",
            title="广州市从化区人民法院全面督促自动履行工作机制",
            source="seed 003: 审判委员会2022年第11次会议通过（2022-09-05）",
            applies_from=date(2022, 9, 5),
            certificate="conghua",
            certificate_title="自动履行证明书",
            temporary_repair_reasons=("production", "disaster", "public_health", "other"),
            pre_enforcement_months=1,
        ),
        Policy(
            name="ningbo-2019",
            court="浙02",
            title="宁波法院自动履行正向激励机制与信用修复机制",
            source="seed 001: 宁波中院2019-09-18现场会推广",
            applies_from=date(2019, 9, 18),
            certificate="ningbo",
            certificate_title="自动履行证明书",
            repair_conditions=(
                "appears_when_summoned",
                "reports_property",
                "obeys_consumption_order",
                "cooperates_with_disposal",
                "performance_plan",
            ),
            repair_effects=("shield", "delete", "shorten", "lift_exit", "lift_consumption"),
            honest_list=True,
            fee_reduction=True,
            notes=("performance_plan follows the neighbouring Ningde rules (shared/law §8.3)",),
        ),
    )
}
POLICY_NAMES: tuple[str, ...] = tuple(POLICIES)


def policy_in_force(name: str | None, on: date) -> Policy | None:
    """The named policy if it applies on ``on`` (None: the national rules alone)."""
    policy = POLICIES.get(name or "")
    if policy is None or on < policy.applies_from:
        return None
    return policy
