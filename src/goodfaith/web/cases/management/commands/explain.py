"""goodfaith explain FILE --query ID: why the answer to one query is what it is (in Chinese)."""

from __future__ import annotations

from typing import Any

from goodfaith.core.explain import explain
from goodfaith.core.timeline import TimelineError, load_timeline
from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused


class Command(GoodfaithCommand):
    help = "Explain one query of a timeline: facts, each condition, conclusion and citations."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--query", required=True, metavar="ID")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            timeline = load_timeline(options["file"])
        except TimelineError as exc:
            raise Refused(str(exc)) from None
        query = next((q for q in timeline.queries if q.id == options["query"]), None)
        if query is None:
            ids = ", ".join(q.id for q in timeline.queries) or "none"
            raise Refused(f"{options['file']}: no query {options['query']!r} (queries: {ids})")
        self.stdout.write(explain(timeline, query))
