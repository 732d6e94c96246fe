"""Applying for credit repair online, and the court's decision (every change one transaction).

An application records ``repair_applied`` in the case file (the conditions the applicant states
and the effects asked for) and puts a review task in the enforcement judges' inbox with the
rules' proposal: the court's repair mechanism where it has one (conditions checked against the
file), else the deletion rules (SPC list rules art. 10). Granting records the court's events
(屏蔽 shielded, 删除 delisted, restrictions lifted), which take the entry off the public list in
the same transaction; refusing records the reason. Uploaded files are checked by their content
(PDF, PNG, JPEG only), stored outside the web root under random names and served only to staff.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from goodfaith.core.answers import answer
from goodfaith.core.lists import entries
from goodfaith.core.policies import policy_in_force
from goodfaith.core.state import DisputeState, fold
from goodfaith.core.timeline.model import Query, Timeline
from goodfaith.core.values.workdays import add_working_days
from goodfaith.web.audit import log as audit
from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import do_record_event
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.repair.models import Material, RepairApplication
from goodfaith.web.tasks.models import Task

MAX_FILES = 5
MAX_BYTES = 5 * 1024 * 1024
#: accepted content, recognised by its first bytes (the name and the browser's type are ignored)
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}
#: the court's events for each effect granted
EFFECT_EVENTS = {
    "shield": "shielded",
    "delete": "delisted",
    "lift_consumption": "consumption_restriction_lifted",
    "lift_exit": "exit_restriction_lifted",
}
REVIEW_WORKING_DAYS = 3


class ApplicationRefused(ValueError):
    """The application cannot be accepted as given (message in Chinese, naming the field)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def uploads_dir() -> Path:
    return Path(settings.DATA_DIR) / "uploads"


def _sniff(head: bytes) -> str | None:
    return next((t for sig, t in SIGNATURES.items() if head.startswith(sig)), None)


@dataclass(frozen=True)
class Upload:
    name: str
    content_type: str
    data: bytes


def check_uploads(files: list[UploadedFile]) -> list[Upload]:
    if len(files) > MAX_FILES:
        raise ApplicationRefused("materials", f"最多上传{MAX_FILES}个文件。")
    out = []
    for f in files:
        name = Path(f.name or "材料").name[:100]
        if (f.size or 0) > MAX_BYTES:
            raise ApplicationRefused("materials", f"“{name}”超过5 MB，请压缩后上传。")
        data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ApplicationRefused("materials", f"“{name}”超过5 MB，请压缩后上传。")
        kind = _sniff(data[:8])
        if kind is None:
            raise ApplicationRefused(
                "materials", f"“{name}”不是PDF、PNG或JPEG文件，只接受这三种格式。"
            )
        out.append(Upload(name, kind, data))
    return out


def _save(upload: Upload) -> Path:
    folder = uploads_dir() / timezone.localdate().strftime("%Y%m")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / secrets.token_hex(16)  # no extension: nothing here is ever executed or served
    path.write_bytes(upload.data)
    path.chmod(0o600)
    return path


def repair_entries(dp: db.DisputeParty, on: date) -> list[Any]:
    """The party's own list entries (all states) in this case file on ``on``."""
    t = dispute_timeline(dp.dispute)
    return [x for x in entries(fold(t.parties, t.events, on)) if x.party == dp.key]


def proposal(t: Timeline, state: DisputeState, party: str, on: date) -> tuple[str, str, list[str]]:
    """(grant_repair | refuse_repair, the rules' reasons in Chinese, the effects to grant)."""
    policy = policy_in_force(t.policy, on)
    if policy is not None and policy.repair_conditions:
        a = answer(t, Query(id="repair", on=on, ask="repair", party=party), state)
        text = "".join(r.text for r in a.reasons)
        if a.outcome == "admissible":
            return "grant_repair", text, list(a.details.get("effects", []))
        return "refuse_repair", text, []
    a = answer(t, Query(id="deletion", on=on, ask="deletion", party=party), state)
    text = "".join(r.text for r in a.reasons)
    if a.outcome in ("must_delete", "may_delete"):
        return "grant_repair", text, ["delete"]
    return "refuse_repair", text, []


def do_apply(
    dp: db.DisputeParty,
    *,
    conditions: dict[str, bool],
    effects: list[str],
    statement: str,
    contact: str,
    files: list[UploadedFile],
    on: date | None = None,
) -> RepairApplication:
    on = on or timezone.localdate()
    dispute = dp.dispute
    listed = [
        x
        for x in repair_entries(dp, on)
        if x.name == "dishonest" and x.state in ("published", "shielded")
    ]
    if not listed:
        raise ApplicationRefused("form", "您在本案中没有被公布的失信信息，无需申请信用修复。")
    if RepairApplication.objects.filter(
        dispute=dispute, party_key=dp.key, status="submitted"
    ).exists():
        raise ApplicationRefused("form", "您已有一份申请正在审查中，请等待法院决定。")
    uploads = check_uploads(files)
    case = str(listed[0].case)
    saved: list[Path] = []
    try:
        with transaction.atomic():
            event: dict[str, Any] = {
                "on": on.isoformat(),
                "type": "repair_applied",
                "case": case,
                "party": dp.key,
                "conditions": conditions,
            }
            if effects:
                event["effects"] = effects
            do_record_event(dispute, event, None, source="portal")
            app = RepairApplication.objects.create(
                dispute=dispute,
                party_key=dp.key,
                case_number=case,
                submitted_on=on,
                conditions=conditions,
                effects=effects,
                statement=statement[:2000],
                contact=contact[:100],
            )
            for u in uploads:
                path = _save(u)
                saved.append(path)
                Material.objects.create(
                    application=app,
                    name=u.name,
                    content_type=u.content_type,
                    size=len(u.data),
                    sha256=hashlib.sha256(u.data).hexdigest(),
                    path=str(path.relative_to(uploads_dir())),
                )
            t = dispute_timeline(dispute)
            kind, why, _ = proposal(t, fold(t.parties, t.events, on), dp.key, on)
            Task.objects.create(
                dispute=dispute,
                court=dispute.court,
                key=f"repair:{app.pk}",
                kind="repair_application",
                case_number=case,
                party_key=dp.key,
                due=add_working_days(on, REVIEW_WORKING_DAYS),
                proposal=kind,
                role="enforcement_judge",
                reason=f"{on.isoformat()}网上申请信用修复（材料{len(uploads)}份）。{why}",
            )
            audit.record("repair_apply", None, case, {"application": app.pk, "party": dp.key})
            return app
    except BaseException:
        for path in saved:
            path.unlink(missing_ok=True)  # nothing half-written: no file without its row
        raise


def do_decide_application(
    task: Task, actor: AbstractBaseUser, grant: bool, reason: str, on: date
) -> RepairApplication:
    """Grant (the court's events for the effects) or refuse; called inside the decision's
    transaction by ``tasks.decide``."""
    app = RepairApplication.objects.select_for_update().get(pk=int(task.key.split(":")[1]))
    if app.status != "submitted":
        raise ApplicationRefused("form", "该申请已经处理。")
    app.decided_at, app.decided_by = timezone.now(), actor
    app.decision_reason = reason or task.reason
    if grant:
        t = dispute_timeline(app.dispute)
        state = fold(t.parties, t.events, on)
        _, _, effects = proposal(t, state, app.party_key, on)
        granted = [e for e in (effects or app.effects or ["shield"]) if e in EFFECT_EVENTS]
        if app.effects:
            granted = [e for e in granted if e in app.effects] or granted
        if "delete" in granted and "shield" in granted:
            granted.remove("shield")  # a deleted entry needs no shielding
        for effect in granted:
            data: dict[str, Any] = {
                "on": on.isoformat(),
                "type": EFFECT_EVENTS[effect],
                "case": app.case_number,
                "party": app.party_key,
            }
            if effect == "delete":
                data["reason"] = "信用修复"
            if effect in ("lift_consumption", "lift_exit"):
                restrictions = state.consumption if effect == "lift_consumption" else state.exit
                if not any(p == app.party_key for p, _ in restrictions):
                    continue
            do_record_event(app.dispute, data, actor, source=f"repair application {app.pk}")
        app.status, app.granted_effects = "granted", granted
        app.document = _notice(app, actor, on)
        from goodfaith.web.partners.outbox import record_change

        party = t.parties[app.party_key]
        record_change(
            court=app.dispute.court,
            dispute=app.dispute,
            list_name="repair",
            type="repair_granted",
            record_id=f"repair:{app.case_number}:{app.party_key}:{app.pk}",
            payload={
                "name": party.name,
                "case_number": app.case_number,
                "court": app.dispute.court.name,
                "effects": granted,
                "granted_on": on.isoformat(),
            },
            full_id=party.id_number or "",
        )
    else:
        app.status = "refused"
    app.save()
    return app


def _notice(app: RepairApplication, actor: AbstractBaseUser, on: date) -> Any:
    """The 信用修复告知书 served on the applicant (None if it cannot be composed)."""
    from goodfaith.web.documents.actions import do_issue_document

    try:
        return do_issue_document(
            app.dispute,
            "credit_repair_notice",
            app.party_key,
            case=app.case_number,
            on=on,
            actor=actor,
        )
    except (ValueError, KeyError):
        return None
