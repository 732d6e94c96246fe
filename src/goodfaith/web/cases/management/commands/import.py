"""goodfaith import FILE…: validate every file completely, then store them in one transaction."""

from __future__ import annotations

from typing import Any

from goodfaith.core.timeline import TimelineError, load_timeline
from goodfaith.web.cases.actions import ImportConflict, do_import
from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused


class Command(GoodfaithCommand):
    help = "Import case timelines (goodfaith-timeline/1). Importing a stored file changes nothing."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            timelines = [(load_timeline(f), f) for f in options["files"]]
            reports = do_import(timelines)
        except (TimelineError, ImportConflict) as exc:
            raise Refused(f"{exc} (nothing was stored)") from None
        for r in reports:
            what = (
                f"{'new case file' if r.created else 'updated'}: "
                f"{r.events_added} events, {r.parties_added} parties added"
                if r.changed
                else "already stored, nothing changed"
            )
            self.stdout.write(f"{r.source}: {r.root_case}: {what}")
            for w in r.warnings:
                self.stdout.write(f"  warning: {w}")
