"""Turn typed timeline records back into plain data (the inverse of ``convert.build``).

``event_data`` gives the canonical form of an event: YAML keys, case numbers normalised, amounts
as two-decimal strings, dates as ``YYYY-MM-DD``, unset optional fields left out. The same event
always gives the same data, so its digest identifies it (idempotent import).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from goodfaith.core.timeline import model as m
from goodfaith.core.timeline.convert import yaml_fields
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.core.values.money import format_amount


def plain(value: Any) -> Any:
    """A JSON/YAML-ready copy of a record or value."""
    if isinstance(value, CaseNumber):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for name, yaml_key, _, required in yaml_fields(type(value)):
            v = getattr(value, name)
            f = next(f for f in dataclasses.fields(value) if f.name == name)
            if not required and (v is None or v == f.default):
                continue
            out[yaml_key] = plain(v)
        return out
    if isinstance(value, Decimal):
        return format_amount(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    return value


def event_data(event: m.Event) -> dict[str, Any]:
    """The canonical plain form of an event, ``on`` and ``type`` first."""
    body = plain(event)
    return {"on": body.pop("on"), "type": event.TYPE, **body}


def event_digest(event: m.Event) -> str:
    """SHA-256 of the event's canonical form."""
    text = json.dumps(event_data(event), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def party_data(party: m.Party) -> dict[str, Any]:
    body = plain(party)
    body.pop("key")
    return body


def timeline_data(t: m.Timeline) -> dict[str, Any]:
    """The whole timeline as plain data, in the spec's key order."""
    out: dict[str, Any] = {"format": t.format, "title": t.title, "court": t.court}
    if t.court_name:
        out["court_name"] = t.court_name
    if t.policy:
        out["policy"] = t.policy
    out["parties"] = {k: party_data(p) for k, p in t.parties.items()}
    out["events"] = [event_data(e) for e in t.events]
    if t.queries:
        out["queries"] = [plain(q) for q in t.queries]
    return out


def dump_yaml(t: m.Timeline) -> str:
    """The timeline as a YAML document that ``load_timeline`` reads back to an equal timeline."""
    return yaml.safe_dump(
        timeline_data(t), allow_unicode=True, sort_keys=False, default_flow_style=None, width=120
    )
