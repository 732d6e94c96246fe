"""What a partner receives: a change as a CloudEvents 1.0 structured event, fields filtered to
what the partner is approved for (full identity numbers only under a full-identity agreement)."""

from __future__ import annotations

import json
from typing import Any

from goodfaith.web.partners.models import Change, Partner

SPEC = "1.0"
TYPE_PREFIX = "cn.court.goodfaith"


def record_for(partner: Partner, change: Change) -> dict[str, Any] | None:
    if change.payload is None:
        return None
    record = dict(change.payload)
    if partner.full_identity and change.full_id:
        record["id_number"] = change.full_id
    return record


def cloud_event(partner: Partner, change: Change) -> dict[str, Any]:
    return {
        "specversion": SPEC,
        "id": change.uid,
        "source": f"/courts/{change.court.code}",
        "type": f"{TYPE_PREFIX}.{change.list}.{change.type}",
        "subject": change.record_id,
        "time": change.created_at.isoformat(),
        "datacontenttype": "application/json",
        "sequence": str(change.seq),
        "data": {
            "seq": change.seq,
            "list": change.list,
            "change": change.type,
            "record_id": change.record_id,
            "on": change.on.isoformat(),
            "record": record_for(partner, change),
        },
    }


def body(partner: Partner, change: Change) -> str:
    return json.dumps(cloud_event(partner, change), ensure_ascii=False, separators=(",", ":"))
