"""Facts the rules read off a folded dispute, for one party in one case's chain.

Each fact comes with the events it was taken from, so an answer can say where it came from.
A fact the file does not establish is ``None`` (unknown), never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from goodfaith.core.state.fold import ZERO, CaseRecord, DisputeState
from goodfaith.core.state.status import target_case
from goodfaith.core.timeline import model as m

E = TypeVar("E", bound=m.Event)


@dataclass(slots=True)
class PartyFacts:
    """What the file establishes about ``party`` in ``case``'s chain, as of ``state.as_of``."""

    state: DisputeState
    party: str
    case: CaseRecord
    chain: list[CaseRecord]
    #: art. 1 items found, each with the first event establishing it
    items: dict[int, m.Event] = field(default_factory=dict)
    events: list[m.Event] = field(default_factory=list)

    @property
    def as_of(self) -> date:
        return self.state.as_of

    @property
    def info(self) -> m.Party:
        return self.state.parties[self.party]

    def of_type(self, cls: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, cls)]

    # --- obligations ---------------------------------------------------------------------

    def obligations(self) -> list[m.Obligation]:
        return [
            o.obligation
            for o in self.state.obligations.values()
            if o.root == self.case.root and self.party in o.obligation.debtors
        ]

    @property
    def is_debtor(self) -> bool:
        return bool(self.obligations())

    def outstanding(self) -> Decimal:
        return sum(
            (
                o.owed_by(self.party)
                for o in self.state.obligations.values()
                if o.root == self.case.root
            ),
            ZERO,
        )

    def owed_total(self) -> Decimal:
        """The party's whole money debt under the document (its shares; joint amounts in full)."""
        total = ZERO
        for o in self.obligations():
            if o.kind != "money" or o.amount is None:
                continue
            total += o.amount if o.liability == "joint" else (o.shares or {}).get(self.party, ZERO)
        return total

    def performed_on(self) -> date | None:
        """The day the party's own duties were all performed (None while any is open)."""
        dates = []
        for o in self.state.obligations.values():
            if o.root != self.case.root or self.party not in o.obligation.debtors:
                continue
            settled = o.settled_on.get(self.party)
            if settled is None:
                return None
            dates.append(settled)
        return max(dates) if dates else None

    def main_duties_confirmed_on(self) -> date | None:
        """The day the creditor confirmed the party performed its main duties (主要义务)."""
        confirmed = [e.on for e in self.of_type(m.CreditorConfirmed)]
        return min(confirmed) if confirmed else None

    # --- enforcement steps ---------------------------------------------------------------

    def served(self, document: str) -> list[m.DocumentServed]:
        return [
            e
            for e in self.chain_events()
            if isinstance(e, m.DocumentServed) and e.document == document and self.party in e.to
        ]

    def chain_events(self) -> list[m.Event]:
        numbers = {c.number for c in self.chain}
        return [e for e in self.state.events if e.case_ref in numbers]

    def measures_in_force(self) -> list[m.MeasureApplied]:
        live = {
            rec.id
            for rec in self.state.measures.values()
            if rec.party == self.party and rec.lifted_on is None
        }
        return [e for e in self.of_type(m.MeasureApplied) if e.id in live]

    def controlled_value(self) -> Decimal | None:
        """Value of the property under control measures; None when any value is not given."""
        total = ZERO
        for e in self.measures_in_force():
            if e.value is None:
                return None
            total += e.value
        return total

    def unexcused_missed_summons(self) -> list[m.Event]:
        return [e for e in self.of_type(m.SummonsMissed) if e.excused is not True]

    def resumptions(self) -> list[CaseRecord]:
        """The resumed enforcement cases (恢复执行) of the chain."""
        return [
            c
            for c in self.chain
            if c.basis is not None and self.state.cases[c.basis].kind == "enforcement"
        ]

    def is_minor(self) -> bool | None:
        birth = self.info.birth_date
        if birth is None:
            return None if self.info.kind == "person" else False
        age = (
            self.as_of.year
            - birth.year
            - ((self.as_of.month, self.as_of.day) < (birth.month, birth.day))
        )
        return age < 18


def party_facts(state: DisputeState, party: str, case: m.CaseNumber | None) -> PartyFacts | None:
    """Gather the facts about ``party`` in the case a query means; None when there is none."""
    target = target_case(state, party, case)
    if target is None:
        return None
    chain = state.chain(target.number)
    numbers = {c.number for c in chain}
    events = [
        e
        for e in state.events
        if (e.case_ref in numbers or e.case_ref is None) and _concerns(e, party)
    ]
    facts = PartyFacts(state, party, target, chain, events=events)
    for e in events:
        item = None
        if isinstance(e, m.Conduct):
            item = m.CONDUCT_ITEM[e.kind]
        elif isinstance(e, m.PropertyReport) and e.status != "on_time":
            item = 4
        if item is not None:
            facts.items.setdefault(item, e)
    return facts


def _concerns(e: m.Event, party: str) -> bool:
    if getattr(e, "party", None) == party:
        return True
    for name in ("to", "parties", "respondents", "debtors"):
        if party in getattr(e, name, ()):
            return True
    return False
