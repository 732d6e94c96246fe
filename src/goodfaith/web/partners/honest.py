"""The honest-performer list pushed whole on the court's schedule (诚信履行名单定期推送).

Each push is one change of the honest list (``honest_snapshot``) carrying every entry, the count,
a checksum and the list's criteria from the rules, so it travels, is ordered, retried and
acknowledged like any other change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from goodfaith.web.lists.models import PublicRecord
from goodfaith.web.partners.api import checksum
from goodfaith.web.partners.models import HonestSchedule
from goodfaith.web.partners.outbox import record_change

CRITERIA = (
    "在生效法律文书确定的期限内自动履行完毕、未以其为被执行人立案执行的当事人"
    "（宁波法院自动履行正向激励机制；诚信履行名单）"
)


@dataclass(frozen=True)
class HonestPush:
    court: str
    count: int
    seq: int


def push_due(today: date) -> list[HonestPush]:
    """Push the honest list of every court whose schedule is due on ``today``."""
    out = []
    for s in HonestSchedule.objects.select_related("court"):
        if s.last_pushed_on is not None and s.last_pushed_on + timedelta(days=s.every_days) > today:
            continue
        with transaction.atomic():
            rows = PublicRecord.objects.filter(court=s.court, list="honest").order_by("since", "id")
            records = {f"honest:{r.case_number}:{r.party_key}": json.loads(r.payload) for r in rows}
            change = record_change(
                court=s.court,
                dispute=None,
                list_name="honest",
                type="honest_snapshot",
                record_id=f"honest:snapshot:{s.court.code}:{today.isoformat()}",
                payload={
                    "criteria": CRITERIA,
                    "as_of": today.isoformat(),
                    "count": len(records),
                    "checksum": checksum(set(records)),
                    "records": [{"record_id": k, "record": v} for k, v in sorted(records.items())],
                },
                on=today,
            )
            s.last_pushed_on = today
            s.save(update_fields=["last_pushed_on"])
        out.append(HonestPush(s.court.code, len(records), change.seq))
    return out
