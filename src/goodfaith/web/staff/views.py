"""Staff pages (工作台): the case list and a case file with its event log and derived state."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from goodfaith.core.answers import answer
from goodfaith.core.errors import InvalidValue
from goodfaith.core.explain import cite_zh
from goodfaith.core.labels import (
    ASK_LABELS,
    EVENT_LABELS,
    OUTCOME_LABELS,
    PROPOSALS,
    STAGE_LABELS,
    value_label,
)
from goodfaith.core.state import fold
from goodfaith.core.timeline.model import EVENT_TYPES, JudgmentEffective, Query
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.documents.pdf import render_pdf_data
from goodfaith.documents.templates import find_template
from goodfaith.web.cases import models as db
from goodfaith.web.cases.access import access_dispute, courts_of, disputes_for
from goodfaith.web.cases.actions import InvalidEvent, NotPermitted, do_record_event
from goodfaith.web.cases.numbers import OPENING_CODES, next_case_number
from goodfaith.web.cases.roles import ROLES, may_record, roles_of
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.documents.actions import CERTIFICATES, CertificateRefused, do_issue_certificate
from goodfaith.web.documents.models import IssuedDocument
from goodfaith.web.staff.forms import (
    FIELD_LABELS,
    NESTED,
    blank_value,
    chinese_error,
    data_from_post,
    form_fields,
    posted_value,
)
from goodfaith.web.staff.params import date_param
from goodfaith.web.tasks.decide import DecisionError, do_decide
from goodfaith.web.tasks.models import Task


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    """案件列表, with search by case number (any of the dispute's), party name or identity number."""
    disputes = disputes_for(request.user).select_related("court")
    query = request.GET.get("q", "").strip()
    if query:
        disputes = disputes.filter(_search(query)).distinct()
    disputes = disputes.annotate(
        listed=Exists(db.PartyState.objects.filter(dispute=OuterRef("pk"), listed=True)),
        restricted=Exists(
            db.PartyState.objects.filter(dispute=OuterRef("pk")).filter(
                Q(consumption_restricted=True) | Q(exit_restricted=True)
            )
        ),
    ).order_by("-updated_at", "id")
    rows = [{"dispute": d, "stage": STAGE_LABELS.get(d.stage, "")} for d in disputes]
    return render(
        request,
        "staff/case_list.html",
        {"rows": rows, "courts": list(courts_of(request.user)), "q": query},
    )


def _search(query: str) -> Q:
    """A case number (normalised), an identity number, or part of a party's name or the title."""
    try:
        number = str(CaseNumber.parse(query))
    except InvalidValue:
        number = ""
    condition = (
        Q(parties__party__name__contains=query)
        | Q(title__contains=query)
        | Q(parties__party__id_number=query.upper())
    )
    if number:
        condition |= Q(cases__number=number)
    return condition


PARTY_KEYS = {
    "party",
    "to",
    "applicants",
    "respondents",
    "creditor",
    "creditors",
    "debtors",
    "applicant",
}


def _show(value: object, key: str = "", names: dict[str, str] | None = None) -> str:
    """A payload value as short Chinese text for the event log (party keys become names)."""
    names = names or {}
    if isinstance(value, list):
        return "、".join(_show(v, key, names) for v in value)
    if isinstance(value, dict):
        return "；".join(
            f"{FIELD_LABELS.get(k, k)}：{_show(v, k, names)}" for k, v in value.items()
        )
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str) and key in PARTY_KEYS and value in names:
        return f"{names[value]}（{value}）"
    return value_label(key, value)


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
    as_of = date_param(request.GET)
    answers = _answers(dispute, as_of)
    names = {p["dp"].key: p["dp"].party.name for p in parties}  # already loaded above
    rows = [
        {
            "event": e,
            "label": EVENT_LABELS.get(e.type, e.type),
            "voided": hasattr(e, "voided_by"),
            "fields": [
                (FIELD_LABELS.get(k, k), _show(v, k, names))
                for k, v in e.payload.items()
                if k not in ("on", "type", "case")
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
            "as_of": as_of,
            "answers": answers,
            "documents": dispute.documents.order_by("-issued_at"),
            "tasks": dispute.tasks.filter(done_at__isnull=True),
        },
    )


ASKS = ("status", "listing", "deletion", "certificate")


def _answers(dispute: db.Dispute, as_of: date) -> list[dict[str, Any]]:
    """What the rules say about each debtor on ``as_of`` (status, listing, deletion, certificate)."""
    t = dispute_timeline(dispute)
    if not t.events:
        return []
    state = fold(t.parties, t.events, as_of)
    debtors = sorted({d for e in t.events if isinstance(e, JudgmentEffective) for d in e.debtors})
    certified = set(
        dispute.documents.filter(
            kind__in=CERTIFICATES.values(), revoked_at__isnull=True
        ).values_list("party_key", flat=True)
    )
    out = []
    for key in debtors:
        items = []
        for ask in ASKS:
            q = Query(id=f"{key}-{ask}", on=as_of, ask=ask, party=key)  # type: ignore[arg-type]
            a = answer(t, q, state)
            items.append(
                {
                    "ask": ASK_LABELS[ask],
                    "outcome": OUTCOME_LABELS.get(a.outcome, a.outcome),
                    "code": a.outcome,
                    "reasons": [
                        {"text": r.text, "cites": "；".join(cite_zh(c) for c in r.citations)}
                        for r in a.reasons
                    ],
                }
            )
        cert = a if ask == "certificate" else None  # the last ask is the certificate
        out.append(
            {
                "party": t.parties[key].name,
                "key": key,
                "items": items,
                "certificate_ready": cert is not None
                and cert.outcome == "eligible"
                and key not in certified,
                "certificate_title": cert.details.get("document", "") if cert else "",
            }
        )
    return out


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """待办: open tasks of the staff member's courts, overdue first; by default those of their roles."""
    today = timezone.localdate()
    tasks = (
        Task.objects.filter(court__in=courts_of(request.user), done_at__isnull=True)
        .select_related("dispute", "court")
        .order_by("due", "id")
    )
    roles = roles_of(request.user)
    sees_all = bool(roles & {"leadership", "admin"}) or getattr(request.user, "is_superuser", False)
    show_all = sees_all or request.GET.get("all") == "1"
    if not show_all:
        tasks = tasks.filter(role__in=roles)
    names = dict(
        ((dp.dispute_id, dp.key), dp.party.name)
        for dp in db.DisputeParty.objects.filter(
            dispute__in={t.dispute_id for t in tasks}
        ).select_related("party")
    )
    rows = [
        {
            "task": t,
            "overdue": t.due < today,
            "proposal": PROPOSALS.get(t.proposal, t.proposal),
            "party": names.get((t.dispute_id, t.party_key), ""),
            "role": ROLES.get(t.role, t.role),
            "decides": t.role in roles or getattr(request.user, "is_superuser", False),
        }
        for t in tasks
    ]
    context = {"rows": rows, "today": today, "show_all": show_all, "sees_all": sees_all}
    return render(request, "staff/inbox.html", context)


@login_required
@require_POST
def decide(request: HttpRequest, task_id: int) -> HttpResponse:
    """采纳 / 不采纳 a task's proposal; an accepted decision is recorded in the case file."""
    task = get_object_or_404(Task, pk=task_id, court__in=courts_of(request.user))
    accept = request.POST.get("decision") == "accept"
    try:
        amount = Decimal(request.POST["amount"]) if request.POST.get("amount") else None
        days = int(request.POST["days"]) if request.POST.get("days") else None
        on = date.fromisoformat(request.POST["on"]) if request.POST.get("on") else None
    except (InvalidOperation, ValueError):
        messages.error(request, "金额、天数或日期格式不正确。")
        return redirect("staff:inbox")
    try:
        do_decide(
            task,
            request.user,
            accept,
            request.POST.get("reason", ""),
            on=on,
            amount=amount,
            days=days,
        )
    except DecisionError as exc:
        messages.error(request, f"{task.case_number}：{exc}")
    else:
        messages.success(
            request, f"{task.case_number}：已{'采纳' if accept else '不采纳'}建议并记录。"
        )
    return redirect("staff:inbox")


@login_required
def record_event(request: HttpRequest, dispute_id: int) -> HttpResponse:
    """记录事件: a form for one event type the staff member's role may record."""
    dispute = access_dispute(request.user, dispute_id)
    allowed = sorted(
        t
        for t in EVENT_TYPES
        if t not in NESTED and may_record(request.user, dispute.court.code, t)
    )
    event_type = request.POST.get("type") or request.GET.get("type") or ""
    fields = form_fields(event_type) if event_type in allowed else []
    t = dispute_timeline(dispute)
    error = ""
    for f in fields:
        f.value = blank_value(f)
    if request.method == "GET" and fields:
        _prefill(fields, event_type, dispute, t)
    if request.method == "POST" and fields:
        data = data_from_post(event_type, request.POST)
        try:
            do_record_event(dispute, data, request.user)
        except InvalidEvent as exc:
            name = re.split(r"[\[.]", exc.field or "")[0]
            for f in fields:
                f.value = posted_value(f, request.POST)
                if f.name == name:
                    f.error = chinese_error(exc.message)
            if not any(f.error for f in fields):
                error = chinese_error(exc.message)
        except NotPermitted:
            error = "您的岗位或所属法院无权记录该事项。"
        else:
            messages.success(request, f"已记录：{EVENT_LABELS.get(event_type, event_type)}。")
            return redirect("staff:dispute", dispute.pk)
    context = {
        "dispute": dispute,
        "types": [(code, EVENT_LABELS.get(code, code)) for code in allowed],
        "event_type": event_type,
        "event_label": EVENT_LABELS.get(event_type, ""),
        "fields": fields,
        "error": error,
        "cases": [c.number for c in dispute.cases.all()],
        "parties": [(k, p.name) for k, p in t.parties.items()],
        "today": timezone.localdate(),
    }
    return render(
        request,
        "staff/record.html",
        context,
        status=400 if error or any(f.error for f in fields) else 200,
    )


def _prefill(fields: list[Any], event_type: str, dispute: db.Dispute, t: Any) -> None:
    """Defaults a clerk would otherwise type: the next number of the court's series, the basis
    (the effective document), and the judgment's creditors and debtors."""
    judgment = next((e for e in t.events if isinstance(e, JudgmentEffective)), None)
    today = timezone.localdate()
    defaults: dict[str, str | list[str]] = {"on": today.isoformat()}
    if event_type in OPENING_CODES:
        defaults["case"] = next_case_number(
            dispute.court.code, today.year, OPENING_CODES[event_type]
        )
    elif event_type != "judgment_effective" and dispute.cases.exists():
        defaults["case"] = list(dispute.cases.all())[-1].number  # the latest case
    if judgment is not None:
        latest = [c.number for c in dispute.cases.all() if c.kind == "enforcement"]
        defaults["basis"] = (
            latest[-1] if event_type == "case_resumed" and latest else str(judgment.case)
        )
        defaults["applicants"] = list(judgment.creditors)
        defaults["respondents"] = list(judgment.debtors)
        defaults["applicant"] = judgment.creditors[0] if judgment.creditors else ""
        defaults["creditor"] = defaults["applicant"]
    for f in fields:
        if not f.value and f.name in defaults:
            f.value = defaults[f.name]


@login_required
@require_POST
def issue_certificate(request: HttpRequest, dispute_id: int) -> HttpResponse:
    """出具证明书: the certificate of the court's policy for an eligible debtor, signed and registered."""
    dispute = access_dispute(request.user, dispute_id)
    party = request.POST.get("party", "")
    if not may_record(request.user, dispute.court.code, "certificate_issued"):
        messages.error(request, "您的岗位无权出具证明书（由执行法官或业务庭出具）。")
        return redirect("staff:dispute", dispute.pk)
    on = date_param(request.POST)  # the date the page's rules were read on
    try:
        doc = do_issue_certificate(dispute, party, on, actor=request.user)
    except (CertificateRefused, NotPermitted) as exc:
        messages.error(request, str(exc))
        return redirect("staff:dispute", dispute.pk)
    messages.success(request, f"已出具{doc.data['title']}（{doc.number}），验证码 {doc.code}。")
    return redirect(f"{reverse('staff:dispute', args=[dispute.pk])}?as_of={on.isoformat()}")


@login_required
def document_pdf(request: HttpRequest, document_id: int) -> HttpResponse:
    doc = get_object_or_404(IssuedDocument, pk=document_id, court__in=courts_of(request.user))
    pdf = render_pdf_data(doc.data, find_template(doc.court.code, doc.kind, "typ"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{doc.code}.pdf"'
    return response
