"""The rules engine: one module per instrument or court mechanism, one handler per ask.

A handler is ``(state, query, policy) -> Answer``. National rules always apply; a court policy
(``huadu-2022``, ``conghua-2022`` …) adds or replaces mechanisms such as the certificate.
"""

from __future__ import annotations

from collections.abc import Callable

from goodfaith.core.rules import civil_procedure, conghua, dishonest_list, huadu
from goodfaith.core.rules.facts import PartyFacts, party_facts
from goodfaith.core.rules.outcome import Answer, Reason
from goodfaith.core.state.fold import DisputeState
from goodfaith.core.timeline.model import Query

Handler = Callable[[DisputeState, Query, "str | None"], Answer]

#: the certificate mechanism of each policy
CERTIFICATES: dict[str, Callable[[PartyFacts, Query], Answer]] = {
    "huadu-2022": huadu.certificate,
    "conghua-2022": conghua.certificate,
}


def certificate(state: DisputeState, q: Query, policy: str | None) -> Answer:
    assert q.party is not None
    f = party_facts(state, q.party, q.case)
    if f is None:
        return Answer(
            q,
            None,
            "undetermined",
            {"missing": ["case"]},
            (Reason("case", "截至查询日尚无案件。"),),
        )
    mechanism = CERTIFICATES.get(policy or "")
    if mechanism is None:
        return Answer(
            q,
            str(f.case.number),
            "unsupported",
            {},
            (Reason("certificate", "该法院政策下的证明书规则尚未实现。"),),
        )
    return mechanism(f, q)


RULE_HANDLERS: dict[str, Handler] = {
    "certificate": certificate,
    "listing": dishonest_list.listing,
    "deletion": dishonest_list.deletion,
    "pre_notice": civil_procedure.pre_notice,
    "fine_range": civil_procedure.fine_range,
    "detention_range": civil_procedure.detention_range,
}
