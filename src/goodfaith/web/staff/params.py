"""Request parameters shared by the staff pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone


def date_param(data: Any, name: str = "as_of", default: date | None = None) -> date:
    """The ``YYYY-MM-DD`` value of ``name`` in ``data`` (GET or POST); ``default`` (today) when
    it is missing or not a date."""
    fallback = default or timezone.localdate()
    text = data.get(name, "")
    try:
        return date.fromisoformat(text) if text else fallback
    except ValueError:
        return fallback
