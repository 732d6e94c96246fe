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
from goodfaith.web.cases.party_access import access_code
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
        holder = dispute.parties.filter(key=party).first()
        if holder is not None:
            data["access_code"] = access_code(holder)
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
        _announce_certificate(doc, "certificate_issued")
        return doc


def _announce_certificate(doc: IssuedDocument, kind: str) -> None:
    """Certificates (not notices) go to the partners approved for them (same transaction)."""
    if doc.kind not in CERTIFICATES.values():
        return
    from goodfaith.web.partners.outbox import record_change

    record_change(
        court=doc.court,
        dispute=doc.dispute,
        list_name="certificates",
        type=kind,
        record_id=f"certificates:{doc.number}",
        payload={
            "number": doc.number,
            "title": doc.data.get("title", ""),
            "court": doc.court.name,
            "case_number": doc.case_number,
            "party": doc.data.get("fields", {}).get("party", doc.party_key),
            "issued_on": doc.issued_on.isoformat(),
            "verification_code": doc.code,
            "revoked": kind == "certificate_revoked",
        },
    )


#: the certificate a rules answer names -> the document kind that carries it
CERTIFICATES = {
    "主动履行证明书": "active_performance_certificate",
    "自动履行证明书": "automatic_performance_certificate",
    "信用修复证明": "credit_repair_certificate",
}


class CertificateRefused(ValueError):
    """The certificate cannot be issued (message in Chinese)."""


def do_issue_certificate(
    dispute: Dispute, party: str, on: date, actor: AbstractBaseUser | None = None
) -> IssuedDocument:
    """出具证明书 when the rules find ``party`` eligible on ``on``: the document is issued and
    ``certificate_issued`` recorded in the case file, in one transaction, once per party."""
    from goodfaith.core.answers import answer
    from goodfaith.core.labels import OUTCOME_LABELS
    from goodfaith.core.timeline.model import Query
    from goodfaith.web.cases.actions import do_record_event

    t = dispute_timeline(dispute)
    if party not in t.parties:
        raise CertificateRefused(f"本案没有当事人“{party}”。")
    a = answer(t, Query(id="issue", on=on, ask="certificate", party=party))
    if a.outcome != "eligible" or a.case is None:
        label = OUTCOME_LABELS.get(a.outcome, a.outcome)
        raise CertificateRefused(f"截至{on.isoformat()}规则结论为“{label}”，不能出具。")
    kind = CERTIFICATES.get(str(a.details.get("document")), "credit_repair_certificate")
    with transaction.atomic():
        issued = (
            IssuedDocument.objects.select_for_update()
            .filter(dispute=dispute, kind=kind, party_key=party, revoked_at__isnull=True)
            .first()
        )
        if issued is not None:
            raise CertificateRefused(
                f"已出具{issued.data['title']}（{issued.number}），不重复出具。"
            )
        event = {
            "on": on.isoformat(),
            "type": "certificate_issued",
            "case": a.case,
            "party": party,
            "document": kind,
        }
        do_record_event(dispute, event, actor, source="certificate")
        return do_issue_document(dispute, kind, party, case=a.case, on=on, actor=actor)


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
            _announce_certificate(doc, "certificate_revoked")


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
