"""The debtor's side of credit repair (no staff account): sign in with the case number, the
identity number and the access code printed on the documents served; see one's own entries and
why; apply with the court's checklist and materials; follow the application to its decision."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from goodfaith.core.labels import VALUE_LABELS
from goodfaith.core.lists import LIST_LABELS, STATE_LABELS
from goodfaith.core.policies import policy_in_force
from goodfaith.core.rules.dishonest_list import ITEM_TEXT
from goodfaith.core.state import fold
from goodfaith.documents.pdf import render_pdf_data
from goodfaith.documents.templates import find_template
from goodfaith.web.cases import models as db
from goodfaith.web.cases.party_access import find_party
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.documents.models import IssuedDocument
from goodfaith.web.portal.views import page as portal_page
from goodfaith.web.repair.actions import ApplicationRefused, do_apply, repair_entries
from goodfaith.web.repair.models import RepairApplication

SESSION_KEY = "goodfaith.repair_party"
SIGN_IN_RATE = "10/m"


def _party(request: HttpRequest) -> db.DisputeParty | None:
    pk = request.session.get(SESSION_KEY)
    if pk is None:
        return None
    return (
        db.DisputeParty.objects.select_related("party", "dispute", "dispute__court")
        .filter(pk=pk)
        .first()
    )


@never_cache
def sign_in(request: HttpRequest) -> HttpResponse:
    if _party(request) is not None:
        return redirect("repair:me")
    error, case = "", ""
    status = 200
    if request.method == "POST":
        case = request.POST.get("case", "").strip()[:64]
        if is_ratelimited(
            request, group="repair-sign-in", key="ip", rate=SIGN_IN_RATE, increment=True
        ):
            error, status = "尝试次数过多，请一分钟后再试。", 429
        else:
            dp = find_party(case, request.POST.get("id_number", ""), request.POST.get("code", ""))
            if dp is None:
                error, status = "案号、身份证号码（统一社会信用代码）或查询码不正确。", 400
            else:
                request.session.cycle_key()
                request.session[SESSION_KEY] = dp.pk
                return redirect("repair:me")
    return portal_page(
        request, "repair/sign_in.html", "repair", status=status, error=error, case=case
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()
    return redirect("repair:sign_in")


def _checklist(dp: db.DisputeParty) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The conditions the court's policy asks about and the effects one may ask for."""
    t = dispute_timeline(dp.dispute)
    policy = policy_in_force(t.policy, timezone.localdate())
    conditions = list(policy.repair_conditions) if policy and policy.repair_conditions else []
    effects = list(policy.repair_effects) if policy and policy.repair_effects else ["delete"]
    return (
        [(c, VALUE_LABELS["conditions"].get(c, c)) for c in conditions],
        [(e, VALUE_LABELS["effects"].get(e, e)) for e in effects],
    )


@never_cache
def me(request: HttpRequest) -> HttpResponse:
    dp = _party(request)
    if dp is None:
        return redirect("repair:sign_in")
    today = timezone.localdate()
    t = dispute_timeline(dp.dispute)
    state = fold(t.parties, t.events, today)
    rows = []
    for x in repair_entries(dp, today):
        listing = state.listing(x.party, x.case) if x.name == "dishonest" else None
        rows.append(
            {
                "list": LIST_LABELS[x.name],
                "state": STATE_LABELS[x.state],
                "public": x.public,
                "case": str(x.case),
                "since": x.since,
                "why": [ITEM_TEXT[i] for i in (listing.items if listing else ())],
                "history": [(h.on, STATE_LABELS[h.state], h.basis) for h in x.history],
                "active": x.name == "dishonest" and x.state in ("published", "shielded"),
            }
        )
    conditions, effects = _checklist(dp)
    applications = RepairApplication.objects.filter(dispute=dp.dispute, party_key=dp.key)
    pending = applications.filter(status="submitted").exists()
    context: dict[str, Any] = {
        "party": dp.party.name,
        "court": dp.dispute.court.name,
        "rows": rows,
        "conditions": conditions,
        "effects": effects,
        "applications": applications,
        "may_apply": any(r["active"] for r in rows) and not pending,
        "pending": pending,
        "documents": IssuedDocument.objects.filter(dispute=dp.dispute, party_key=dp.key).order_by(
            "-issued_at"
        ),
        "errors": request.session.pop("goodfaith.repair_errors", {}),
    }
    return portal_page(request, "repair/me.html", "repair", **context)


@require_POST
def apply(request: HttpRequest) -> HttpResponse:
    dp = _party(request)
    if dp is None:
        return redirect("repair:sign_in")
    conditions, effects = _checklist(dp)
    stated = {
        c: request.POST.get(f"condition-{c}") == "yes"
        for c, _ in conditions
        if request.POST.get(f"condition-{c}") in ("yes", "no")
    }
    asked = [e for e, _ in effects if e in request.POST.getlist("effects")]
    try:
        do_apply(
            dp,
            conditions=stated,
            effects=asked,
            statement=request.POST.get("statement", ""),
            contact=request.POST.get("contact", ""),
            files=request.FILES.getlist("materials"),
        )
    except ApplicationRefused as exc:
        request.session["goodfaith.repair_errors"] = {exc.field: str(exc)}
        return redirect("repair:me")
    messages.success(request, "申请已提交。法院将在三个工作日内审查，结果会显示在本页。")
    return HttpResponseRedirect(reverse("repair:me") + "#applications")


@never_cache
def document(request: HttpRequest, document_id: int) -> HttpResponse:
    """A document issued to the signed-in party (the decision, the certificate)."""
    dp = _party(request)
    if dp is None:
        return redirect("repair:sign_in")
    doc = get_object_or_404(IssuedDocument, pk=document_id, dispute=dp.dispute, party_key=dp.key)
    pdf = render_pdf_data(doc.data, find_template(doc.court.code, doc.kind, "typ"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{doc.code}.pdf"'
    return response
