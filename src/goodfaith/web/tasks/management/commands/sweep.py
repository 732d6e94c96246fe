"""goodfaith sweep --as-of DATE [--court CODE]: lapsed clocks become tasks, exactly once."""

from __future__ import annotations

from datetime import date
from typing import Any

from goodfaith.web.cases.management.commands._base import GoodfaithCommand, day_option
from goodfaith.web.tasks.sweep import sweep


class Command(GoodfaithCommand):
    help = "Turn every lapsed deadline into a task (idempotent; safe to run from cron)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="default: today")
        parser.add_argument("--court", metavar="CODE")

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = day_option(options["as_of"], "--as-of", date.today())
        r = sweep(as_of, options["court"])
        self.stdout.write(
            f"swept {r.disputes} case files as of {as_of}: {r.due} lapsed clocks, {r.created} new tasks"
        )
        from goodfaith.web.partners.compliance import overdue_tasks

        late = overdue_tasks(as_of)
        self.stdout.write(f"partner acknowledgements overdue: {late} new tasks")
