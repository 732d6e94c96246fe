"""Issuing, verifying and revoking documents (every write in one transaction)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from goodfaith.core.documents.content import compose
from goodfaith.core.documents.signing import (
    digest,
    normalise_code,
    public_key_b64,
    sign,
    verification_code,
    verify,
)
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.web.audit import log as audit
from goodfaith.web.cases.models import Dispute
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.documents.keys import signing_key
from goodfaith.web.documents.models import DocumentSeries, IssuedDocument


def verify_url(code: str) -> str:
    base = os.environ.get("GOODFAITH_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
    return f"{base}/verify/{code}"


def do_issue_document(
    dispute: Dispute,
    kind: str,
    party: str,
    *,
    case: str | None = None,
    on: date | None = None,
    actor: AbstractBaseUser | None = None,
) -> IssuedDocument:
    """Compose, number, sign and register a document; the stored data re-renders it."""
    t = dispute_timeline(dispute)
    content = compose(t, kind, party, CaseNumber.parse(case) if case else None, on)
    key = signing_key()
    with transaction.atomic():
        series, _ = DocumentSeries.objects.get_or_create(
            court=dispute.court, year=content.date.year
        )
        series = DocumentSeries.objects.select_for_update().get(pk=series.pk)
        series.last += 1
        series.save(update_fields=["last"])
        number = f"（{content.date.year}）{dispute.court.code}证{series.last}号"
        data: dict[str, Any] = {
            **content.as_data(),
            "document_number": number,
            "court_code": dispute.court.code,
            "party": party,
            "issued_on": content.date.isoformat(),
        }
        code = verification_code(data, salt=number)
        data["verification_code"] = code
        data["verify_url"] = verify_url(code)
        doc = IssuedDocument.objects.create(
            court=dispute.court,
            dispute=dispute,
            year=content.date.year,
            serial=series.last,
            number=number,
            kind=content.kind,
            party_key=party,
            case_number=content.number,
            data=data,
            sha256=digest(data),
            signature=sign(data, key),
            public_key=public_key_b64(key),
            code=code,
            issued_on=content.date,
            issued_by=actor,
        )
        audit.record("issue_document", actor, number, {"kind": content.kind, "code": code})
        return doc


def do_revoke_document(
    doc: IssuedDocument, reason: str, actor: AbstractBaseUser | None = None
) -> None:
    """Revoke (e.g. a broken credit commitment): verification says so from now on."""
    with transaction.atomic():
        doc = IssuedDocument.objects.select_for_update().get(pk=doc.pk)
        if doc.revoked_at is None:
            doc.revoked_at = timezone.now()
            doc.revoked_reason = reason
            doc.save(update_fields=["revoked_at", "revoked_reason"])
            audit.record("revoke_document", actor, doc.number, {"reason": reason})


@dataclass(frozen=True)
class Verification:
    status: Literal["valid", "revoked", "invalid", "unknown"]
    document: IssuedDocument | None
    message: str


def verify_document(code: str) -> Verification:
    """Look up a verification code and check the signature over the stored data."""
    normal = normalise_code(code)
    doc = IssuedDocument.objects.select_related("court").filter(code=normal).first()
    if doc is None:
        return Verification("unknown", None, "查无此验证码对应的文书。")
    if not verify(doc.data, doc.signature, doc.public_key) or digest(doc.data) != doc.sha256:
        return Verification("invalid", doc, "文书数据与法院签名不符，可能已被篡改。")
    if doc.revoked_at is not None:
        return Verification(
            "revoked", doc, f"该文书已于{doc.revoked_at:%Y-%m-%d}撤销：{doc.revoked_reason}"
        )
    return Verification(
        "valid", doc, f"{doc.court.name}出具的{doc.data['title']}（{doc.number}）真实有效。"
    )
