"""Read and validate a timeline file completely, or refuse it with one precise message."""

from __future__ import annotations

import functools
import json
import re
import typing
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import yaml

from goodfaith.core.courts import known_court_name
from goodfaith.core.errors import InvalidValue
from goodfaith.core.policies import POLICY_NAMES
from goodfaith.core.timeline import model as m
from goodfaith.core.timeline.convert import FieldError, build, yaml_fields
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.core.values.identity import parse_identity


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false. (YAML 1.1 would read the key ``on`` as True.)"""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def read_yaml(text: str) -> Any:
    """Parse YAML as the timeline format means it (``on`` is a key, not a boolean)."""
    return yaml.load(text, Loader=_Loader)


class TimelineError(ValueError):
    """A timeline is refused. ``where`` is ``events[3] (payment)``, ``queries[q1]``, ``parties.D1``…"""

    def __init__(self, source: str, where: str, field: str | None, message: str) -> None:
        self.source, self.where, self.field, self.message = source, where, field, message
        text = f"{source}: {where}" if where else source
        if field:
            text += f": field '{field}'"
        super().__init__(f"{text}: {message}")


def load_timeline(path: str | Path) -> m.Timeline:
    """Read a YAML or JSON timeline file and validate it."""
    p = Path(path)
    source = str(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TimelineError(source, "", None, f"cannot read the file: {exc}") from None
    try:
        raw = json.loads(text) if p.suffix == ".json" else read_yaml(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise TimelineError(source, "", None, f"not valid YAML/JSON: {exc}") from None
    return parse_timeline(raw, source)


def parse_timeline(raw: Any, source: str = "<timeline>") -> m.Timeline:
    """Validate a decoded timeline (a mapping) and return the typed ``Timeline``."""
    if not isinstance(raw, dict):
        raise TimelineError(source, "", None, "expected a mapping at the top level")
    top = {"format", "title", "court", "court_name", "policy", "parties", "events", "queries"}
    for k in raw:
        if k not in top:
            raise TimelineError(source, "", str(k), f"unknown key; expected one of {sorted(top)}")
    for k in ("format", "title", "court", "parties", "events"):
        if k not in raw:
            raise TimelineError(source, "", k, "missing required field")
    if raw["format"] != m.FORMAT:
        raise TimelineError(source, "", "format", f"expected {m.FORMAT!r}, got {raw['format']!r}")
    head = _head(raw, source)
    parties = _parties(raw["parties"], source)
    events = _events(raw["events"], parties, source)
    queries = _queries(raw.get("queries") or [], parties, events, source)
    return m.Timeline(parties=parties, events=events, queries=queries, **head)


def _text(raw: dict[str, Any], k: str, source: str, required: bool) -> str | None:
    v = raw.get(k)
    if v is None and not required:
        return None
    if not isinstance(v, str) or not v.strip():
        raise TimelineError(source, "", k, f"expected non-empty text, got {v!r}")
    return v.strip()


def _head(raw: dict[str, Any], source: str) -> dict[str, Any]:
    court = _text(raw, "court", source, True)
    assert court is not None
    try:
        CaseNumber.parse(f"（2000）{court}执1号")
    except InvalidValue:
        raise TimelineError(
            source, "", "court", f"expected a court code such as 粤0114, got {court!r}"
        ) from None
    court_name = _text(raw, "court_name", source, False) or known_court_name(court)
    if court_name is None:
        raise TimelineError(source, "", "court_name", f"required: court code {court} is not known")
    policy = _text(raw, "policy", source, False)
    if policy is not None and policy not in POLICY_NAMES:
        raise TimelineError(
            source, "", "policy", f"unknown policy {policy!r}; expected one of {list(POLICY_NAMES)}"
        )
    title = _text(raw, "title", source, True)
    return {"title": title, "court": court, "court_name": court_name, "policy": policy}


def _parties(raw: Any, source: str) -> dict[str, m.Party]:
    if not isinstance(raw, dict) or not raw:
        raise TimelineError(source, "", "parties", "expected a non-empty mapping of party keys")
    parties: dict[str, m.Party] = {}
    for k, body in raw.items():
        where = f"parties.{k}"
        if not isinstance(body, dict):
            raise TimelineError(source, where, None, f"expected a mapping, got {body!r}")
        if "key" in body:
            raise TimelineError(source, where, "key", "unknown key")
        try:
            party = build(m.Party, {**body, "key": str(k)})
        except FieldError as exc:
            raise TimelineError(source, where, exc.path or None, exc.message) from None
        parties[str(k)] = _identity(party, source, where)
    for party in parties.values():
        rep = party.representative
        if rep is not None:
            where = f"parties.{party.key}"
            if party.kind != "unit":
                raise TimelineError(source, where, "representative", "only a unit has one")
            if rep not in parties or parties[rep].kind != "person":
                raise TimelineError(
                    source,
                    where,
                    "representative",
                    f"expected the key of a person party, got {rep!r}",
                )
    return parties


def _identity(party: m.Party, source: str, where: str) -> m.Party:
    """Check the identity number; fill birth date and gender from a resident number."""
    if party.kind == "unit" and (party.birth_date or party.gender):
        field = "birth_date" if party.birth_date else "gender"
        raise TimelineError(source, where, field, "only a person has one")
    if party.id_number is None:
        return party
    try:
        ident = parse_identity(party.id_number, party.kind)
    except InvalidValue as exc:
        raise TimelineError(source, where, "id_number", str(exc)) from None
    birth = getattr(ident, "birth_date", None)
    gender = getattr(ident, "gender", None)
    if party.birth_date and birth and party.birth_date != birth:
        raise TimelineError(
            source, where, "birth_date", f"{party.birth_date} contradicts id_number ({birth})"
        )
    if party.gender and gender and party.gender != gender:
        raise TimelineError(source, where, "gender", f"{party.gender} contradicts id_number")
    return m.Party(
        key=party.key,
        name=party.name,
        kind=party.kind,
        id_number=ident.number,
        birth_date=party.birth_date or birth,
        gender=party.gender or gender,
        representative=party.representative,
    )


def _events(raw: Any, parties: dict[str, m.Party], source: str) -> tuple[m.Event, ...]:
    if not isinstance(raw, list):
        raise TimelineError(source, "", "events", "expected a list of events")
    checker = _Checker(parties, source)
    out: list[m.Event] = []
    for i, body in enumerate(raw):
        where = f"events[{i}]"
        if not isinstance(body, dict):
            raise TimelineError(source, where, None, f"expected a mapping, got {body!r}")
        etype = body.get("type")
        cls = m.EVENT_TYPES.get(etype) if isinstance(etype, str) else None
        if cls is None:
            raise TimelineError(source, where, "type", f"unknown event type {etype!r}")
        where = f"events[{i}] ({etype})"
        try:
            event = build(cls, body, skip=frozenset({"type"}))
        except FieldError as exc:
            raise TimelineError(source, where, exc.path, exc.message) from None
        try:
            checker.check(event)
        except FieldError as exc:
            raise TimelineError(source, where, exc.path, exc.message) from None
        out.append(event)
    return tuple(out)


@functools.cache
def party_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """The fields of an event that name parties, each "one" or "many"."""
    out = []
    for name, _, tp, _ in yaml_fields(cls):
        if _is_party(tp):
            out.append((name, "one"))
        elif typing.get_origin(tp) is tuple and _is_party(typing.get_args(tp)[0]):
            out.append((name, "many"))
    return tuple(out)


def _is_party(tp: Any) -> bool:
    if typing.get_origin(tp) is typing.Annotated:
        return m.PARTY_MARKER in typing.get_args(tp)[1:]
    return any(_is_party(a) for a in typing.get_args(tp) if typing.get_origin(tp) is not tuple)


class _Checker:
    """Cross-field checks of events in file order: references, dates, sums."""

    def __init__(self, parties: dict[str, m.Party], source: str) -> None:
        self.parties = parties
        self.source = source
        self.last: date | None = None
        self.cases: dict[CaseNumber, str] = {}  # number -> "judgment" | "pre_enforcement" | …
        self.obligations: set[str] = set()
        self.measures: set[str] = set()

    def party(self, key: str, field: str) -> None:
        if key not in self.parties:
            raise FieldError(field, f"party {key!r} is not declared in parties")

    def parties_(self, keys: Iterable[str], field: str) -> None:
        for i, k in enumerate(keys):
            self.party(k, f"{field}[{i}]")

    def case(self, number: CaseNumber, field: str, *, of: tuple[str, ...] = ()) -> None:
        kind = self.cases.get(number)
        if kind is None:
            raise FieldError(field, f"case {number} is not declared by an earlier event")
        if of and kind not in of:
            raise FieldError(field, f"case {number} is a {kind} case; expected {' or '.join(of)}")

    def open(self, number: CaseNumber, kind: str) -> None:
        if number in self.cases:
            raise FieldError("case", f"case {number} is already declared")
        expected = {
            "enforcement": number.is_enforcement,
            "pre_enforcement": number.is_pre_enforcement,
        }
        if kind in expected and not expected[kind]:
            raise FieldError("case", f"{number} is not a {kind.replace('_', '-')} case number")
        if kind == "judgment" and (number.is_enforcement or number.is_pre_enforcement):
            raise FieldError("case", f"{number} is an enforcement case number, not a judgment's")
        self.cases[number] = kind

    def check(self, e: m.Event) -> None:
        if self.last is not None and e.on < self.last:
            raise FieldError(
                "on", f"{e.on} is before the previous event ({self.last}): out of order"
            )
        self.last = e.on
        for name, kind in party_fields(cast(type, type(e))):
            value = getattr(e, name)
            if value is None:
                continue
            if kind == "one":
                self.party(value, name)
            elif name not in ("creditors", "debtors"):  # judgment() checks these with context
                self.parties_(value, name)
        if isinstance(e, m.JudgmentEffective):
            self.judgment(e)
            self.open(e.case, "judgment")
            return
        if isinstance(e, m.PreEnforcementRequested):
            self.case(e.basis, "basis", of=("judgment",))
            return
        if isinstance(e, m.PreEnforcementRegistered):
            self.case(e.basis, "basis", of=("judgment",))
            self.open(e.case, "pre_enforcement")
            return
        if isinstance(e, m.EnforcementFiled):
            self.case(e.basis, "basis", of=("judgment",))
            self.open(e.case, "enforcement")
            return
        if isinstance(e, m.CaseResumed):
            self.case(e.basis, "basis", of=("enforcement",))
            self.open(e.case, "enforcement")
            return
        assert isinstance(e, m.CaseEvent)
        self.case(e.case, "case")
        if isinstance(e, m.MeasureApplied):
            if e.id in self.measures:
                raise FieldError("id", f"measure {e.id!r} is already applied")
            self.measures.add(e.id)
        elif isinstance(e, m.MeasureLifted) and e.id not in self.measures:
            raise FieldError("id", f"measure {e.id!r} was never applied")
        elif isinstance(e, (m.Payment, m.ActPerformed)) and e.obligation is not None:
            if e.obligation not in self.obligations:
                raise FieldError("obligation", f"obligation {e.obligation!r} is not declared")
        elif isinstance(e, m.Listed):
            self.listed(e)
        elif isinstance(e, m.AuctionStarted) and e.round < 1:
            raise FieldError("round", f"expected 1 or more, got {e.round}")
        elif isinstance(e, m.DetentionDecided) and e.days < 1:
            raise FieldError("days", f"expected 1 or more days, got {e.days}")
        elif isinstance(e, m.CreditCommitment) and e.from_ and e.to and e.to < e.from_:
            raise FieldError("to", f"{e.to} is before from ({e.from_})")
        elif isinstance(e, m.SettlementAgreed) and not e.installments:
            raise FieldError("installments", "expected at least one instalment")

    def judgment(self, e: m.JudgmentEffective) -> None:
        self.parties_(e.creditors, "creditors")
        self.parties_(e.debtors, "debtors")
        if not e.debtors:
            raise FieldError("debtors", "expected at least one debtor")
        for i, o in enumerate(e.obligations):
            f = f"obligations[{i}]"
            if o.id in self.obligations:
                raise FieldError(f"{f}.id", f"obligation {o.id!r} is already declared")
            self.obligations.add(o.id)
            for j, d in enumerate(o.debtors):
                if d not in e.debtors:
                    raise FieldError(f"{f}.debtors[{j}]", f"{d!r} is not a debtor of this document")
            if o.kind == "money" and o.amount is None:
                raise FieldError(f"{f}.amount", "missing required field for a money obligation")
            if o.liability == "several" and o.kind == "money":
                self.shares(o, f)
            elif o.shares is not None:
                raise FieldError(f"{f}.shares", "only a several obligation has shares")

    def shares(self, o: m.Obligation, f: str) -> None:
        if not o.shares:
            raise FieldError(f"{f}.shares", "a several money obligation needs each debtor's share")
        if set(o.shares) != set(o.debtors):
            raise FieldError(f"{f}.shares", f"expected one share per debtor {list(o.debtors)}")
        total = sum(o.shares.values(), Decimal(0))
        if total != o.amount:
            raise FieldError(f"{f}.shares", f"shares add up to {total}, not the amount {o.amount}")

    def listed(self, e: m.Listed) -> None:
        if not e.items or any(i not in range(1, 7) for i in e.items):
            raise FieldError(
                "items", f"expected items of art. 1 between 1 and 6, got {list(e.items)}"
            )
        if e.period_years is not None and not 1 <= e.period_years <= 5:
            raise FieldError("period_years", f"expected 1 to 5 years or null, got {e.period_years}")
        if not 0 <= e.extension_years <= 3:
            raise FieldError("extension_years", f"expected 0 to 3, got {e.extension_years}")


def _queries(
    raw: Any, parties: dict[str, m.Party], events: tuple[m.Event, ...], source: str
) -> tuple[m.Query, ...]:
    if not isinstance(raw, list):
        raise TimelineError(source, "", "queries", "expected a list of queries")
    cases = {e.case for e in events if isinstance(e, m.OPENING_TYPES)}
    seen: set[str] = set()
    out = []
    for i, body in enumerate(raw):
        qid = body.get("id") if isinstance(body, dict) else None
        where = f"queries[{qid}]" if isinstance(qid, str) else f"queries[{i}]"
        try:
            q = build(m.Query, body)
            if q.id in seen:
                raise FieldError("id", f"query id {q.id!r} is used twice")
            seen.add(q.id)
            if q.party is not None and q.party not in parties:
                raise FieldError("party", f"party {q.party!r} is not declared in parties")
            if q.case is not None and q.case not in cases:
                raise FieldError("case", f"case {q.case} is not declared by any event")
            if q.ask == "pre_notice" and q.notice is None:
                raise FieldError("notice", "required with ask pre_notice")
            if q.ask != "pre_enforcement" and q.party is None:
                raise FieldError("party", f"required with ask {q.ask}")
        except FieldError as exc:
            raise TimelineError(source, where, exc.path, exc.message) from None
        out.append(q)
    return tuple(out)
