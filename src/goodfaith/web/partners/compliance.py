"""合规情况: which partner still shows which removed record, and for how long.

A change a partner has not reported applied by its due date (three working days by default) is
overdue: it shows on this page and becomes a task for the court's system administrator, once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from goodfaith.web.cases.access import courts_of
from goodfaith.web.partners.models import Delivery, Partner
from goodfaith.web.partners.outbox import TOMBSTONES
from goodfaith.web.tasks.models import Task

CHANGE_LABELS = {
    "listing_published": "发布失信信息",
    "listing_corrected": "更正失信信息",
    "listing_shielded": "屏蔽失信信息",
    "listing_unshielded": "恢复公布失信信息",
    "listing_deleted": "删除失信信息",
    "restriction_imposed": "限制措施",
    "restriction_corrected": "更正限制措施",
    "restriction_lifted": "解除限制措施",
    "honest_added": "列入诚信履行名单",
    "honest_corrected": "更正诚信履行名单",
    "honest_removed": "移出诚信履行名单",
    "honest_snapshot": "诚信履行名单定期推送",
    "repair_granted": "准予信用修复",
    "certificate_issued": "出具证明书",
    "certificate_revoked": "撤销证明书",
}


def overdue(as_of: date) -> QuerySet[Delivery]:
    """Deliveries not reported applied by their due date (the due day itself is the partner's)."""
    return (
        Delivery.objects.filter(due__lt=as_of)
        .exclude(ack="applied")
        .select_related("partner", "change", "change__dispute", "partner__court")
        .order_by("due", "change__seq")
    )


def overdue_tasks(as_of: date) -> int:
    """One task per overdue delivery for the court's administrator (exactly once)."""
    rows = [
        Task(
            dispute=d.change.dispute,
            court=d.partner.court,
            key=f"partner-ack:{d.pk}",
            kind="partner_overdue",
            case_number=d.change.record_id.split(":")[1],
            party_key=d.change.record_id.split(":")[-1],
            due=d.due,
            proposal="follow_up_partner",
            role="admin",
            reason=f"{d.partner.name}未在{d.due.isoformat()}前报告已处理“"
            f"{CHANGE_LABELS.get(d.change.type, d.change.type)}”（变更{d.change.seq}号"
            + (f"，已报告拒绝：{d.ack_reason}" if d.ack == "rejected" else "")
            + "），请督促其处理。",
        )
        for d in overdue(as_of)
        if d.change.dispute is not None
    ]
    before = Task.objects.filter(kind="partner_overdue").count()
    Task.objects.bulk_create(rows, ignore_conflicts=True)
    return Task.objects.filter(kind="partner_overdue").count() - before


@login_required
def compliance(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    courts = courts_of(request.user)
    partners = (
        Partner.objects.filter(court__in=courts)
        .annotate(
            total=Count("deliveries"),
            applied=Count("deliveries", filter=Q(deliveries__ack="applied")),
            rejected=Count("deliveries", filter=Q(deliveries__ack="rejected")),
            late=Count(
                "deliveries", filter=Q(deliveries__due__lt=today) & ~Q(deliveries__ack="applied")
            ),
        )
        .select_related("court")
    )
    rows: list[dict[str, Any]] = []
    for d in overdue(today).filter(partner__court__in=courts):
        c = d.change
        rows.append(
            {
                "partner": d.partner.name,
                "label": CHANGE_LABELS.get(c.type, c.type),
                "removal": c.type in TOMBSTONES,
                "seq": c.seq,
                "record": c.record_id,
                "case": c.record_id.split(":")[1],
                "since": c.created_at,
                "days": (today - timezone.localdate(c.created_at)).days,
                "due": d.due,
                "push": "已推送"
                if d.delivered_at
                else (
                    "推送失败（已停止重试）"
                    if d.dead_at
                    else (
                        f"推送失败{d.attempts}次"
                        if d.attempts
                        else ("待推送" if d.next_attempt_at else "待拉取")
                    )
                ),
                "ack": {"rejected": f"已拒绝：{d.ack_reason}"}.get(d.ack, "未报告"),
            }
        )
    refused = [r for p in partners for r in p.reconciliations.filter(refused=True)[:5]]
    return render(
        request,
        "partners/compliance.html",
        {"partners": partners, "rows": rows, "today": today, "refused": refused},
    )
