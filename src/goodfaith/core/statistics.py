"""Figures for court leadership (院领导), counted from case files over a period.

- 自动履行率: of the effective documents with duties that took effect in the period, the share
  performed in full without an enforcement case (as of the reporting date); documents neither
  performed nor enforced yet are counted apart, as pending.
- 执前督促: 执前调 cases registered in the period, and how those concluded.
- 执行: enforcement cases filed (收案) and closed (执结) in the period; the money paid in them
  in the period (执行到位金额).
- 发放证明书, 发布失信名单（人次）, 信用修复人次 (shieldings and deletions), in the period.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from goodfaith.core.state import fold
from goodfaith.core.timeline import model as m


@dataclass
class Figures:
    documents: int = 0
    performed_automatically: int = 0
    enforced: int = 0
    pending: int = 0
    pre_enforcement_registered: int = 0
    pre_enforcement_performed: int = 0
    pre_enforcement_transferred: int = 0
    enforcement_filed: int = 0
    enforcement_closed: int = 0
    amount_recovered: Decimal = Decimal(0)
    certificates_issued: int = 0
    listings_published: int = 0
    repairs_granted: int = 0

    @property
    def automatic_rate(self) -> float | None:
        """自动履行率: automatically performed ÷ documents that took effect (None if none)."""
        return self.performed_automatically / self.documents if self.documents else None

    def add(self, other: Figures) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = asdict(self)
        out["amount_recovered"] = f"{self.amount_recovered:.2f}"
        rate = self.automatic_rate
        out["automatic_rate"] = None if rate is None else round(rate, 4)
        return out


def figures(timelines: Iterable[m.Timeline], start: date, end: date, as_of: date) -> Figures:
    """The figures of ``timelines`` for events dated ``start``..``end`` (inclusive)."""
    total = Figures()
    for t in timelines:
        total.add(_one(t, start, end, as_of))
    return total


def _in(d: date, start: date, end: date) -> bool:
    return start <= d <= end


def _one(t: m.Timeline, start: date, end: date, as_of: date) -> Figures:
    f = Figures()
    state = fold(t.parties, t.events, as_of)
    enforced_roots = {
        state.cases[e.case].root for e in state.events if isinstance(e, m.EnforcementFiled)
    }
    enforcement_cases = {c.number for c in state.cases.values() if c.kind == "enforcement"}
    for e in state.events:
        inside = _in(e.on, start, end)
        if isinstance(e, m.JudgmentEffective) and inside and e.obligations:
            f.documents += 1
            if e.case in enforced_roots:
                f.enforced += 1
            elif _all_performed(state, e):
                f.performed_automatically += 1
            else:
                f.pending += 1
        if not inside:
            continue
        if isinstance(e, m.PreEnforcementRegistered):
            f.pre_enforcement_registered += 1
        elif isinstance(e, m.PreEnforcementConcluded):
            if e.outcome == "performed":
                f.pre_enforcement_performed += 1
            elif e.transfer:
                f.pre_enforcement_transferred += 1
        elif isinstance(e, (m.EnforcementFiled, m.CaseResumed)):
            f.enforcement_filed += 1
        elif isinstance(e, m.CaseClosed) and e.case in enforcement_cases:
            f.enforcement_closed += 1
        elif isinstance(e, m.Payment) and e.case in enforcement_cases:
            f.amount_recovered += e.amount
        elif isinstance(e, m.CertificateIssued):
            f.certificates_issued += 1
        elif isinstance(e, m.Listed):
            f.listings_published += 1
        elif isinstance(e, (m.Shielded, m.Delisted)):
            f.repairs_granted += 1
    return f


def _all_performed(state: Any, e: m.JudgmentEffective) -> bool:
    """Every duty of the document fully performed by every debtor (as of the state's date)."""
    duties = [o for o in state.obligations.values() if o.root == e.case]
    return bool(duties) and all(set(o.obligation.debtors) <= set(o.settled_on) for o in duties)
