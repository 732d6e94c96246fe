"""A person decides on a task's proposal; an accepted decision becomes an event of the case file.

The system proposes; the judge decides. Accepting a listing proposal records ``listed`` with the
items and period the rules found; a fine or detention needs the amount or days the judge sets;
a deletion records ``delisted``; the panel's task records ``panel_decided`` (accept = issue,
reject = do not issue, with the reason); a repair application is granted (the court's events
for the effects, and the 信用修复告知书) or refused; a certificate proposal issues the certificate (the signed
document and ``certificate_issued``) when the rules still find the debtor eligible. Rejecting records the reason on the task. Both are audited.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from goodfaith.core.answers import answer
from goodfaith.core.state import fold
from goodfaith.core.timeline.model import Query
from goodfaith.core.values.money import format_amount
from goodfaith.web.audit import log as audit
from goodfaith.web.cases.actions import NotPermitted, do_record_event
from goodfaith.web.cases.roles import ROLES, roles_of
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.tasks.models import Task


class DecisionError(ValueError):
    """The decision cannot be taken as given (message in Chinese for the form)."""


def _event_for(
    task: Task, on: date, amount: Decimal | None, days: int | None
) -> dict[str, Any] | None:
    base = {"on": on.isoformat(), "case": task.case_number, "party": task.party_key}
    if task.proposal == "listing":
        t = dispute_timeline(task.dispute)
        q = Query(id="decide", on=on, ask="listing", party=task.party_key)
        a = answer(t, q, fold(t.parties, t.events, on))
        if a.outcome != "must_list":
            raise DecisionError(f"截至{on.isoformat()}规则结论为“{a.outcome}”，不能据此纳入。")
        return {
            **base,
            "type": "listed",
            "items": a.details["items"],
            "period_years": a.details["period_years"],
        }
    if task.proposal == "fine":
        if amount is None or amount <= 0:
            raise DecisionError("请填写罚款金额。")
        return {**base, "type": "fine_decided", "amount": format_amount(amount)}
    if task.proposal == "detention":
        if days is None or not 1 <= days <= 15:
            raise DecisionError("请填写拘留天数（一至十五日）。")
        return {**base, "type": "detention_decided", "days": days}
    if task.proposal == "panel_certificate":
        return {**base, "type": "panel_decided", "matter": "certificate", "grant": True}
    if task.proposal == "delete_listing":
        return {**base, "type": "delisted", "reason": task.reason}
    return None  # the other proposals are acted on elsewhere (documents, settlement review)


def do_decide(
    task: Task,
    actor: AbstractBaseUser,
    accept: bool,
    reason: str = "",
    *,
    on: date | None = None,
    amount: Decimal | None = None,
    days: int | None = None,
) -> Task:
    with transaction.atomic():
        task = Task.objects.select_for_update().select_related("dispute__court").get(pk=task.pk)
        if task.done_at is not None:
            raise DecisionError("该事项已经处理。")
        if task.role not in roles_of(actor) and not getattr(actor, "is_superuser", False):
            raise DecisionError(f"该事项由{ROLES.get(task.role, task.role)}处理。")
        if not accept and not reason.strip():
            raise DecisionError("不采纳建议的，请写明理由。")
        when = on or timezone.localdate()
        data = None
        if accept:
            data = _event_for(task, when, amount, days)
        elif task.proposal == "panel_certificate":  # the panel decided not to issue
            data = {**(_event_for(task, when, amount, days) or {}), "grant": False}
        if data is not None:
            try:
                do_record_event(task.dispute, data, actor, source=f"task {task.pk}")
            except NotPermitted as exc:
                raise DecisionError("您的岗位或所属法院无权作出该决定。") from exc
        if task.proposal in ("grant_repair", "refuse_repair"):
            from goodfaith.web.repair.actions import ApplicationRefused, do_decide_application

            grant = accept == (task.proposal == "grant_repair")
            try:
                do_decide_application(task, actor, grant, reason, when)
            except (ApplicationRefused, NotPermitted) as exc:
                raise DecisionError(str(exc)) from exc
        if accept and task.proposal in ("issue_certificate", "certificate_and_lifting"):
            from goodfaith.web.documents.actions import CertificateRefused, do_issue_certificate

            try:
                do_issue_certificate(task.dispute, task.party_key, when, actor)
            except (CertificateRefused, NotPermitted) as exc:
                raise DecisionError(str(exc)) from exc
        task.done_at = timezone.now()
        task.decided_by = actor
        task.decision = "accepted" if accept else "rejected"
        task.decision_reason = reason
        task.save(update_fields=["done_at", "decided_by", "decision", "decision_reason"])
        detail = {"task": task.pk, "proposal": task.proposal, "decision": task.decision}
        audit.record("decide_task", actor, task.case_number, {**detail, "reason": reason})
        return task
