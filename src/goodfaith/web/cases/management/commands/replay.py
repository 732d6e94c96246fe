"""goodfaith replay FILE [--json]: answer a timeline's queries without storing anything."""

from __future__ import annotations

import json
from typing import Any

from goodfaith.core.answers import replay
from goodfaith.core.timeline import TimelineError, load_timeline
from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused


class Command(GoodfaithCommand):
    help = "Answer the queries of a timeline file (goodfaith-replay/1 with --json)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--json", action="store_true", help="print goodfaith-replay/1 JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            timeline = load_timeline(options["file"])
        except TimelineError as exc:
            raise Refused(str(exc)) from None
        result = replay(timeline)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(result["title"])
        for a in result["answers"]:
            who = f" {a['party']}" if "party" in a else ""
            self.stdout.write(
                f"{a['id']}  {a['on']}  {a['ask']}{who}  {a['case']}  → {a['outcome']}"
            )
            for r in a["reasons"]:
                self.stdout.write(f"    {r['text']}")
