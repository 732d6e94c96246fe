"""goodfaith documents kinds | render: legal documents from a timeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from goodfaith.core.documents.content import BUILDERS, compose
from goodfaith.core.documents.kinds import KINDS
from goodfaith.core.errors import InvalidValue
from goodfaith.core.timeline import TimelineError, load_timeline
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.documents.pdf import RenderError, render_pdf
from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused


class Command(GoodfaithCommand):
    help = "Document kinds and rendering: `documents kinds`, `documents render TIMELINE …`."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("kinds", help="one kind a line: code, Chinese title, whether composable")
        render = sub.add_parser("render", help="render one document of a timeline")
        render.add_argument("timeline", metavar="TIMELINE")
        render.add_argument("--kind", required=True, help="a code or the Chinese title")
        render.add_argument("--party", required=True, metavar="KEY")
        render.add_argument("--case", metavar="NO")
        render.add_argument(
            "--on", metavar="YYYY-MM-DD", help="document date (default: last event)"
        )
        render.add_argument("--format", choices=["pdf"], default="pdf")
        render.add_argument("--out", required=True, metavar="PATH")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "kinds":
            for code, title in KINDS.items():
                ready = "" if code in BUILDERS else "\t(not yet composable)"
                self.stdout.write(f"{code}\t{title}{ready}")
            return
        try:
            t = load_timeline(options["timeline"])
            case = CaseNumber.parse(options["case"]) if options["case"] else None
            on = date.fromisoformat(options["on"]) if options["on"] else None
            content = compose(t, options["kind"], options["party"], case, on)
            pdf = render_pdf(content)
        except (TimelineError, InvalidValue, ValueError, RenderError) as exc:
            raise Refused(str(exc)) from None
        Path(options["out"]).write_bytes(pdf)
        self.stdout.write(f"{options['out']}: {content.title} {content.number} ({len(pdf)} bytes)")
