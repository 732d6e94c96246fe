"""Staff pages (工作台): the case list and a case file with its event log and derived state."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from goodfaith.web.cases import models as db
from goodfaith.web.cases.access import access_dispute, courts_of, disputes_for
from goodfaith.web.staff.labels import EVENT_LABELS, STAGE_LABELS


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    disputes = (
        disputes_for(request.user)
        .select_related("court")
        .prefetch_related(
            Prefetch("cases", queryset=db.Case.objects.order_by("opened_on", "id")),
            Prefetch(
                "states", queryset=db.PartyState.objects.select_related("dispute_party__party")
            ),
        )
        .order_by("-updated_at", "id")
    )
    rows = []
    for d in disputes:
        states = list(d.states.all())
        debtors = [s for s in states if s.case_id and s.outstanding is not None]
        latest = d.cases.all()[len(d.cases.all()) - 1] if d.cases.all() else None
        rows.append(
            {
                "dispute": d,
                "latest_case": latest,
                "stage": STAGE_LABELS.get(states[0].stage, "") if states else "",
                "listed": any(s.listed for s in states),
                "restricted": any(s.consumption_restricted or s.exit_restricted for s in states),
                "outstanding": max((s.outstanding for s in debtors), default=None),
            }
        )
    return render(
        request, "staff/case_list.html", {"rows": rows, "courts": list(courts_of(request.user))}
    )


def _show(value: object) -> str:
    """A payload value as short text for the event log."""
    if isinstance(value, list):
        return "、".join(_show(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{_show(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


@login_required
def dispute_detail(request: HttpRequest, dispute_id: int) -> HttpResponse:
    dispute = access_dispute(request.user, dispute_id)
    events = dispute.events.select_related("case", "recorded_by", "voided_by").order_by("on", "seq")
    parties = [
        {"dp": dp, "state": getattr(dp, "state", None), "stage": ""}
        for dp in dispute.parties.select_related("party", "state", "state__case")
    ]
    for p in parties:
        if p["state"] is not None:
            p["stage"] = STAGE_LABELS.get(p["state"].stage, p["state"].stage)
    rows = [
        {
            "event": e,
            "label": EVENT_LABELS.get(e.type, e.type),
            "voided": hasattr(e, "voided_by"),
            "fields": [
                (k, _show(v)) for k, v in e.payload.items() if k not in ("on", "type", "case")
            ],
        }
        for e in events
    ]
    return render(
        request,
        "staff/dispute.html",
        {
            "dispute": dispute,
            "cases": dispute.cases.all(),
            "parties": parties,
            "rows": rows,
        },
    )
