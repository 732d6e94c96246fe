"""The rules engine: one module per instrument or court mechanism, one handler per ask.

A handler is ``(state, query, policy name) -> Answer``. National rules always apply (listing,
deletion, fines, detention, warnings); a court policy in force on the query date
(``core.policies``) adds the mechanisms the national rules leave to courts: certificates,
credit repair, temporary repair, pre-enforcement supervision, the honest-performer list. An ask
whose mechanism the applicable policy does not have answers ``unsupported``.
"""

from __future__ import annotations

from collections.abc import Callable

from goodfaith.core.policies import Policy, policy_in_force
from goodfaith.core.rules import (
    civil_procedure,
    conghua,
    credit_repair,
    dishonest_list,
    huadu,
    national_certificate,
    ningbo,
)
from goodfaith.core.rules.facts import PartyFacts, party_facts
from goodfaith.core.rules.outcome import Answer, Reason
from goodfaith.core.state.fold import DisputeState
from goodfaith.core.timeline.model import Query

Handler = Callable[[DisputeState, Query, "str | None"], Answer]

#: certificate mechanisms by the name a policy gives
CERTIFICATES: dict[str, Callable[[PartyFacts, Query, str], Answer]] = {
    "huadu": huadu.certificate,
    "conghua": conghua.certificate,
    "ningbo": ningbo.certificate,
}


def _no_case(q: Query) -> Answer:
    return Answer(
        q, None, "undetermined", {"missing": ["case"]}, (Reason("case", "截至查询日尚无案件。"),)
    )


def _unsupported(q: Query, f: PartyFacts | None, policy: Policy | None, what: str) -> Answer:
    who = f"《{policy.title}》" if policy else "全国性规定（未适用法院机制）"
    return Answer(
        q,
        str(f.case.number) if f else None,
        "unsupported",
        {},
        (Reason("policy", f"{who}未规定{what}。"),),
    )


def _with_policy(what: str, body: Callable[[PartyFacts, Query, Policy], Answer | None]) -> Handler:
    """A handler for a policy mechanism: gather the facts, find the policy, run ``body``."""

    def handler(state: DisputeState, q: Query, policy_name: str | None) -> Answer:
        assert q.party is not None
        f = party_facts(state, q.party, q.case)
        if f is None:
            return _no_case(q)
        policy = policy_in_force(policy_name, q.on)
        answer = body(f, q, policy) if policy is not None else None
        return answer if answer is not None else _unsupported(q, f, policy, what)

    return handler


def certificate(state: DisputeState, q: Query, policy_name: str | None) -> Answer:
    """The policy's certificate; without one, the national 《信用修复证明》 rule."""
    assert q.party is not None
    f = party_facts(state, q.party, q.case)
    if f is None:
        return _no_case(q)
    p = policy_in_force(policy_name, q.on)
    if p is None or p.certificate is None:
        return national_certificate.certificate(f, q)
    return CERTIFICATES[p.certificate](f, q, p.certificate_title or "")


def _repair(f: PartyFacts, q: Query, p: Policy) -> Answer | None:
    return credit_repair.repair(f, q, p) if p.repair_conditions else None


def _temporary_repair(f: PartyFacts, q: Query, p: Policy) -> Answer | None:
    return (
        conghua.temporary_repair(f, q, p.temporary_repair_reasons)
        if p.temporary_repair_reasons
        else None
    )


def _honest_list(f: PartyFacts, q: Query, p: Policy) -> Answer | None:
    return ningbo.honest_list(f, q) if p.honest_list else None


def pre_enforcement(state: DisputeState, q: Query, policy_name: str | None) -> Answer:
    policy = policy_in_force(policy_name, q.on)
    if policy is None or not policy.pre_enforcement_months:
        return _unsupported(q, None, policy, "执前督促程序")
    return conghua.pre_enforcement(state, q, policy.court, policy.pre_enforcement_months)


RULE_HANDLERS: dict[str, Handler] = {
    "certificate": certificate,
    "repair": _with_policy("信用修复条件", _repair),
    "temporary_repair": _with_policy("临时修复信用", _temporary_repair),
    "honest_list": _with_policy("诚信履行名单", _honest_list),
    "pre_enforcement": pre_enforcement,
    "listing": dishonest_list.listing,
    "deletion": dishonest_list.deletion,
    "pre_notice": civil_procedure.pre_notice,
    "fine_range": civil_procedure.fine_range,
    "detention_range": civil_procedure.detention_range,
}
