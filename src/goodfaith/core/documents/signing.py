"""Verifiable documents: canonical data, an Ed25519 signature over it, a short verification code.

Whoever holds a document can check it: the code finds the issued record; the signature over the
record's canonical data proves the data is what the court issued; revocation is recorded apart.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from goodfaith.core.errors import InvalidValue

#: Crockford base32 without I, L, O, U: codes are read aloud and typed by people
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def canonical(data: dict[str, Any]) -> bytes:
    """The bytes that are signed: JSON with sorted keys, no insignificant whitespace, UTF-8."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def digest(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()


def verification_code(data: dict[str, Any], salt: str = "") -> str:
    """A 12-character code (printed as XXXX-XXXX-XXXX) derived from the data and a salt."""
    raw = int.from_bytes(hashlib.sha256(canonical(data) + salt.encode()).digest()[:8], "big")
    chars = []
    for _ in range(12):
        raw, r = divmod(raw, 32)
        chars.append(_ALPHABET[r])
    code = "".join(chars)
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def normalise_code(text: str) -> str:
    """Accept lower case, spaces, and the letters people confuse with digits."""
    cleaned = text.upper().replace(" ", "").replace("-", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) != 12 or any(c not in _ALPHABET for c in cleaned):
        raise InvalidValue(f"expected a verification code such as 7K2M-9QX4-T1BD, got {text!r}")
    return f"{cleaned[:4]}-{cleaned[4:8]}-{cleaned[8:]}"


def load_private_key(seed_b64: str) -> Ed25519PrivateKey:
    """The signing key from its base64 32-byte seed (as kept in the environment)."""
    try:
        seed = base64.b64decode(seed_b64, validate=True)
        return Ed25519PrivateKey.from_private_bytes(seed)
    except (ValueError, TypeError) as exc:
        raise InvalidValue(
            f"the signing key must be a base64 32-byte Ed25519 seed: {exc}"
        ) from None


def new_private_key_b64() -> str:
    key = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return base64.b64encode(raw).decode()


def public_key_b64(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def sign(data: dict[str, Any], key: Ed25519PrivateKey) -> str:
    return base64.b64encode(key.sign(canonical(data))).decode()


def verify(data: dict[str, Any], signature_b64: str, public_b64: str) -> bool:
    """Whether ``signature`` is the court's signature over exactly ``data``."""
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64))
        public.verify(base64.b64decode(signature_b64), canonical(data))
    except (InvalidSignature, ValueError):
        return False
    return True
