"""The sweep: turn every lapsed clock of every case file into a task, exactly once.

Idempotent by construction: a task is keyed by (dispute, clock key) under a unique constraint
and inserted with ``ignore_conflicts``, one transaction per dispute. Two sweeps running at once,
or a sweep re-run after a crash, create each task once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import QuerySet

from goodfaith.core.clocks import clocks
from goodfaith.web.audit import log as audit
from goodfaith.web.cases.models import Dispute
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.tasks.models import Task


@dataclass
class SweepReport:
    disputes: int = 0
    due: int = 0
    created: int = 0


def sweep(
    as_of: date,
    court: str | None = None,
    *,
    disputes: QuerySet[Dispute] | None = None,
    kinds: frozenset[str] | None = None,
) -> SweepReport:
    """Tasks for the lapsed clocks of ``disputes`` (default: all), of ``kinds`` (default: all)."""
    report = SweepReport()
    if disputes is None:
        disputes = Dispute.objects.all()
    disputes = disputes.select_related("court").order_by("id")
    if court:
        disputes = disputes.filter(court__code=court)
    for dispute in disputes:
        report.disputes += 1
        due = [
            c
            for c in clocks(dispute_timeline(dispute), as_of)
            if c.lapsed(as_of) and c.proposal != "none" and (kinds is None or c.kind in kinds)
        ]
        report.due += len(due)
        if not due:
            continue
        with transaction.atomic():
            before = Task.objects.filter(dispute=dispute).count()
            Task.objects.bulk_create(
                [
                    Task(
                        dispute=dispute,
                        court=dispute.court,
                        key=c.key,
                        kind=c.kind,
                        case_number=c.case,
                        party_key=c.party or "",
                        due=c.due,
                        proposal=c.proposal,
                        role=c.role,
                        reason=c.reason,
                    )
                    for c in due
                ],
                ignore_conflicts=True,
            )
            created = Task.objects.filter(dispute=dispute).count() - before
            report.created += created
            if created:
                audit.record("sweep", None, dispute.root_case, {"as_of": as_of, "tasks": created})
    return report
