"""Staff pages (工作台): the case list and a case file with its event log and derived state."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from goodfaith.core.labels import EVENT_LABELS, STAGE_LABELS
from goodfaith.web.cases import models as db
from goodfaith.web.cases.access import access_dispute, courts_of, disputes_for


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    disputes = (
        disputes_for(request.user)
        .select_related("court")
        .annotate(
            listed=Exists(db.PartyState.objects.filter(dispute=OuterRef("pk"), listed=True)),
            restricted=Exists(
                db.PartyState.objects.filter(dispute=OuterRef("pk")).filter(
                    Q(consumption_restricted=True) | Q(exit_restricted=True)
                )
            ),
        )
        .order_by("-updated_at", "id")
    )
    rows = [{"dispute": d, "stage": STAGE_LABELS.get(d.stage, "")} for d in disputes]
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
