"""What a rule answers: an outcome with details, and the reasons with their legal citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from goodfaith.core.timeline.model import Query
from goodfaith.core.values.money import format_amount


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "article": self.article}
        if self.paragraph is not None:
            out["paragraph"] = self.paragraph
        if self.item is not None:
            out["item"] = self.item
        return out


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str
    text: str
    citations: tuple[Citation, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "text": self.text,
            "citations": [c.as_json() for c in self.citations],
        }


@dataclass(frozen=True, slots=True)
class Answer:
    query: Query
    case: str | None
    outcome: str
    details: dict[str, Any] = field(default_factory=dict)
    reasons: tuple[Reason, ...] = ()

    def as_json(self) -> dict[str, Any]:
        q = self.query
        out: dict[str, Any] = {"id": q.id, "on": q.on.isoformat(), "ask": q.ask}
        if q.party is not None:
            out["party"] = q.party
        if q.notice is not None:
            out["notice"] = q.notice
        out["case"] = self.case
        out["outcome"] = self.outcome
        out["details"] = _jsonable(self.details)
        out["reasons"] = [r.as_json() for r in self.reasons]
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format_amount(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def decide(
    q: Query,
    case: str | None,
    outcome: str,
    details: dict[str, Any],
    rule: str,
    text: str,
    *citations: Citation,
) -> Answer:
    """An answer resting on one reason."""
    return Answer(q, case, outcome, details, (Reason(rule, text, citations),))
