"""The ordered change log (outbox), written in the same transaction as the state change.

After every write to a case file, ``announce`` compares the dispute's list records with the
states last announced (``ListState``) and appends one change per transition: listing published,
shielded, unshielded, corrected, deleted; restriction imposed, corrected, lifted; honest-list
added, corrected, removed. Repairs granted and certificates issued or revoked are announced by
their actions. A deletion, a shielding and a lifting are tombstones carrying only the record's
id. Each change gets the next sequence number under a row lock, so sequence order is commit
order, and one delivery row per approved partner, whose acknowledgement clock starts now.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from goodfaith.core.values.workdays import add_working_days
from goodfaith.web.cases import models as db
from goodfaith.web.partners.models import Change, ChangeCounter, Delivery, ListState, Partner

#: (list, previous state or None, new state) -> change type; the rest announce nothing
TRANSITIONS: dict[tuple[str, str | None, str], str] = {
    ("dishonest", None, "published"): "listing_published",
    ("dishonest", "deleted", "published"): "listing_published",
    ("dishonest", "shielded", "published"): "listing_unshielded",
    ("dishonest", None, "shielded"): "listing_shielded",
    ("dishonest", "published", "shielded"): "listing_shielded",
    ("dishonest", "published", "deleted"): "listing_deleted",
    ("dishonest", "shielded", "deleted"): "listing_deleted",
    ("consumption", None, "imposed"): "restriction_imposed",
    ("consumption", "lifted", "imposed"): "restriction_imposed",
    ("consumption", "imposed", "lifted"): "restriction_lifted",
    ("exit", None, "imposed"): "restriction_imposed",
    ("exit", "lifted", "imposed"): "restriction_imposed",
    ("exit", "imposed", "lifted"): "restriction_lifted",
    ("honest", None, "included"): "honest_added",
}
CORRECTED = {"dishonest": "listing_corrected", "consumption": "restriction_corrected",
             "exit": "restriction_corrected", "honest": "honest_corrected"}  # fmt: skip
REMOVED = {"dishonest": "listing_deleted", "consumption": "restriction_lifted",
           "exit": "restriction_lifted", "honest": "honest_removed"}  # fmt: skip
#: changes that carry only the record's id
TOMBSTONES = {"listing_deleted", "listing_shielded", "restriction_lifted", "honest_removed"}
#: states in which a record is shown (a payload change then is a correction)
SHOWN = {"published", "imposed", "included"}


def digest(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def record_change(
    *,
    court: db.Court,
    dispute: db.Dispute | None,
    list_name: str,
    type: str,
    record_id: str,
    payload: dict[str, Any] | None,
    full_id: str = "",
    on: date | None = None,
) -> Change:
    """Append one change and its deliveries (call inside the writing transaction)."""
    assert transaction.get_connection().in_atomic_block, "changes are written with the state"
    counter, _ = ChangeCounter.objects.get_or_create(pk=1)
    counter = ChangeCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    today = timezone.localdate()
    change = Change.objects.create(
        seq=counter.last,
        uid=f"gf_{uuid.uuid4().hex}",
        list=list_name,
        type=type,
        record_id=record_id,
        court=court,
        dispute=dispute,
        on=on or today,
        payload=None if type in TOMBSTONES else payload,
        full_id="" if type in TOMBSTONES else full_id,
    )
    partners = Partner.objects.filter(court=court, active=True)
    Delivery.objects.bulk_create(
        [
            Delivery(
                partner=p,
                change=change,
                due=add_working_days(today, p.ack_working_days),
                next_attempt_at=timezone.now() if p.webhook_url else None,
            )
            for p in partners
            if list_name in p.lists
        ]
    )
    return change


def announce(dispute: db.Dispute, records: list[Any], t: Any) -> list[Change]:
    """Changes for every record whose state or content differs from the last announcement."""
    before = {s.record_id: s for s in ListState.objects.filter(dispute=dispute)}
    out = []
    seen = set()
    for r in records:
        rid = r.record_id
        seen.add(rid)
        prev = before.get(rid)
        new_digest = digest(r.payload)
        kind = TRANSITIONS.get((r.list, prev.state if prev else None, r.state))
        if kind is None and prev is not None and prev.state == r.state and r.state in SHOWN:
            kind = CORRECTED[r.list] if prev.digest != new_digest else None
        if kind is not None:
            party = t.parties[r.party]
            out.append(
                record_change(
                    court=dispute.court,
                    dispute=dispute,
                    list_name=r.list,
                    type=kind,
                    record_id=rid,
                    payload=r.payload,
                    full_id=party.id_number or "",
                )
            )
        if prev is None:
            ListState.objects.create(
                dispute=dispute, record_id=rid, list=r.list, state=r.state, digest=new_digest
            )
        elif (prev.state, prev.digest) != (r.state, new_digest):
            prev.state, prev.digest = r.state, new_digest
            prev.save(update_fields=["state", "digest"])
    for rid, prev in before.items():
        if rid in seen:
            continue
        if prev.state in SHOWN or prev.state == "shielded":  # a voided record: take it back
            out.append(
                record_change(
                    court=dispute.court,
                    dispute=dispute,
                    list_name=prev.list,
                    type=REMOVED[prev.list],
                    record_id=rid,
                    payload=None,
                )
            )
        prev.delete()
    return out
