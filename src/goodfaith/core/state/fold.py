"""Fold a timeline's events, up to a date, into the state of its cases and parties.

``fold(parties, events, as_of)`` is a pure function: the state is whatever the events that took
effect on or before ``as_of`` make it. Nothing here reads a clock or a database.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from goodfaith.core.timeline import model as m
from goodfaith.core.values.case_number import CaseNumber

ZERO = Decimal("0.00")
CaseKind = Literal["judgment", "pre_enforcement", "enforcement"]


@dataclass(slots=True)
class CaseRecord:
    """A case of the dispute: the judgment, a 执前调 supervision, an enforcement (执/执恢)."""

    number: CaseNumber
    kind: CaseKind
    opened_on: date
    root: CaseNumber  # the case of the effective document the chain rests on
    basis: CaseNumber | None = None
    applicants: tuple[str, ...] = ()
    respondents: tuple[str, ...] = ()
    closed_on: date | None = None
    close_reason: str | None = None
    concluded: m.PreEnforcementConcluded | None = None
    resumed_as: CaseNumber | None = None
    events: list[m.Event] = field(default_factory=list)


@dataclass(slots=True)
class ObligationState:
    """An obligation and what each debtor has paid or done towards it."""

    root: CaseNumber
    obligation: m.Obligation
    paid_by: dict[str, Decimal] = field(default_factory=dict)
    acts_by: set[str] = field(default_factory=set)
    #: the date on which each debtor's part became fully performed
    settled_on: dict[str, date] = field(default_factory=dict)

    def settle(self, on: date) -> None:
        """Record ``on`` for every debtor whose part is now fully performed."""
        o = self.obligation
        for d in o.debtors:
            if d in self.settled_on:
                continue
            if o.kind == "money":
                done = self.owed_by(d) == 0
            else:
                done = d in self.acts_by or (o.liability == "joint" and bool(self.acts_by))
            if done:
                self.settled_on[d] = on

    @property
    def paid(self) -> Decimal:
        return sum(self.paid_by.values(), ZERO)

    def owed_by(self, party: str) -> Decimal:
        """What ``party`` still owes: the whole remainder if joint, its share's remainder if several."""
        o = self.obligation
        if party not in o.debtors or o.kind != "money" or o.amount is None:
            return ZERO
        if o.liability == "joint":
            return max(o.amount - self.paid, ZERO)
        share = (o.shares or {}).get(party, ZERO)
        return max(share - self.paid_by.get(party, ZERO), ZERO)


@dataclass(slots=True)
class ListingRecord:
    """An entry on the dishonest-debtor list (失信被执行人名单) for one party in one case."""

    case: CaseNumber
    party: str
    listed_on: date
    items: tuple[int, ...]
    period_years: int | None
    extension_years: int
    shielded: bool = False
    deleted_on: date | None = None
    deleted_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.deleted_on is None


@dataclass(slots=True)
class MeasureRecord:
    """A control measure on property (冻结、查封、扣押 …)."""

    case: CaseNumber
    party: str
    id: str
    measure: str
    asset: str
    applied_on: date
    value: Decimal | None = None
    lifted_on: date | None = None


@dataclass(slots=True)
class DisputeState:
    """Everything the events up to ``as_of`` establish."""

    as_of: date
    parties: Mapping[str, m.Party]
    cases: dict[CaseNumber, CaseRecord] = field(default_factory=dict)
    obligations: dict[str, ObligationState] = field(default_factory=dict)
    listings: list[ListingRecord] = field(default_factory=list)
    measures: dict[str, MeasureRecord] = field(default_factory=dict)
    #: (party, case) -> date the restriction began, for restrictions in force
    consumption: dict[tuple[str, CaseNumber], date] = field(default_factory=dict)
    exit: dict[tuple[str, CaseNumber], date] = field(default_factory=dict)
    pre_enforcement_requests: list[m.PreEnforcementRequested] = field(default_factory=list)
    events: list[m.Event] = field(default_factory=list)

    def chain(self, case: CaseNumber) -> list[CaseRecord]:
        """The cases resting on the same effective document as ``case``, in opening order."""
        root = self.cases[case].root
        return [c for c in self.cases.values() if c.root == root]

    def outstanding(self) -> Decimal:
        """What is still owed on all money obligations of the dispute."""
        return sum(
            (
                max(o.obligation.amount - o.paid, ZERO)
                for o in self.obligations.values()
                if o.obligation.kind == "money" and o.obligation.amount is not None
            ),
            ZERO,
        )

    def listing(self, party: str, case: CaseNumber) -> ListingRecord | None:
        """The party's latest list entry in ``case``."""
        for entry in reversed(self.listings):
            if entry.party == party and entry.case == case:
                return entry
        return None


def events_until(events: Sequence[m.Event], as_of: date) -> Sequence[m.Event]:
    """The prefix of date-ordered ``events`` that took effect on or before ``as_of``."""
    return events[: bisect.bisect_right(events, as_of, key=lambda e: e.on)]


def fold(parties: Mapping[str, m.Party], events: Sequence[m.Event], as_of: date) -> DisputeState:
    """The state of the dispute as of ``as_of`` (events on that date included)."""
    state = DisputeState(as_of=as_of, parties=parties)
    for event in events_until(events, as_of):
        _apply(state, event)
    return state


def _apply(s: DisputeState, e: m.Event) -> None:
    s.events.append(e)
    case = s.cases.get(e.case_ref) if e.case_ref is not None else None
    if isinstance(e, m.JudgmentEffective):
        s.cases[e.case] = CaseRecord(
            e.case, "judgment", e.on, e.case, applicants=e.creditors, respondents=e.debtors
        )
        for o in e.obligations:
            s.obligations[o.id] = ObligationState(e.case, o)
    elif isinstance(e, m.PreEnforcementRequested):
        s.pre_enforcement_requests.append(e)
    elif isinstance(e, m.PreEnforcementRegistered):
        basis = s.cases[e.basis]
        s.cases[e.case] = CaseRecord(
            e.case,
            "pre_enforcement",
            e.on,
            basis.root,
            e.basis,
            basis.applicants,
            basis.respondents,
        )
    elif isinstance(e, m.EnforcementFiled):
        root = s.cases[e.basis].root
        s.cases[e.case] = CaseRecord(
            e.case, "enforcement", e.on, root, e.basis, e.applicants, e.respondents
        )
    elif isinstance(e, m.CaseResumed):
        old = s.cases[e.basis]
        old.resumed_as = e.case
        s.cases[e.case] = CaseRecord(
            e.case, "enforcement", e.on, old.root, e.basis, old.applicants, old.respondents
        )
    elif isinstance(e, m.PreEnforcementConcluded):
        assert case is not None
        case.concluded = e
        if e.outcome == "performed" or not e.transfer:
            case.closed_on, case.close_reason = e.on, f"pre_enforcement_{e.outcome}"
    elif isinstance(e, m.CaseClosed):
        assert case is not None
        case.closed_on, case.close_reason = e.on, e.reason
    elif isinstance(e, m.Payment):
        _pay(s, e)
    elif isinstance(e, m.ActPerformed):
        s.obligations[e.obligation].acts_by.add(e.party)
        s.obligations[e.obligation].settle(e.on)
    elif isinstance(e, m.MeasureApplied):
        s.measures[e.id] = MeasureRecord(
            e.case, e.party, e.id, e.measure, e.asset, e.on, value=e.value
        )
    elif isinstance(e, m.MeasureLifted):
        s.measures[e.id].lifted_on = e.on
    elif isinstance(e, m.Listed):
        s.listings.append(
            ListingRecord(e.case, e.party, e.on, e.items, e.period_years, e.extension_years)
        )
    elif isinstance(e, (m.Shielded, m.Unshielded, m.Delisted)):
        entry = s.listing(e.party, e.case)
        if entry is not None and entry.active:
            if isinstance(e, m.Delisted):
                entry.deleted_on, entry.deleted_reason = e.on, e.reason
            else:
                entry.shielded = isinstance(e, m.Shielded)
    elif isinstance(e, m.ConsumptionRestricted):
        s.consumption.setdefault((e.party, e.case), e.on)
    elif isinstance(e, m.ConsumptionRestrictionLifted):
        s.consumption.pop((e.party, e.case), None)
    elif isinstance(e, m.ExitRestricted):
        s.exit.setdefault((e.party, e.case), e.on)
    elif isinstance(e, m.ExitRestrictionLifted):
        s.exit.pop((e.party, e.case), None)
    if e.case_ref is not None:
        s.cases[e.case_ref].events.append(e)


def _pay(s: DisputeState, e: m.Payment) -> None:
    """Credit a payment to the named obligation, else to the party's open money obligations in
    the order the document lists them (any surplus stays on the last one)."""
    if e.obligation is not None:
        targets = [s.obligations[e.obligation]]
    else:
        root = s.cases[e.case].root
        targets = [
            o
            for o in s.obligations.values()
            if o.root == root and o.obligation.kind == "money" and e.party in o.obligation.debtors
        ]
    if not targets:
        return
    remaining = e.amount
    for i, o in enumerate(targets):
        last = i == len(targets) - 1
        part = remaining if last else min(remaining, o.owed_by(e.party))
        if part > 0:
            o.paid_by[e.party] = o.paid_by.get(e.party, ZERO) + part
            remaining -= part
            o.settle(e.on)
        if remaining <= 0:
            break
