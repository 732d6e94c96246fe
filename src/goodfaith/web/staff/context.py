"""Template context for every staff page: which navigation links the user may see."""

from __future__ import annotations

from django.http import HttpRequest

from goodfaith.web.staff.imports import may_import


def staff_nav(request: HttpRequest) -> dict[str, bool]:
    """``may_import``: show the 导入 link (role 立案庭 or 系统管理员, or a superuser)."""
    return {"may_import": may_import(getattr(request, "user", None))}
