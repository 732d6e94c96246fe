"""The public portal's pages (no login): home, guide, court rules, cases, regulations,
certificate verification (HTML and JSON) and the API description."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import wraps
from typing import Any

import segno
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from goodfaith.core.policies import POLICIES
from goodfaith.web.portal import texts
from goodfaith.web.portal.certificates import CODE_EXAMPLE, MALFORMED, MAX_ECHO, check, normal_code
from goodfaith.web.portal.describe import case_views, policy_views
from goodfaith.web.portal.openapi import openapi_document, operations, schemas

View = Callable[..., HttpResponse]


def public_url() -> str:
    """The portal's public base address (``GOODFAITH_PUBLIC_URL``), without a trailing slash."""
    return os.environ.get("GOODFAITH_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")


def page(
    request: HttpRequest, template: str, active: str = "", *, status: int = 200, **context: Any
) -> HttpResponse:
    """Render a page extending ``portal/base.html``. The base page adds the navigation and the
    warning itself and marks the current entry from the path; ``active`` (a page key) is only
    accepted for the callers that pass it."""
    return render(request, template, context, status=status)


#: the name other apps' views import
_page = page


def _private(view: View) -> View:
    """Verification answers: never cached, never indexed, the code never sent as a referrer."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response

    return never_cache(wrapper)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """首页: what the platform does, the three entry points, the warning and a QR code."""
    return page(
        request,
        "portal/home.html",
        intro=texts.INTRO,
        entries=texts.ENTRIES,
        home_url=public_url() + reverse("portal:home"),
    )


@require_safe
def qr_code(request: HttpRequest) -> HttpResponse:
    """The home page's address as an SVG QR code (made on the server with segno)."""
    svg = segno.make(public_url() + reverse("portal:home"), error="m").svg_inline(
        scale=4, border=2, dark="#1f2328", light="#ffffff", title="信用修复服务平台二维码"
    )
    response = HttpResponse(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + str(svg).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1),
        content_type="image/svg+xml; charset=utf-8",
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def guide(request: HttpRequest) -> HttpResponse:
    """信用修复指南: the process, conditions by court policy, documents, deadlines, FAQs."""
    return page(
        request,
        "portal/guide.html",
        what=texts.WHAT_IS_REPAIR,
        who=texts.WHO_CAN_APPLY,
        national=texts.NATIONAL_DELETION,
        policies=policy_views(),
        exclusions=texts.CERTIFICATE_EXCLUSIONS,
        documents=texts.DOCUMENTS,
        deadlines=texts.DEADLINES,
        steps=texts.STEPS,
        after=texts.AFTER,
        temporary=texts.TEMPORARY,
        faqs=texts.FAQS,
    )


@require_safe
def rules(request: HttpRequest) -> HttpResponse:
    """本院实施办法: every court policy with its mechanisms."""
    return page(request, "portal/rules.html", policies=policy_views())


@require_safe
def cases(request: HttpRequest) -> HttpResponse:
    """典型案例: the demo case files with a short story each."""
    return page(request, "portal/cases.html", cases=case_views())


@require_safe
def regulations(request: HttpRequest) -> HttpResponse:
    """法规文件: the national instruments and their key articles."""
    return page(
        request,
        "portal/regulations.html",
        instruments=texts.REGULATIONS,
        policy_count=len(POLICIES),
    )


@require_safe
@_private
def verify_form(request: HttpRequest) -> HttpResponse:
    """证明书核验: the form; a well-formed code goes to its own address."""
    if "code" not in request.GET:
        return page(request, "portal/verify.html", example=CODE_EXAMPLE)
    text = request.GET["code"].strip()
    code = normal_code(text) if text else None
    if code is not None:
        return redirect("portal:verify", code=code)
    return page(
        request,
        "portal/verify.html",
        status=400,
        example=CODE_EXAMPLE,
        error=MALFORMED if text else "请输入证明书上的验证码。",
        value=text[:MAX_ECHO],
    )


@require_safe
@_private
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """The verification answer for one code (the address a document's QR code carries)."""
    result = check(code)
    return page(
        request,
        "portal/verify.html",
        example=CODE_EXAMPLE,
        status=404 if result.status == "unknown" else 200,
        result=result,
    )


@require_safe
@_private
def certificate_api(request: HttpRequest, code: str) -> JsonResponse:
    """``GET /api/public/certificates/<code>``: the verification answer as JSON."""
    result = check(code)
    response = JsonResponse(
        result.as_json(),
        status=404 if result.status == "unknown" else 200,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def openapi_json(request: HttpRequest) -> JsonResponse:
    """``GET /api/public/openapi.json``: the OpenAPI 3.1 description of the public API."""
    response = JsonResponse(
        openapi_document(public_url()), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    """开放接口: the OpenAPI document read as tables."""
    spec = openapi_document(public_url())
    return page(
        request,
        "portal/api.html",
        operations=operations(spec),
        schemas=schemas(spec),
        server=public_url(),
        example=CODE_EXAMPLE,
    )
