"""Shared test helpers: the shared scenarios and the project's own timeline cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


PASSWORD = "correct-horse-battery-9"


def staff_of(username: str, *codes: str, roles: tuple[str, ...] = ()) -> Any:
    """A logged-in test client for a new staff member of ``codes`` with ``roles``."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from goodfaith.web.cases import models as db

    user = get_user_model().objects.create_user(username, password=PASSWORD)
    staff = db.Staff.objects.create(user=user, roles=list(roles))
    staff.courts.set(db.Court.objects.filter(code__in=codes))
    client = Client()
    client.force_login(user)
    return client
