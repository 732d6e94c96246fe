"""Party access codes (在线服务查询码): how a debtor signs in to the portal.

Every document issued to a party carries the party's access code. With the case number, their
identity number and the code, the party sees their own entries and applies for credit repair.
The code is derived (HMAC with the installation's secret over the party's row), so it is never
stored, can be printed again on every later document, and changes if the secret is rotated.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from django.conf import settings

from goodfaith.core.errors import InvalidValue
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.web.cases import models as db

#: base32 without the easily confused 0/1/8 lookalikes is what base32 gives: A–Z and 2–7
CODE_LENGTH = 8


def access_code(dp: db.DisputeParty) -> str:
    """``ABCD-EF23``: the party's code in this case file."""
    mac = hmac.new(
        settings.SECRET_KEY.encode(), f"party-access|{dp.pk}".encode(), hashlib.sha256
    ).digest()
    text = base64.b32encode(mac).decode()[:CODE_LENGTH]
    return f"{text[:4]}-{text[4:]}"


def normalise_code(text: str) -> str:
    return "".join(c for c in text.upper() if c.isalnum())


def find_party(case_number: str, id_number: str, code: str) -> db.DisputeParty | None:
    """The party whose case, identity number and code all match; ``None`` otherwise."""
    try:
        number = str(CaseNumber.parse(case_number))
    except InvalidValue:
        return None
    ident = "".join(id_number.split()).upper()
    if not ident:
        return None
    candidates = db.DisputeParty.objects.filter(
        dispute__cases__number=number, party__id_number=ident
    ).select_related("party", "dispute", "dispute__court")
    given = normalise_code(code)
    for dp in candidates:
        if hmac.compare_digest(normalise_code(access_code(dp)), given):
            return dp
    return None
