"""The rules catalogue (``catalogue.yaml``): each rule's provision and the text it implements."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from goodfaith.core.rules.outcome import Citation


@dataclass(frozen=True, slots=True)
class RuleEntry:
    id: str
    cites: tuple[Citation, ...]
    module: str
    text: str
    note: str = ""

    def covers(self, rule_id: str) -> bool:
        """Whether a reason's rule id falls under this entry (same id or a sub-rule)."""
        return rule_id == self.id or rule_id.startswith(self.id + ".")


@functools.cache
def catalogue() -> tuple[RuleEntry, ...]:
    raw = yaml.safe_load(
        (resources.files("goodfaith.core.rules") / "catalogue.yaml").read_text("utf-8")
    )
    return tuple(
        RuleEntry(
            id=r["id"],
            cites=tuple(Citation(**c) for c in r["cites"]),
            module=r["module"],
            text=r["text"],
            note=r.get("note", ""),
        )
        for r in raw
    )


def entry_for(rule_id: str) -> RuleEntry | None:
    """The most specific catalogue entry covering ``rule_id``."""
    matches = [e for e in catalogue() if e.covers(rule_id)]
    return max(matches, key=lambda e: len(e.id)) if matches else None
