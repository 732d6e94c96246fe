"""Partner API keys: ``gf_<key id>.<secret>``; the secret is shown once, stored as SHA-256."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from goodfaith.web.partners.models import Credential, Partner

PREFIX = "gf_"


def _sha(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_credential(partner: Partner, *, revoke_others: bool = False) -> str:
    """A new key for ``partner`` (rotation: the old ones stay valid until revoked)."""
    key_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
    with transaction.atomic():
        if revoke_others:
            partner.credentials.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        Credential.objects.create(partner=partner, key_id=key_id, secret_sha256=_sha(secret))
    return f"{PREFIX}{key_id}.{secret}"


def new_webhook_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` + base64 of 32 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def partner_for(token: str) -> Partner | None:
    """The active partner whose unrevoked key this is."""
    if not token.startswith(PREFIX) or "." not in token:
        return None
    key_id, secret = token[len(PREFIX) :].split(".", 1)
    cred = (
        Credential.objects.select_related("partner", "partner__court")
        .filter(key_id=key_id, revoked_at__isnull=True, partner__active=True)
        .first()
    )
    if cred is None or not hmac.compare_digest(cred.secret_sha256, _sha(secret)):
        return None
    return cred.partner
