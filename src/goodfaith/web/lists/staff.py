"""名单管理 (staff): every list entry of the member's courts, its state and its history."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from goodfaith.core.lists import LIST_LABELS, STATE_LABELS, entries
from goodfaith.core.state import fold
from goodfaith.web.cases.access import disputes_for
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.staff.params import date_param

LIST_EVENTS = (
    "listed",
    "consumption_restricted",
    "exit_restricted",
    "document_served",  # pre-listing notices (预纳入)
)


@login_required
def list_entries(request: HttpRequest) -> HttpResponse:
    as_of = date_param(request.GET)
    wanted_list = request.GET.get("list", "")
    wanted_state = request.GET.get("state", "")
    disputes = (
        disputes_for(request.user)
        .filter(events__type__in=LIST_EVENTS)
        .distinct()
        .select_related("court")
        .order_by("id")
    )
    rows: list[dict[str, Any]] = []
    for dispute in disputes:
        t = dispute_timeline(dispute)
        for x in entries(fold(t.parties, t.events, as_of)):
            if (wanted_list and x.name != wanted_list) or (
                wanted_state and x.state != wanted_state
            ):
                continue
            rows.append(
                {
                    "dispute": dispute,
                    "party": t.parties[x.party].name,
                    "key": x.party,
                    "list": LIST_LABELS[x.name],
                    "state": STATE_LABELS[x.state],
                    "code": x.state,
                    "public": x.public,
                    "since": x.since,
                    "case": str(x.case),
                    "history": [(h.on, STATE_LABELS[h.state], h.basis) for h in x.history],
                }
            )
    rows.sort(key=lambda r: (r["since"], r["case"]), reverse=True)
    context = {
        "rows": rows,
        "as_of": as_of,
        "lists": LIST_LABELS.items(),
        "states": STATE_LABELS.items(),
        "wanted_list": wanted_list,
        "wanted_state": wanted_state,
    }
    return render(request, "lists/staff_entries.html", context)
