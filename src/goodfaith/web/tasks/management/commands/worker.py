"""goodfaith worker: enqueue the sweep on a schedule and run queued jobs (django-tasks' database
worker). Several workers may run at once: a sweep creates each task once however often it runs."""

from __future__ import annotations

import time
from typing import Any

from django.core.management import call_command

from goodfaith.web.cases.management.commands._base import GoodfaithCommand
from goodfaith.web.tasks.jobs import sweep_job


class Command(GoodfaithCommand):
    help = "Run the background worker: sweep deadlines every --every seconds and run queued jobs."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--every", type=float, default=300.0, help="seconds between sweeps")
        parser.add_argument(
            "--as-of", metavar="YYYY-MM-DD", help="sweep as of this date (tests, catch-up)"
        )
        parser.add_argument(
            "--cycles", type=int, default=0, help="stop after N cycles (0: run forever)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        cycle = 0
        while True:
            cycle += 1
            sweep_job.enqueue(options["as_of"])
            call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
            if options["cycles"] and cycle >= options["cycles"]:
                break
            time.sleep(options["every"])
        self.stdout.write(f"worker stopped after {cycle} cycle(s)")
