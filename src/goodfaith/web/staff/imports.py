"""Bulk import of timeline files (批量导入): a page, and one view that stores one uploaded file.

The page sends the chosen files one at a time, so each file is checked and stored in its own
transaction (``do_import``) and gets its own line in the report; a refused file stores nothing.
"""

from __future__ import annotations

from typing import Any

import yaml
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from goodfaith.core.timeline import Timeline, TimelineError, parse_timeline
from goodfaith.core.timeline.load import read_yaml
from goodfaith.web.cases import models as db
from goodfaith.web.cases.access import courts_of
from goodfaith.web.cases.actions import ImportConflict, ImportReport, NotPermitted, do_import
from goodfaith.web.cases.roles import ROLES, roles_of

#: the largest timeline file accepted, in bytes
MAX_BYTES = 2 * 1024 * 1024
#: roles that may import timelines (a superuser may as well)
IMPORT_ROLES = frozenset({"filing", "admin"})


class Refused(Exception):
    """A file is not imported: ``message`` (Chinese) says why, ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.status = message, status


def may_import(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Whether ``user`` may import timelines: role 立案庭 or 系统管理员, or a superuser."""
    if user is None or not user.is_authenticated:
        return False
    return bool(getattr(user, "is_superuser", False) or roles_of(user) & IMPORT_ROLES)


def _role_names() -> str:
    return "或".join(ROLES[r] for r in sorted(IMPORT_ROLES))


@login_required
@require_GET
def import_page(request: HttpRequest) -> HttpResponse:
    """批量导入案件时间线: choose files; the page's script sends them one by one."""
    allowed = may_import(request.user)
    context = {
        "allowed": allowed,
        "role_names": _role_names(),
        "max_mb": MAX_BYTES // (1024 * 1024),
        "max_bytes": MAX_BYTES,
        "courts": list(courts_of(request.user)),
    }
    return render(request, "staff/import.html", context, status=200 if allowed else 403)


@login_required
@require_POST
def import_file(request: HttpRequest) -> JsonResponse:
    """Check and store one uploaded timeline file (field ``file``); answer in JSON."""
    upload = request.FILES.get("file")
    name = _file_name(upload)
    try:
        if not may_import(request.user):
            raise Refused(f"您的岗位无权导入案件时间线（需要{_role_names()}岗位）。", 403)
        if upload is None:
            raise Refused("未收到文件：请选择要导入的时间线文件（字段 file）。")
        timeline = _parse(upload, name)
        _check_court(request.user, timeline)
        report = _store(timeline, name, request.user)
    except Refused as exc:
        return JsonResponse({"file": name, "ok": False, "error": exc.message}, status=exc.status)
    return JsonResponse(_success(name, report))


def _file_name(upload: UploadedFile | None) -> str:
    return str(upload.name or "") if upload is not None else ""


def _parse(upload: UploadedFile, name: str) -> Timeline:
    """The validated timeline of an uploaded file, or ``Refused`` with the loader's message."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise Refused(
            f"文件 {name} 大小为 {upload.size / (1024 * 1024):.1f} MB，"
            f"超过 {MAX_BYTES // (1024 * 1024)} MB 的上限，未导入。"
        )
    try:
        text = upload.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(
            f"文件 {name} 不是 UTF-8 编码的文本（第 {exc.start} 字节），未导入。"
        ) from None
    try:
        try:
            raw = read_yaml(text)
        except yaml.YAMLError as exc:
            raise TimelineError(name, "", None, f"not valid YAML/JSON: {exc}") from None
        return parse_timeline(raw, name)
    except TimelineError as exc:
        raise Refused(f"时间线文件校验未通过，未导入。{exc}") from None


def _check_court(user: AbstractBaseUser | AnonymousUser, timeline: Timeline) -> None:
    """A staff member imports case files of their own courts only (a superuser: any court)."""
    if getattr(user, "is_superuser", False):
        return
    codes = list(courts_of(user).values_list("code", flat=True))
    if timeline.court not in codes:
        mine = "、".join(codes) or "无"
        raise Refused(
            f"文件所属法院 {timeline.court}（{timeline.court_name or timeline.court}）"
            f"不在您的所属法院范围内（您的法院：{mine}），未导入。",
            403,
        )


def _store(timeline: Timeline, name: str, user: AbstractBaseUser) -> ImportReport:
    """Store one timeline in its own transaction; a contradiction stores nothing."""
    try:
        return do_import([(timeline, name)], actor=user)[0]
    except NotPermitted as exc:
        raise Refused(f"无权导入，未导入：{exc}", 403) from None
    except ImportConflict as exc:
        raise Refused(f"与已存储的案卷不一致，未导入：{exc}") from None


def _success(name: str, report: ImportReport) -> dict[str, Any]:
    dispute = db.Dispute.objects.filter(root_case=report.root_case).first()
    return {
        "file": name,
        "ok": True,
        "changed": report.changed,
        "created": report.created,
        "case": report.root_case,
        "events_added": report.events_added,
        "parties_added": report.parties_added,
        "warnings": report.warnings,
        "url": reverse("staff:dispute", args=[dispute.pk]) if dispute is not None else "",
    }
