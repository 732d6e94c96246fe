"""goodfaith benchmark: certificate decisions per second per core on generated timelines."""

from __future__ import annotations

import time
from typing import Any

from goodfaith.core.bench import generate, run
from goodfaith.web.cases.management.commands._base import GoodfaithCommand


class Command(GoodfaithCommand):
    help = "Replay generated timelines and print certificate decisions per second (one core)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--timelines", type=int, default=5000)
        parser.add_argument("--rounds", type=int, default=3)

    def handle(self, *args: Any, **options: Any) -> None:
        t0 = time.perf_counter()
        timelines = generate(options["timelines"])
        built = time.perf_counter() - t0
        r = run(timelines, options["rounds"])
        self.stdout.write(f"timelines: {r.timelines} generated and validated in {built:.2f} s")
        self.stdout.write(f"certificate decisions: {r.decisions} per round, outcomes {r.outcomes}")
        self.stdout.write(
            f"decisions on folded state: {r.decisions_per_second:,.0f} per second (one core, "
            f"best of {options['rounds']} rounds)"
        )
        self.stdout.write(f"fold + decision: {r.replays_per_second:,.0f} per second")
