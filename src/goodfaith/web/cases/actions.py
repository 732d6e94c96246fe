"""Every write to the case file goes through a ``do_*`` function here, in one transaction.

- ``do_import``: store validated timelines (idempotent: what is stored already is not stored twice)
- ``do_record_event``: append one event recorded by staff (validated with the whole case file)
- ``do_void_event`` / ``do_amend_event``: corrections are new events; nothing is edited in place

Each write re-derives the dispute's ``PartyState`` rows in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from goodfaith.core.state import fold, party_status, target_case
from goodfaith.core.state.status import stage_of
from goodfaith.core.timeline import TimelineError, parse_timeline
from goodfaith.core.timeline import model as m
from goodfaith.core.timeline.dump import event_data, event_digest
from goodfaith.web.audit import log as audit
from goodfaith.web.cases import models as db
from goodfaith.web.cases.roles import may_record
from goodfaith.web.cases.timelines import dispute_data, dispute_timeline


class ImportConflict(ValueError):
    """A timeline contradicts what the case file already holds."""


class InvalidEvent(ImportConflict):
    """A recorded event is refused: ``field`` names the field, ``message`` what was expected."""

    def __init__(self, where: str, field: str | None, message: str) -> None:
        self.where, self.field, self.message = where, field, message
        super().__init__(f"{where}: field '{field}': {message}")


class NotPermitted(PermissionError):
    """The actor's court or role does not allow this write."""


@dataclass
class ImportReport:
    source: str
    root_case: str
    created: bool = False
    events_added: int = 0
    parties_added: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.created or self.events_added > 0 or self.parties_added > 0


def root_case(t: m.Timeline) -> m.CaseNumber:
    for e in t.events:
        if isinstance(e, m.JudgmentEffective):
            return e.case
    raise ImportConflict("a timeline to store needs a judgment_effective event (its root case)")


def do_import(
    timelines: list[tuple[m.Timeline, str]], actor: AbstractBaseUser | None = None
) -> list[ImportReport]:
    """Store validated timelines, all or nothing. Re-importing a stored file changes nothing."""
    with transaction.atomic():
        reports = [_import_one(t, source, actor) for t, source in timelines]
        for r in reports:
            if r.changed:
                audit.record(
                    "import",
                    actor,
                    r.root_case,
                    {"source": r.source, "events": r.events_added, "parties": r.parties_added},
                )
        return reports


def _import_one(t: m.Timeline, source: str, actor: AbstractBaseUser | None) -> ImportReport:
    try:
        root = str(root_case(t))
    except ImportConflict as exc:
        raise ImportConflict(f"{source}: {exc}") from None
    report = ImportReport(source, root)
    court, _ = db.Court.objects.get_or_create(
        code=t.court, defaults={"name": t.court_name or t.court, "policy": t.policy or ""}
    )
    dispute = db.Dispute.objects.select_for_update().filter(root_case=root).first()
    if dispute is None:
        dispute = db.Dispute.objects.create(
            court=court, root_case=root, title=t.title, policy=t.policy or ""
        )
        report.created = True
    elif dispute.court_id != court.id or dispute.policy != (t.policy or ""):
        raise ImportConflict(
            f"{source}: case {root} is stored under court {dispute.court.code} with policy "
            f"{dispute.policy or '(none)'}; the file says {t.court} with {t.policy or '(none)'}"
        )
    _store_parties(dispute, t, source, report)
    _store_events(dispute, t, source, actor, report)
    if report.changed:
        refresh_state(dispute)
    return report


def _store_parties(dispute: db.Dispute, t: m.Timeline, source: str, report: ImportReport) -> None:
    stored = {dp.key: dp for dp in dispute.parties.select_related("party")}
    for key, p in t.parties.items():
        dp = stored.get(key)
        if dp is not None:
            have = {"name": dp.party.name, "kind": dp.party.kind, "id_number": dp.party.id_number}
            want = {"name": p.name, "kind": p.kind, "id_number": p.id_number}
            if p.id_number is None:
                have.pop("id_number"), want.pop("id_number")
            if have != want:
                raise ImportConflict(
                    f"{source}: parties.{key}: stored as {have}, the file says {want}"
                )
            continue
        party = _match_party(p, source, report)
        db.DisputeParty.objects.create(
            dispute=dispute, key=key, party=party, representative_key=p.representative or ""
        )
        report.parties_added += 1


def _match_party(p: m.Party, source: str, report: ImportReport) -> db.Party:
    """The stored party with this identity number, else a new one."""
    if p.id_number:
        existing = db.Party.objects.filter(id_number=p.id_number).first()
        if existing is not None:
            if existing.kind != p.kind:
                raise ImportConflict(
                    f"{source}: parties.{p.key}: identity number {p.id_number} belongs to a "
                    f"stored {existing.kind}, not a {p.kind}"
                )
            if existing.name != p.name:
                report.warnings.append(
                    f"parties.{p.key}: {p.id_number} is stored as {existing.name}; "
                    f"the file's name {p.name} is not taken"
                )
            return existing
    return db.Party.objects.create(
        kind=p.kind,
        name=p.name,
        id_number=p.id_number,
        birth_date=p.birth_date,
        gender=p.gender or "",
    )


def _store_events(
    dispute: db.Dispute,
    t: m.Timeline,
    source: str,
    actor: AbstractBaseUser | None,
    report: ImportReport,
) -> None:
    stored = list(
        db.Event.objects.filter(dispute=dispute, voided_by__isnull=True)
        .exclude(type=db.Event.VOIDED)
        .order_by("on", "seq")
        .values_list("digest", flat=True)
    )
    incoming = [event_digest(e) for e in t.events]
    n = len(stored)
    if incoming[:n] != stored:
        if stored[: len(incoming)] == incoming:
            return  # an older copy of this case file: everything in it is stored already
        index = next(i for i, (a, b) in enumerate(zip(stored, incoming, strict=False)) if a != b)
        raise ImportConflict(
            f"{source}: events[{index}] differs from the stored case file of {dispute.root_case}; "
            "a correction must be recorded as a new event, not by importing a changed file"
        )
    new = t.events[n:]
    if not new:
        return
    for e in new:
        _append(dispute, e, actor, source)
    report.events_added = len(new)


def _next_seq(dispute: db.Dispute) -> int:
    return (dispute.events.order_by("-seq").values_list("seq", flat=True).first() or 0) + 1


def _append(
    dispute: db.Dispute, e: m.Event, actor: AbstractBaseUser | None, source: str
) -> db.Event:
    """Store one validated event at the end of the log, opening its case if it opens one."""
    if isinstance(e, m.OPENING_TYPES):
        case: db.Case | None = _open_case(dispute, e, source or "recorded event")
    elif e.case_ref is not None:
        case = dispute.cases.get(number=str(e.case_ref))
    else:
        case = None
    return db.Event.objects.create(
        dispute=dispute,
        seq=_next_seq(dispute),
        case=case,
        on=e.on,
        type=e.TYPE,
        payload=event_data(e),
        digest=event_digest(e),
        recorded_by=actor,
        source=source[:255],
    )


def _open_case(dispute: db.Dispute, e: m.Event, source: str) -> db.Case:
    number = str(e.case_ref)
    other = db.Case.objects.filter(number=number).exclude(dispute=dispute).first()
    if other is not None:
        raise ImportConflict(
            f"{source}: case {number} already belongs to the case file of {other.dispute.root_case}"
        )
    kind = {
        m.JudgmentEffective: "judgment",
        m.PreEnforcementRegistered: "pre_enforcement",
    }.get(type(e), "enforcement")
    court_code = e.case_ref.court if e.case_ref is not None else dispute.court.code
    court = dispute.court if court_code == dispute.court.code else _court(court_code)
    case, _ = db.Case.objects.get_or_create(
        number=number,
        defaults={"court": court, "dispute": dispute, "kind": kind, "opened_on": e.on},
    )
    return case


def _court(code: str) -> db.Court:
    from goodfaith.core.courts import known_court_name

    court, _ = db.Court.objects.get_or_create(
        code=code, defaults={"name": known_court_name(code) or code}
    )
    return court


def do_void_event(event: db.Event, reason: str, actor: AbstractBaseUser | None = None) -> db.Event:
    """Record that ``event`` was recorded in error. The original stays in the log."""
    with transaction.atomic():
        event = db.Event.objects.select_for_update().get(pk=event.pk)
        if event.type == db.Event.VOIDED:
            raise ImportConflict("a correction cannot itself be voided; record a new event")
        if hasattr(event, "voided_by"):
            raise ImportConflict(f"event {event.seq} is already voided")
        dispute = event.dispute
        payload: dict[str, Any] = {"event": event.seq, "reason": reason}
        void = db.Event.objects.create(
            dispute=dispute,
            seq=_next_seq(dispute),
            case=event.case,
            on=event.on,
            type=db.Event.VOIDED,
            payload=payload,
            digest="",
            voids=event,
            recorded_by=actor,
        )
        refresh_state(dispute)
        audit.record("void_event", actor, dispute.root_case, {"seq": event.seq, "reason": reason})
        return void


def do_record_event(
    dispute: db.Dispute,
    data: dict[str, Any],
    actor: AbstractBaseUser | None = None,
    *,
    source: str = "",
) -> db.Event:
    """Append one event (timeline form) to a stored case file, after checking that the case file
    with it is still a valid timeline. A fact recorded late takes its place by its date. With an
    ``actor``, the actor's court and role must allow the event type."""
    if actor is not None and not may_record(actor, dispute.court.code, str(data.get("type"))):
        raise NotPermitted(
            f"{actor.get_username()} may not record {data.get('type')!r} in {dispute.root_case}"
        )
    with transaction.atomic():
        dispute = db.Dispute.objects.select_for_update().get(pk=dispute.pk)
        current = dispute_data(dispute)
        events = current["events"]
        position = sum(1 for e in events if e["on"] <= str(data.get("on", "")))
        events.insert(position, data)
        try:
            t = parse_timeline(current, source=f"case file {dispute.root_case}")
        except TimelineError as exc:
            where = exc.where.replace(f"events[{position}]", "the new event")
            raise InvalidEvent(where, exc.field, exc.message) from None
        try:
            stored = _append(dispute, t.events[position], actor, source)
        except ImportConflict as exc:  # the new case's number is taken by another case file
            raise InvalidEvent("the new event", "case", str(exc).split(": ", 1)[-1]) from None
        refresh_state(dispute)
        audit.record(
            "record_event", actor, dispute.root_case, {"seq": stored.seq, **stored.payload}
        )
        return stored


def do_amend_event(
    event: db.Event, data: dict[str, Any], reason: str, actor: AbstractBaseUser | None = None
) -> db.Event:
    """Correct an event: void it and record the corrected one, in one transaction."""
    with transaction.atomic():
        do_void_event(event, reason, actor)
        return do_record_event(event.dispute, data, actor, source=f"amends event {event.seq}")


def refresh_state(dispute: db.Dispute) -> None:
    """Re-derive every party's ``PartyState`` of the dispute from its log (same transaction)."""
    t = dispute_timeline(dispute)
    if not t.events:
        return
    as_of = t.events[-1].on
    state = fold(t.parties, t.events, as_of)
    latest = target_case(state, None, None)
    dispute.latest_case = str(latest.number) if latest else ""
    dispute.stage = stage_of(state, latest) if latest else ""
    dispute.outstanding = state.outstanding()
    dispute.save(update_fields=["latest_case", "stage", "outstanding", "updated_at"])
    from goodfaith.web.lists.publish import refresh_public  # lists derive from cases
    from goodfaith.web.partners.outbox import announce

    announce(dispute, refresh_public(dispute, t, state), t)
    cases = {c.number: c for c in dispute.cases.all()}
    for dp in dispute.parties.all():
        st = party_status(state, dp.key)
        if st is None:
            db.PartyState.objects.filter(dispute_party=dp).delete()
            continue
        db.PartyState.objects.update_or_create(
            dispute_party=dp,
            defaults={
                "dispute": dispute,
                "case": cases.get(str(st.case)),
                "as_of": as_of,
                **st.snapshot(),
            },
        )
