"""Writing and verifying the audit chain. ``record`` joins the caller's transaction, so an action
and its audit record commit or roll back together."""

from __future__ import annotations

import contextvars
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from goodfaith.web.audit.models import AuditHead, AuditRecord

#: the client address of the request being served (set by ``AuditAddressMiddleware``)
current_address: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "address", default=None
)


def _digest(prev: str, fields: dict[str, Any]) -> str:
    body = json.dumps(
        fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )
    return hashlib.sha256((prev + body).encode()).hexdigest()


def _fields(r: AuditRecord) -> dict[str, Any]:
    return {
        "seq": r.seq,
        "at": r.at.isoformat(),
        "actor": r.actor_name,
        "address": r.address,
        "action": r.action,
        "target": r.target,
        "detail": r.detail,
    }


def record(
    action: str,
    actor: AbstractBaseUser | None = None,
    target: str = "",
    detail: dict[str, Any] | None = None,
    address: str | None = None,
) -> AuditRecord:
    """Append one record: who, when, what, from which address."""
    with transaction.atomic():
        head, _ = AuditHead.objects.get_or_create(pk=1)
        head = AuditHead.objects.select_for_update().get(pk=1)
        r = AuditRecord(
            seq=head.last_seq + 1,
            at=timezone.now(),
            actor=actor if actor is not None and actor.is_authenticated else None,
            actor_name=actor.get_username() if actor is not None else "system",
            address=address or current_address.get(),
            action=action,
            target=target[:200],
            detail=json.loads(json.dumps(detail or {}, ensure_ascii=False, default=str)),
            prev_hash=head.last_hash,
        )
        r.hash = _digest(r.prev_hash, _fields(r))
        r.save()
        head.last_seq, head.last_hash = r.seq, r.hash
        head.save(update_fields=["last_seq", "last_hash"])
        return r


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    records: int
    problem: str = ""


def verify_chain() -> ChainCheck:
    """Walk the chain from the first record: every hash must follow from its record and the
    previous hash, sequence numbers must be gapless, and the head must match the last record."""
    prev, expected_seq, count = "0" * 64, 1, 0
    for r in AuditRecord.objects.order_by("seq").iterator():
        if r.seq != expected_seq:
            return ChainCheck(False, count, f"record {expected_seq} is missing (found {r.seq})")
        if r.prev_hash != prev or r.hash != _digest(prev, _fields(r)):
            return ChainCheck(False, count, f"record {r.seq} was altered")
        prev, expected_seq, count = r.hash, expected_seq + 1, count + 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.last_seq != count or head.last_hash != prev):
        return ChainCheck(
            False, count, f"the chain ends at {count} but the head says {head.last_seq}"
        )
    return ChainCheck(True, count)
