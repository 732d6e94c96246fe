"""Rewrite a dispute's public records from its case file (called in the writing transaction).

The public fields are those of SPC list rules art. 6: for a person the name, gender, age and
identity number (masked: the month and day of birth hidden), for a unit the name, credit code
and legal representative; the duty and how far it is performed; the conduct; the basis, the
enforcement case, its filing date and court. Age is added when the query is answered.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings

from goodfaith.core.answers import answer
from goodfaith.core.courts import known_court_name
from goodfaith.core.errors import InvalidValue
from goodfaith.core.lists import ListEntry, entries
from goodfaith.core.policies import policy_in_force
from goodfaith.core.rules.dishonest_list import ITEM_TEXT
from goodfaith.core.state import DisputeState
from goodfaith.core.timeline import model as m
from goodfaith.core.values.identity import parse_credit_code, parse_resident_id
from goodfaith.core.values.money import format_amount
from goodfaith.web.cases import models as db
from goodfaith.web.lists.models import PublicRecord

GENDER = {"male": "男", "female": "女"}


def normalise_name(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def lookup_key(id_number: str, name: str) -> str:
    """The keyed hash a public query is matched on: identity number and name together."""
    secret = settings.SECRET_KEY.encode()
    text = f"{id_number.strip().upper()}|{normalise_name(name)}"
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


def public_id(party: m.Party) -> str:
    """A person's identity number masked (art. 6 publishes it; we hide the month and day of
    birth, as the national site does); a unit's credit code in full."""
    if not party.id_number:
        return ""
    try:
        if party.kind == "person":
            return parse_resident_id(party.id_number).masked
        return parse_credit_code(party.id_number).number
    except InvalidValue:
        return ""


def _birth_date(party: m.Party) -> date | None:
    if party.kind != "person":
        return None
    if party.birth_date is not None:
        return party.birth_date
    try:
        return parse_resident_id(party.id_number).birth_date if party.id_number else None
    except InvalidValue:
        return None


def _gender(party: m.Party) -> str:
    if party.gender:
        return GENDER[party.gender]
    try:
        return GENDER[parse_resident_id(party.id_number).gender] if party.id_number else ""
    except InvalidValue:
        return ""


def _party_fields(t: m.Timeline, key: str) -> dict[str, Any]:
    p = t.parties[key]
    out: dict[str, Any] = {"name": p.name, "kind": p.kind, "id_number": public_id(p)}
    if p.kind == "person":
        out["gender"] = _gender(p)
    else:
        rep = t.parties.get(p.representative) if p.representative else None
        out["legal_representative"] = rep.name if rep else ""
    return out


def _duty(state: DisputeState, party: str, root: m.CaseNumber) -> tuple[str, str]:
    """What the document obliges the party to do, and how far it is performed."""
    duties, owed, due = [], Decimal(0), Decimal(0)
    for o in state.obligations.values():
        if o.root != root or party not in o.obligation.debtors:
            continue
        ob = o.obligation
        if ob.kind == "money" and ob.amount is not None:
            duties.append(ob.description or f"给付{format_amount(ob.amount)}元")
            whole = (
                ob.amount if ob.liability == "joint" else (ob.shares or {}).get(party, Decimal(0))
            )
            due += whole
            owed += o.owed_by(party)
        else:
            duties.append(ob.description or "履行生效法律文书确定的行为义务")
    performance = "全部未履行" if owed == due else "部分未履行"
    return "；".join(duties), performance


def _dishonest(t: m.Timeline, state: DisputeState, x: ListEntry, court: db.Court) -> dict[str, Any]:
    case = state.cases[x.case]
    listing = state.listing(x.party, x.case)
    duty, performance = _duty(state, x.party, case.root)
    basis = case.root
    return {
        "list": "dishonest",
        **_party_fields(t, x.party),
        "court": court.name,
        "court_code": court.code,
        "case_number": str(x.case),
        "filed_on": case.opened_on.isoformat(),
        "basis_number": str(basis),
        "basis_issuer": known_court_name(basis.court) or basis.court,
        "duty": duty,
        "performance": performance,
        "conduct": [ITEM_TEXT[i] for i in (listing.items if listing else ())],
        "published_on": x.since.isoformat(),
    }


def _restriction(t: m.Timeline, x: ListEntry, court: db.Court) -> dict[str, Any]:
    return {
        "list": x.name,
        **_party_fields(t, x.party),
        "court": court.name,
        "court_code": court.code,
        "case_number": str(x.case),
        "restricted_on": x.since.isoformat(),
        "kind_of_restriction": x.name,
    }


def _honest(
    t: m.Timeline, state: DisputeState
) -> list[tuple[str, m.CaseNumber, date, dict[str, Any]]]:
    """Debtors the court's honest-list rules include (only where the policy keeps one)."""
    policy = policy_in_force(t.policy, state.as_of)
    if policy is None or not policy.honest_list:
        return []
    debtors = sorted(
        {d for e in state.events if isinstance(e, m.JudgmentEffective) for d in e.debtors}
    )
    out = []
    for key in debtors:
        a = answer(t, m.Query(id="honest", on=state.as_of, ask="honest_list", party=key), state)
        if a.outcome != "include" or a.case is None:
            continue
        case = m.CaseNumber.parse(a.case)
        done = max(
            (o.settled_on[key] for o in state.obligations.values() if key in o.settled_on),
            default=state.as_of,
        )
        out.append(
            (
                key,
                case,
                done,
                {
                    "list": "honest",
                    **_party_fields(t, key),
                    "case_number": str(case),
                    "performed_on": done.isoformat(),
                },
            )
        )
    return out


@dataclass(frozen=True)
class Record:
    """One list record of the dispute in its current state, with its public JSON."""

    list: str
    state: str
    party: str
    case: m.CaseNumber
    since: date
    payload: dict[str, Any]

    @property
    def public(self) -> bool:
        return (self.list, self.state) in PUBLIC_STATES

    @property
    def record_id(self) -> str:
        """A stable identifier naming no person: list, enforcement case, party key."""
        return f"{self.list}:{self.case}:{self.party}"


PUBLIC_STATES = {("dishonest", "published"), ("consumption", "imposed"), ("honest", "included")}


def records(dispute: db.Dispute, t: m.Timeline, state: DisputeState) -> list[Record]:
    """Every list record of the case file (published or not), with its public payload."""
    court = dispute.court
    out = []
    for x in entries(state):
        if x.name == "dishonest" and x.state != "warned":
            payload = _dishonest(t, state, x, court)
        elif x.name in ("consumption", "exit"):
            payload = _restriction(t, x, court)
        else:
            continue
        out.append(Record(x.name, x.state, x.party, x.case, x.since, payload))
    for key, case, since, payload in _honest(t, state):
        payload["court"], payload["court_code"] = court.name, court.code
        out.append(Record("honest", "included", key, case, since, payload))
    return out


def refresh_public(dispute: db.Dispute, t: m.Timeline, state: DisputeState) -> list[Record]:
    """Replace the dispute's public records with what its case file publishes now; returns
    every record (the partner feed announces their changes in the same transaction)."""
    court = dispute.court
    all_records = records(dispute, t, state)
    rows = []
    for r in all_records:
        if not r.public:
            continue
        p = t.parties[r.party]
        rows.append(
            PublicRecord(
                dispute=dispute,
                court=court,
                party_key=r.party,
                list=r.list,
                case_number=str(r.case),
                lookup=lookup_key(p.id_number, p.name) if p.id_number else "",
                name=p.name,
                birth_date=_birth_date(p),
                since=r.since,
                payload=json.dumps(r.payload, ensure_ascii=False, separators=(",", ":")),
            )
        )
    PublicRecord.objects.filter(dispute=dispute).delete()
    PublicRecord.objects.bulk_create(rows)
    return all_records
