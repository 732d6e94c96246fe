"""Shared test helpers: the shared scenarios and the project's own timeline cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from goodfaith.core.timeline.load import read_yaml

ROOT = Path(__file__).resolve().parents[1]
#: the team's shared scenarios, copied into the repository so a clone alone runs the tests;
#: ``tests/core/test_scenarios.py`` checks the copy against ``../shared`` where that exists
SHARED = ROOT.parent / "shared"
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
DEMO = ROOT / "src" / "goodfaith" / "demo"
CASES = Path(__file__).resolve().parent / "cases"


def expected_for(timeline: Path) -> dict:
    path = timeline.with_name(timeline.name.replace(".timeline.yaml", ".expected.yaml"))
    return read_yaml(path.read_text(encoding="utf-8")) if path.exists() else {}


@pytest.fixture
def huadu_file() -> Path:
    return DEMO / "huadu-2022.timeline.yaml"


def clear_limits() -> None:
    """Forget every rate-limit counter (the query limiter's and the cache's)."""
    from django.core.cache import cache

    from goodfaith.web.lists.api import reset_limits

    cache.clear()
    reset_limits()
