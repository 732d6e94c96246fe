"""goodfaith tasks --court CODE [--json]: the open tasks of a court."""

from __future__ import annotations

import json
from typing import Any

from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused
from goodfaith.web.cases.models import Court
from goodfaith.web.tasks.models import Task


class Command(GoodfaithCommand):
    help = "List a court's open tasks: kind, case, party, due date, proposed decision."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--court", required=True, metavar="CODE")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if not Court.objects.filter(code=options["court"]).exists():
            raise Refused(f"argument --court: unknown court {options['court']!r}")
        tasks = Task.objects.filter(court__code=options["court"], done_at__isnull=True)
        rows = [
            {
                "kind": t.kind,
                "case": t.case_number,
                "party": t.party_key or None,
                "due": t.due.isoformat(),
                "proposal": t.proposal,
                "role": t.role,
                "reason": t.reason,
            }
            for t in tasks
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for r in rows:
            self.stdout.write(
                f"{r['due']}  {r['kind']}  {r['case']}  {r['party'] or '-'}  → {r['proposal']}  {r['reason']}"
            )
