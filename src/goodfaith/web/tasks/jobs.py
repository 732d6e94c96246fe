"""Background jobs, run by the django-tasks database backend (the Django 6 tasks API)."""

from __future__ import annotations

from datetime import date

from django_tasks import task

from goodfaith.web.tasks.sweep import sweep


@task()
def sweep_job(as_of: str | None = None) -> dict[str, int]:
    """Sweep every case file as of ``as_of`` (default: today); idempotent."""
    from goodfaith.web.partners.compliance import overdue_tasks

    day = date.fromisoformat(as_of) if as_of else date.today()
    r = sweep(day)
    late = overdue_tasks(day)
    return {"disputes": r.disputes, "due": r.due, "created": r.created, "partner_overdue": late}
