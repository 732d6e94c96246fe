"""The periodic review of the dishonest list (Sanya's clean-up, seed 002).

Entries stay published long after the debtor performed or the term ran out when nobody looks.
The review walks every case file with a published or shielded entry, finds those whose
deletion conditions are met (SPC list rules art. 10; the term's end, art. 2) and proposes the
deletion to the judge as a task, exactly once (the sweep's keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from goodfaith.web.cases.models import Dispute
from goodfaith.web.tasks.sweep import sweep

DELETION_CLOCKS = frozenset({"deletion_due", "listing_term_end"})


@dataclass(frozen=True)
class ReviewReport:
    case_files: int
    due: int
    created: int


def review(as_of: date, court: str | None = None) -> ReviewReport:
    listed = Dispute.objects.filter(states__listed=True).distinct()
    r = sweep(as_of, court, disputes=listed, kinds=DELETION_CLOCKS)
    return ReviewReport(r.disputes, r.due, r.created)
