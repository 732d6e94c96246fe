"""Shared behaviour of the project's commands: one clear message and exit status 2 on bad input."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand


class Refused(Exception):
    """The input is refused: the message says what and where; nothing was stored."""


class GoodfaithCommand(BaseCommand):
    def execute(self, *args: Any, **options: Any) -> Any:
        try:
            return super().execute(*args, **options)
        except Refused as exc:
            sys.stderr.write(f"goodfaith {self._name()}: error: {exc}\n")
            raise SystemExit(2) from None

    def _name(self) -> str:
        return self.__module__.rsplit(".", 1)[-1]


def day_option(value: str | None, option: str, default: date) -> date:
    """A ``YYYY-MM-DD`` option's date (``default`` when not given), or ``Refused`` naming it."""
    if not value:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Refused(f"argument {option}: expected YYYY-MM-DD, got {value!r}") from None
