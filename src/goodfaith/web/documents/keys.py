"""The court's document-signing key: from ``GOODFAITH_SIGNING_KEY`` (base64 Ed25519 seed); in
development (``GOODFAITH_DEBUG=1``) one is generated into the data folder."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from goodfaith.core.documents.signing import load_private_key, new_private_key_b64


def signing_key() -> Ed25519PrivateKey:
    value = os.environ.get("GOODFAITH_SIGNING_KEY")
    if value:
        return load_private_key(value)
    if not settings.DEBUG:
        raise ImproperlyConfigured(
            "set GOODFAITH_SIGNING_KEY (base64 Ed25519 seed) to issue documents"
        )
    path = settings.DATA_DIR / "dev-signing-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new_private_key_b64())
        path.chmod(0o600)
    return load_private_key(path.read_text().strip())
