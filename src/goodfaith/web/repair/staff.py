"""The court's side: an application with its materials (staff of the court only)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from goodfaith.core.labels import VALUE_LABELS
from goodfaith.web.cases.access import courts_of
from goodfaith.web.repair.actions import uploads_dir
from goodfaith.web.repair.models import Material, RepairApplication


@login_required
def application(request: HttpRequest, application_id: int) -> HttpResponse:
    app = get_object_or_404(
        RepairApplication.objects.select_related("dispute", "dispute__court"),
        pk=application_id,
        dispute__court__in=courts_of(request.user),
    )
    conditions = [(VALUE_LABELS["conditions"].get(k, k), v) for k, v in app.conditions.items()]
    effects = [VALUE_LABELS["effects"].get(e, e) for e in app.effects]
    granted = [VALUE_LABELS["effects"].get(e, e) for e in app.granted_effects]
    party = app.dispute.parties.select_related("party").filter(key=app.party_key).first()
    return render(
        request,
        "repair/staff_application.html",
        {
            "app": app,
            "party": party.party.name if party else app.party_key,
            "conditions": conditions,
            "effects": effects,
            "granted": granted,
            "task": app.dispute.tasks.filter(key=f"repair:{app.pk}").first(),
        },
    )


@login_required
def material(request: HttpRequest, material_id: int) -> FileResponse:
    m = get_object_or_404(
        Material.objects.select_related("application__dispute__court"),
        pk=material_id,
        application__dispute__court__in=courts_of(request.user),
    )
    path = (uploads_dir() / m.path).resolve()
    if uploads_dir().resolve() not in path.parents or not path.is_file():
        raise Http404("no such material")
    response = FileResponse(
        path.open("rb"), content_type=m.content_type, as_attachment=True, filename=m.name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
