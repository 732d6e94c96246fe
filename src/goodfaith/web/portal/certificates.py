"""Public certificate verification: what anyone holding a code may learn, and nothing more.

The answer names the document (title, number, court, case number, party name, date), whether it
is genuine, revoked or superseded. It never carries identity numbers, amounts, the text or the
signature; a document whose signature fails shows no data at all (the data cannot be trusted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from django.db.models import Q
from django.utils import timezone

from goodfaith.core.documents.kinds import KINDS
from goodfaith.core.documents.signing import normalise_code
from goodfaith.core.errors import InvalidValue
from goodfaith.web.cases.models import DisputeParty
from goodfaith.web.documents.actions import verify_document
from goodfaith.web.documents.models import IssuedDocument
from goodfaith.web.portal.describe import web_date

Status = Literal["valid", "revoked", "invalid", "unknown"]

STATUS_LABELS: dict[str, str] = {
    "valid": "真实有效",
    "revoked": "已撤销",
    "invalid": "验证未通过（签名不符，文书可能被篡改）",
    "unknown": "未找到",
}

CODE_EXAMPLE = "7K2M-9QX4-T1BD"
#: a code is echoed back at most this long (a malformed one is the caller's text)
MAX_ECHO = 32


@dataclass(frozen=True, slots=True)
class PublicDocument:
    """The fields of an issued document that verification may show."""

    title: str
    number: str
    court: str
    case_number: str
    party: str
    issued_on: date

    def as_json(self) -> dict[str, str]:
        return {
            "title": self.title,
            "number": self.number,
            "court": self.court,
            "case_number": self.case_number,
            "party": self.party,
            "issued_on": self.issued_on.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class PublicVerification:
    """The answer to one verification request."""

    code: str
    status: Status
    message: str
    document: PublicDocument | None = None
    revoked_on: date | None = None
    revoked_reason: str = ""
    superseded_by: str | None = None
    #: what the page says below the headline (the JSON's message without what the page shows apart)
    detail: str = ""

    @property
    def genuine(self) -> bool:
        """Signed by the court and not revoked."""
        return self.status == "valid"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def headline_detail(self) -> str:
        """What follows the status in the page's headline: ``（2025年1月2日撤销，原因：……）``."""
        if self.status == "revoked" and self.revoked_on:
            reason = self.revoked_reason or "未载明"
            return f"（{web_date(self.revoked_on)}撤销，原因：{reason}）"
        return ""

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "status": self.status,
            "genuine": self.genuine,
            "document": self.document.as_json() if self.document else None,
            "revoked": (
                {"on": self.revoked_on.isoformat(), "reason": self.revoked_reason}
                if self.revoked_on
                else None
            ),
            "superseded_by": self.superseded_by,
            "message": self.message,
        }


def _party_name(doc: IssuedDocument) -> str:
    fields = doc.data.get("fields")
    if isinstance(fields, dict) and fields.get("party"):
        return str(fields["party"])
    role = (
        DisputeParty.objects.select_related("party")
        .filter(dispute_id=doc.dispute_id, key=doc.party_key)
        .first()
    )
    return role.party.name if role else ""


def _public_document(doc: IssuedDocument) -> PublicDocument:
    return PublicDocument(
        title=str(doc.data.get("title") or KINDS.get(doc.kind, doc.kind)),
        number=doc.number,
        court=doc.court.name,
        case_number=doc.case_number,
        party=_party_name(doc),
        issued_on=doc.issued_on,
    )


def superseding(doc: IssuedDocument) -> IssuedDocument | None:
    """The latest unrevoked document of the same kind for the same party and dispute, issued
    after ``doc`` (None if ``doc`` is the latest)."""
    return (
        IssuedDocument.objects.filter(
            dispute_id=doc.dispute_id,
            kind=doc.kind,
            party_key=doc.party_key,
            revoked_at__isnull=True,
        )
        .filter(Q(issued_on__gt=doc.issued_on) | Q(issued_on=doc.issued_on, pk__gt=doc.pk))
        .order_by("-issued_on", "-pk")
        .first()
    )


MALFORMED = (
    f"验证码格式不正确：应为12位字母或数字（如 {CODE_EXAMPLE}），短横线可省略，不区分大小写。"
)


def normal_code(text: str) -> str | None:
    """The code in its printed form ``XXXX-XXXX-XXXX``, or None if it cannot be one."""
    try:
        return normalise_code(text.strip())
    except InvalidValue:
        return None


def check(text: str) -> PublicVerification:
    """Verify the code a member of the public typed or scanned."""
    code = normal_code(text)
    if code is None:
        return PublicVerification(text.strip()[:MAX_ECHO], "unknown", MALFORMED, detail=MALFORMED)
    result = verify_document(code)
    doc = result.document
    if result.status == "unknown" or doc is None:
        message = "未找到该验证码对应的文书。请核对验证码是否输入正确；仍无法核验的，请联系出具文书的法院。"
        return PublicVerification(code, "unknown", message, detail=message)
    if result.status == "invalid":
        message = f"验证未通过：登记的文书数据与法院签名不符，文书可能被篡改。请勿采信该文书，并联系{doc.court.name}核实。"
        return PublicVerification(code, "invalid", message, detail=message)
    public = _public_document(doc)
    later = superseding(doc)
    superseded_by = later.number if later else None
    replaced = f"该文书已被{superseded_by}取代，请以新文书为准。" if superseded_by else ""
    if result.status == "revoked" and doc.revoked_at is not None:
        on = timezone.localtime(doc.revoked_at).date()
        reason = doc.revoked_reason or "未载明"
        return PublicVerification(
            code,
            "revoked",
            f"该{public.title}已于{web_date(on)}撤销，撤销原因：{reason}。{replaced}",
            public,
            revoked_on=on,
            revoked_reason=doc.revoked_reason,
            superseded_by=superseded_by,
        )
    checked = f"经核验，该{public.title}由{public.court}出具，与法院签名一致，未被撤销，真实有效。"
    return PublicVerification(
        code, "valid", checked + replaced, public, superseded_by=superseded_by, detail=checked
    )
