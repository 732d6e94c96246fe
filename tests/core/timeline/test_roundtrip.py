"""Every timeline survives dump -> load unchanged, and every event type of the spec is covered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from goodfaith.core.timeline import load_timeline, parse_timeline
from goodfaith.core.timeline.dump import dump_yaml, event_digest
from goodfaith.core.timeline.load import read_yaml
from goodfaith.core.timeline.model import EVENT_TYPES
from tests.conftest import CASES, DEMO, SCENARIOS

FILES = sorted(
    [
        *SCENARIOS.glob("*.timeline.yaml"),
        *DEMO.glob("*.timeline.yaml"),
        *CASES.glob("**/*.timeline.yaml"),
    ]
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_dump_then_load_is_identity(path: Path) -> None:
    original = load_timeline(path)
    again = parse_timeline(read_yaml(dump_yaml(original)), "dumped")
    assert again == original
    assert [event_digest(e) for e in again.events] == [event_digest(e) for e in original.events]


def test_spec_vocabulary_is_complete() -> None:
    """The event tables of the spec (between "## Events" and the conduct kinds) name exactly
    the event types the model has."""
    spec = (SCENARIOS.parent / "spec" / "case-timeline-format.md").read_text(encoding="utf-8")
    tables = spec[spec.index("## Events") : spec.index("`conduct.kind`")]
    named = {
        t
        for row in re.findall(r"^\| (`[a-z_]+`(?: / `[a-z_]+`)*) \|", tables, re.M)
        for t in re.findall(r"`([a-z_]+)`", row)
    }
    assert named == set(EVENT_TYPES)
