"""Read a stored dispute back as a timeline: the current case file, corrections applied."""

from __future__ import annotations

from typing import Any

from goodfaith.core.timeline import model as m
from goodfaith.core.timeline.load import parse_timeline
from goodfaith.web.cases import models as db


def dispute_data(dispute: db.Dispute) -> dict[str, Any]:
    """The dispute as plain timeline data (voided events and corrections left out)."""
    parties: dict[str, Any] = {}
    for dp in dispute.parties.select_related("party"):
        p = dp.party
        body: dict[str, Any] = {"name": p.name, "kind": p.kind}
        if p.id_number:
            body["id_number"] = p.id_number
        else:
            if p.birth_date:
                body["birth_date"] = p.birth_date.isoformat()
            if p.gender:
                body["gender"] = p.gender
        if dp.representative_key:
            body["representative"] = dp.representative_key
        parties[dp.key] = body
    events = [
        e.payload
        for e in dispute.events.filter(voided_by__isnull=True)
        .exclude(type=db.Event.VOIDED)
        .order_by("on", "seq")
    ]
    data: dict[str, Any] = {
        "format": m.FORMAT,
        "title": dispute.title,
        "court": dispute.court.code,
        "court_name": dispute.court.name,
    }
    if dispute.policy:
        data["policy"] = dispute.policy
    data["parties"] = parties
    data["events"] = events
    return data


def dispute_timeline(dispute: db.Dispute) -> m.Timeline:
    """The stored dispute as a validated ``Timeline``."""
    return parse_timeline(dispute_data(dispute), source=f"case file {dispute.root_case}")
