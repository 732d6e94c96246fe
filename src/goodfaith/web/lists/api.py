"""Public list queries (no login): ``GET /api/public/dishonest?name=…&id_number=…``.

The hot path stays off the ORM: one indexed SQL lookup on a keyed hash of identity number and
name, rows that already hold their public JSON (masked), assembled as text. Only what the case
file publishes has a row, so shielded and deleted entries cannot be returned; a person who is a
minor on the query date is never returned (defence in depth: the rules never list one). Each
client is rate-limited (``PUBLIC_QUERY_RATE``) by a fixed-window counter in the process (the
library's cache round trips cost as much as the lookup; see ``public_benchmark``).
"""

from __future__ import annotations

import json
import time
from datetime import date

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from goodfaith.core.errors import InvalidValue
from goodfaith.core.values.identity import parse_credit_code, parse_resident_id
from goodfaith.web.lists.publish import lookup_key

JSON = "application/json; charset=utf-8"
SQL = (
    "SELECT list, payload, birth_date FROM lists_publicrecord WHERE lookup = %s ORDER BY since, id"
)
SQL_QMARK = SQL.replace("%s", "?")


_WINDOWS: dict[str, tuple[int, int]] = {}  # client -> (window, count), this process only


def _rate() -> tuple[int, int]:
    """``PUBLIC_QUERY_RATE`` as (requests, seconds): ``30/m``, ``5/s``, ``100/h``, ``1000/d``."""
    text = settings.PUBLIC_QUERY_RATE
    count, _, unit = text.partition("/")
    return int(count), {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit[:1] or "m"]


def over_limit(request: HttpRequest) -> bool:
    """A fixed-window counter per client address (per process, like a memory cache). The query
    page and the API share it."""
    limit, period = _rate()
    window = int(time.time() // period)
    client = str(request.META.get("REMOTE_ADDR", ""))
    seen, count = _WINDOWS.get(client, (window, 0))
    count = count + 1 if seen == window else 1
    if len(_WINDOWS) > 100_000:  # forget old windows rather than grow without bound
        for k in [k for k, (w, _) in _WINDOWS.items() if w != window]:
            del _WINDOWS[k]
    _WINDOWS[client] = (window, count)
    return count > limit


def reset_limits() -> None:
    _WINDOWS.clear()


class QueryError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def parse_query(name: str, id_number: str) -> tuple[str, str]:
    """The normalised (name, identity number or credit code), or ``QueryError`` naming the field."""
    name = name.strip()
    number = "".join(id_number.split()).upper()
    if not name:
        raise QueryError("name", "请填写被执行人姓名或名称。")
    if len(name) > 100:
        raise QueryError("name", "姓名或名称过长（最多100字）。")
    if not number:
        raise QueryError("id_number", "请填写身份证号码或统一社会信用代码。")
    try:
        if len(number) == 18 and number[:17].isdigit():
            return name, parse_resident_id(number).number
        return name, parse_credit_code(number).number
    except InvalidValue:
        raise QueryError(
            "id_number", "身份证号码或统一社会信用代码不正确，请核对后重新输入（须为18位）。"
        ) from None


def _age(born: date | str | None, today: date) -> int | None:
    if born is None:
        return None
    b = born if isinstance(born, date) else date.fromisoformat(str(born))
    return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


def _rows(key: str) -> list[tuple[str, str, date | str | None]]:
    """One indexed SELECT on the driver's own cursor (Django's wrapper costs more than the query)."""
    connection.ensure_connection()
    raw = connection.connection
    assert raw is not None
    sql = SQL_QMARK if connection.vendor == "sqlite" else SQL
    cursor = raw.cursor()
    try:
        cursor.execute(sql, [key])
        return list(cursor.fetchall())
    finally:
        cursor.close()


def lookup(name: str, number: str, today: date) -> tuple[list[str], list[str]]:
    """The public JSON texts of the matching dishonest-list entries and consumption restrictions."""
    entries: list[str] = []
    restrictions: list[str] = []
    rows = _rows(lookup_key(number, name))
    for kind, payload, born in rows:
        age = _age(born, today)
        if age is not None and age < 18:
            continue  # minors are never published
        if kind == "dishonest":
            entries.append(payload if age is None else f'{payload[:-1]},"age":{age}}}')
        elif kind == "consumption":
            restrictions.append(payload)
    return entries, restrictions


def limited() -> HttpResponse:
    body = json.dumps({"error": "查询过于频繁，请稍后再试。", "field": ""}, ensure_ascii=False)
    response = HttpResponse(body, content_type=JSON, status=429)
    response["Retry-After"] = "60"
    return response


@require_GET
def dishonest(request: HttpRequest) -> HttpResponse:
    if over_limit(request):
        return limited()
    try:
        name, number = parse_query(request.GET.get("name", ""), request.GET.get("id_number", ""))
    except QueryError as exc:
        body = json.dumps({"error": str(exc), "field": exc.field}, ensure_ascii=False)
        return HttpResponse(body, content_type=JSON, status=400)
    entries, restrictions = lookup(name, number, timezone.localdate())
    body = (
        f'{{"count":{len(entries) + len(restrictions)},'
        f'"entries":[{",".join(entries)}],"restrictions":[{",".join(restrictions)}]}}'
    )
    return HttpResponse(body, content_type=JSON)


@require_GET
def ping(request: HttpRequest) -> HttpResponse:
    """The bare endpoint the benchmark compares the query with (same server, same middleware)."""
    return HttpResponse('{"ok":true}', content_type=JSON)
