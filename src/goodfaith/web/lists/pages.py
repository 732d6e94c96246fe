"""Public list pages (no login): 失信信息查询 with a simple challenge, and 诚信履行名单.

The query form is sent by POST so identity numbers stay out of addresses and server logs; the
page never shows the number typed back. A signed arithmetic question (valid ten minutes) keeps
casual scrapers out; the rate limit per client is the API's.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from goodfaith.web.cases.models import Court
from goodfaith.web.lists.api import QueryError, lookup, over_limit, parse_query
from goodfaith.web.lists.models import PublicRecord

SALT = "goodfaith.public-query-challenge"
CHALLENGE_AGE = 600  # seconds


def new_challenge() -> tuple[str, str]:
    """A question and its signed token (the answer travels signed, not in clear)."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return f"{a} + {b} = ？", signing.dumps({"sum": a + b, "n": secrets.token_hex(4)}, salt=SALT)


def check_challenge(token: str, answer: str) -> bool:
    try:
        data = signing.loads(token, salt=SALT, max_age=CHALLENGE_AGE)
    except signing.BadSignature:
        return False
    return answer.strip().isdigit() and int(answer.strip()) == data["sum"]


def dishonest_page(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"name": "", "searched": False, "errors": {}}
    status = 200
    if request.method == "POST":
        context["name"] = request.POST.get("name", "").strip()[:100]
        if over_limit(request):
            context["errors"]["form"] = "查询过于频繁，请稍后再试。"
            status = 429
        elif not check_challenge(request.POST.get("token", ""), request.POST.get("answer", "")):
            context["errors"]["answer"] = "验证题答案不正确或已过期，请重新计算。"
            status = 400
        else:
            try:
                name, number = parse_query(
                    request.POST.get("name", ""), request.POST.get("id_number", "")
                )
            except QueryError as exc:
                context["errors"][exc.field] = str(exc)
                status = 400
            else:
                entries, restrictions = lookup(name, number, timezone.localdate())
                context.update(
                    searched=True,
                    entries=[json.loads(e) for e in entries],
                    restrictions=[json.loads(r) for r in restrictions],
                )
    context["question"], context["token"] = new_challenge()
    return render(request, "lists/dishonest.html", context, status=status)


def honest_page(request: HttpRequest) -> HttpResponse:
    records = (
        PublicRecord.objects.filter(list="honest").select_related("court").order_by("-since", "id")
    )
    court = request.GET.get("court", "")
    if court:
        records = records.filter(court__code=court)
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    rows = [json.loads(r.payload) for r in page.object_list]
    courts = Court.objects.filter(
        code__in=PublicRecord.objects.filter(list="honest").values("court__code")
    ).order_by("code")
    return render(
        request,
        "lists/honest.html",
        {"page": page, "rows": rows, "courts": courts, "court": court},
    )
