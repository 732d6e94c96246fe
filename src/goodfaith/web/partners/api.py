"""The partner API (``Authorization: Bearer gf_<key id>.<secret>``).

- ``GET /api/partner/changes?after=N&limit=100``: the changes after sequence number N that this
  partner is approved for, in order, as CloudEvents;
- ``POST /api/partner/acks``: ``{"acks": [{"id", "status": "applied"|"rejected", "reason"}]}``
  — that a change was applied (separate from HTTP 200); idempotent by change id;
- ``GET /api/partner/snapshot?list=dishonest``: the active records with a count and a checksum;
- ``POST /api/partner/reconciliation``: what the partner shows (declared count and record ids);
  the answer says what to remove and add. A report that contradicts its own count, or that
  would make the partner delete or publish more than the guard allows, is refused and flagged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from goodfaith.web.audit import log as audit
from goodfaith.web.partners.credentials import partner_for
from goodfaith.web.partners.envelope import cloud_event, record_for
from goodfaith.web.partners.models import Change, Delivery, ListState, Partner, Reconciliation
from goodfaith.web.partners.outbox import SHOWN

MAX_LIMIT = 1000
#: a reconciliation may not remove or add more than this share of the active records …
GUARD_SHARE = 0.10
#: … unless the numbers are this small
GUARD_FLOOR = 20

View = Callable[..., HttpResponse]


def _error(status: int, message: str, field: str = "") -> JsonResponse:
    return JsonResponse(
        {"error": message, "field": field}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def authenticated(view: Callable[..., HttpResponse]) -> View:
    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        partner = partner_for(header[7:].strip()) if header.startswith("Bearer ") else None
        if partner is None:
            response = _error(401, "缺少或无效的接口凭证。")
            response["WWW-Authenticate"] = 'Bearer realm="goodfaith-partner"'
            return response
        return view(request, partner, *args, **kwargs)

    return wrapper


def _int(request: HttpRequest, name: str, default: int) -> int:
    text = request.GET.get(name, "")
    if text == "":
        return default
    if not text.isdigit():
        raise ValueError(name)
    return int(text)


@require_GET
@authenticated
def changes(request: HttpRequest, partner: Partner) -> HttpResponse:
    try:
        after = _int(request, "after", 0)
        limit = min(_int(request, "limit", 100), MAX_LIMIT) or 100
    except ValueError as exc:
        return _error(400, f"参数 {exc} 须为非负整数。", str(exc))
    rows = list(
        Delivery.objects.filter(partner=partner, change__seq__gt=after)
        .select_related("change", "change__court")
        .order_by("change__seq")[: limit + 1]
    )
    more = len(rows) > limit
    rows = rows[:limit]
    events = [cloud_event(partner, d.change) for d in rows]
    last = rows[-1].change.seq if rows else after
    return JsonResponse(
        {"changes": events, "next_after": last, "more": more},
        json_dumps_params={"ensure_ascii": False},
    )


@require_POST
@authenticated
def acks(request: HttpRequest, partner: Partner) -> HttpResponse:
    try:
        items = json.loads(request.body)["acks"]
        assert isinstance(items, list)
    except (ValueError, KeyError, TypeError, AssertionError):
        return _error(400, '请求体须为 {"acks": [{"id", "status", "reason"}]}。', "acks")
    results = []
    now = timezone.now()
    with transaction.atomic():
        for item in items[:MAX_LIMIT]:
            uid = str(item.get("id", "")) if isinstance(item, dict) else ""
            status = item.get("status") if isinstance(item, dict) else None
            if status not in ("applied", "rejected"):
                results.append({"id": uid, "ok": False, "error": "status 须为 applied 或 rejected"})
                continue
            d = (
                Delivery.objects.select_for_update()
                .filter(partner=partner, change__uid=uid)
                .first()
            )
            if d is None:
                results.append({"id": uid, "ok": False, "error": "没有发给本单位的该变更"})
                continue
            if d.ack == "":  # the first report counts; a replay changes nothing
                d.ack, d.ack_reason, d.acked_at = status, str(item.get("reason", ""))[:500], now
                d.save(update_fields=["ack", "ack_reason", "acked_at"])
            results.append({"id": uid, "ok": True, "ack": d.ack})
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})


def active_records(partner: Partner, list_name: str) -> dict[str, dict[str, Any] | None]:
    """record id -> the record as this partner receives it, for the records shown now."""
    ids = set(
        ListState.objects.filter(
            dispute__court=partner.court, list=list_name, state__in=SHOWN
        ).values_list("record_id", flat=True)
    )
    latest: dict[str, Change] = {}
    for c in (
        Change.objects.filter(record_id__in=ids, payload__isnull=False)
        .select_related("court")
        .order_by("seq")
    ):
        latest[c.record_id] = c
    return {rid: record_for(partner, latest[rid]) if rid in latest else None for rid in ids}


def checksum(record_ids: list[str] | set[str]) -> str:
    """SHA-256 of the sorted record ids, one per line (what a partner can compute too)."""
    return hashlib.sha256("\n".join(sorted(record_ids)).encode()).hexdigest()


def _list_param(request: HttpRequest, partner: Partner, data: Any = None) -> str | JsonResponse:
    name = str((data or request.GET).get("list", ""))
    if name not in partner.lists or name in ("repair", "certificates"):
        return _error(403 if name else 400, f"本单位无权获取名单“{name}”的快照。", "list")
    return name


@require_GET
@authenticated
def snapshot(request: HttpRequest, partner: Partner) -> HttpResponse:
    name = _list_param(request, partner)
    if isinstance(name, JsonResponse):
        return name
    records = active_records(partner, name)
    last = Change.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    return JsonResponse(
        {
            "list": name,
            "as_of_seq": last,
            "count": len(records),
            "checksum": checksum(set(records)),
            "records": [{"record_id": k, "record": v} for k, v in sorted(records.items())],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_POST
@authenticated
def reconciliation(request: HttpRequest, partner: Partner) -> HttpResponse:
    try:
        data = json.loads(request.body)
        declared = int(data["count"])
        shown = {str(x) for x in data["record_ids"]}
    except (ValueError, KeyError, TypeError):
        return _error(400, '请求体须为 {"list", "count", "record_ids"}。')
    name = _list_param(request, partner, data)
    if isinstance(name, JsonResponse):
        return name
    active = set(active_records(partner, name))
    remove, add = sorted(shown - active), sorted(active - shown)
    problem = ""
    if declared != len(shown):
        problem = f"申报数量{declared}与所列记录数{len(shown)}不一致"
    elif max(len(remove), len(add)) > max(GUARD_FLOOR, GUARD_SHARE * max(len(active), 1)):
        problem = (
            f"对账结果将删除{len(remove)}条、发布{len(add)}条，超过在册{len(active)}条的"
            f"{int(GUARD_SHARE * 100)}%，已拒绝并标记，请人工核对"
        )
    report = Reconciliation.objects.create(
        partner=partner,
        list=name,
        declared=declared,
        shown=len(shown),
        active=len(active),
        to_remove=len(remove),
        to_add=len(add),
        refused=bool(problem),
        problem=problem,
    )
    audit.record(
        "partner_reconciliation",
        None,
        partner.name,
        {"report": report.pk, "list": name, "refused": bool(problem)},
    )
    if problem:
        return JsonResponse(
            {"refused": True, "error": problem, "report": report.pk},
            status=409,
            json_dumps_params={"ensure_ascii": False},
        )
    return JsonResponse(
        {
            "refused": False,
            "report": report.pk,
            "count": len(active),
            "checksum": checksum(active),
            "remove": remove,
            "add": add,
        },
        json_dumps_params={"ensure_ascii": False},
    )
