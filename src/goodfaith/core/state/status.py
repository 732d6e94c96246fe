"""A party's status snapshot in a dispute (the spec's ``status`` ask)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from goodfaith.core.state.fold import ZERO, CaseRecord, DisputeState
from goodfaith.core.values.case_number import CaseNumber

Stage = Literal["judgment", "pre_enforcement", "enforcement", "closed"]


@dataclass(frozen=True, slots=True)
class PartyStatus:
    """Where the party stands in the case's chain on ``state.as_of``."""

    case: CaseNumber
    stage: Stage
    listed: bool
    shielded: bool
    consumption_restricted: bool
    exit_restricted: bool
    measures: tuple[str, ...]
    paid: Decimal
    outstanding: Decimal

    def snapshot(self) -> dict[str, object]:
        """The spec's ``status`` details (also the columns of the stored derived state)."""
        return {
            "stage": self.stage,
            "listed": self.listed,
            "shielded": self.shielded,
            "consumption_restricted": self.consumption_restricted,
            "exit_restricted": self.exit_restricted,
            "measures": list(self.measures),
            "paid": self.paid,
            "outstanding": self.outstanding,
        }


def _involves(case: CaseRecord, party: str) -> bool:
    return party in case.respondents or party in case.applicants


def target_case(
    state: DisputeState, party: str | None, case: CaseNumber | None
) -> CaseRecord | None:
    """The case a query means: the one named, else the party's latest enforcement case, else its
    latest pre-enforcement supervision, else its latest effective document."""
    if case is not None:
        return state.cases.get(case)
    mine = [c for c in state.cases.values() if party is None or _involves(c, party)]
    for kind in ("enforcement", "pre_enforcement", "judgment"):
        of_kind = [c for c in mine if c.kind == kind]
        if of_kind:
            return of_kind[-1]
    return None


def stage_of(state: DisputeState, case: CaseRecord) -> Stage:
    """The procedural stage of ``case`` as of the state's date."""
    if case.kind == "enforcement":
        return "closed" if case.closed_on is not None else "enforcement"
    if case.kind == "pre_enforcement":
        return "closed" if case.closed_on is not None else "pre_enforcement"
    requested = any(
        r.basis == case.number and r.consent is True for r in state.pre_enforcement_requests
    )
    return "pre_enforcement" if requested else "judgment"


def party_status(
    state: DisputeState, party: str, case: CaseNumber | None = None
) -> PartyStatus | None:
    """The party's snapshot for the named case (or the case ``target_case`` picks); ``None`` when
    the dispute has no case yet on that date."""
    target = target_case(state, party, case)
    if target is None:
        return None
    chain = {c.number for c in state.chain(target.number)}
    entries = [e for e in state.listings if e.party == party and e.case in chain and e.active]
    obligations = [o for o in state.obligations.values() if o.root == target.root]
    return PartyStatus(
        case=target.number,
        stage=stage_of(state, target),
        listed=bool(entries),
        shielded=bool(entries) and all(e.shielded for e in entries),
        consumption_restricted=any((party, c) in state.consumption for c in chain),
        exit_restricted=any((party, c) in state.exit for c in chain),
        measures=tuple(
            mid
            for mid, rec in state.measures.items()
            if rec.party == party and rec.case in chain and rec.lifted_on is None
        ),
        paid=sum((o.paid_by.get(party, ZERO) for o in obligations), ZERO),
        outstanding=sum((o.owed_by(party) for o in obligations), ZERO),
    )
