"""Template tags of the portal's base page, so any app's page that extends it gets the
navigation (with the current page marked) and the free-of-charge warning."""

from __future__ import annotations

from typing import Any

from django import template

from goodfaith.web.portal import texts

register = template.Library()

#: the main navigation: (label, path); the lists and the repair form are other apps' pages
NAV: tuple[tuple[str, str], ...] = (
    ("首页", "/public/"),
    ("失信信息查询", "/public/dishonest/"),
    ("诚信履行名单", "/public/honest/"),
    ("证明书核验", "/verify/"),
    ("信用修复指南", "/public/guide/"),
    ("典型案例", "/public/cases/"),
    ("法规文件", "/public/regulations/"),
)
HOME = "/public/"


def current_href(path: str) -> str | None:
    """The navigation entry a page belongs to: the home page exactly, the others by prefix."""
    if path == HOME:
        return HOME
    matches = [href for _, href in NAV if href != HOME and path.startswith(href)]
    return max(matches, key=len) if matches else None


@register.inclusion_tag("portal/nav.html", takes_context=True)
def portal_nav(context: template.Context) -> dict[str, Any]:
    """The main navigation, the current page marked with ``aria-current``."""
    request = context.get("request")
    current = current_href(request.path) if request is not None else None
    return {"items": [{"label": k, "href": v, "current": v == current} for k, v in NAV]}


@register.simple_tag
def portal_warning() -> str:
    """信用修复不收取任何费用…… (shown on every portal page)."""
    return texts.WARNING
