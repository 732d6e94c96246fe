"""统计 (院领导, 系统管理员): the figures of ``core.statistics`` per court over a period."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from goodfaith.core.statistics import Figures, figures
from goodfaith.web.cases.access import courts_of
from goodfaith.web.cases.models import Court, Dispute
from goodfaith.web.cases.roles import roles_of
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.staff.params import date_param

ROLES = {"leadership", "admin"}


def court_figures(court: Court, start: date, end: date, as_of: date) -> Figures:
    timelines = (
        dispute_timeline(d) for d in Dispute.objects.filter(court=court).select_related("court")
    )
    return figures(timelines, start, end, as_of)


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    if not (roles_of(request.user) & ROLES or getattr(request.user, "is_superuser", False)):
        return render(
            request, "staff/forbidden.html", {"what": "统计数据（院领导、系统管理员）"}, status=403
        )
    today = timezone.localdate()
    start = date_param(request.GET, "from", today.replace(month=1, day=1))
    end = date_param(request.GET, "to", today)
    rows = []
    total = Figures()
    for court in courts_of(request.user).order_by("code"):
        f = court_figures(court, start, end, today)
        total.add(f)
        rows.append((court, f))
    return render(
        request,
        "staff/statistics.html",
        {"rows": rows, "total": total, "start": start, "end": end, "today": today},
    )
