"""goodfaith partners_push [--once] [--interval SECONDS]: push due changes to partner webhooks."""

from __future__ import annotations

import signal
import threading
from typing import Any

from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused
from goodfaith.web.partners import push


class Command(GoodfaithCommand):
    help = (
        "Push due changes to the partners' webhooks (Standard Webhooks, in order per partner, "
        "retried with backoff, dead-lettered after a number of attempts): once or in a loop."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="one round, then exit")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="seconds between rounds when idle"
        )
        parser.add_argument("--limit", type=int, default=100, help="deliveries per round")
        parser.add_argument("--timeout", type=float, default=5.0, help="HTTP timeout, seconds")

    def handle(self, *args: Any, **options: Any) -> None:
        interval, limit, timeout = options["interval"], options["limit"], options["timeout"]
        if interval <= 0:
            raise Refused(f"argument --interval: expected a positive number, got {interval}")
        if limit < 1:
            raise Refused(f"argument --limit: expected a positive number, got {limit}")
        if not 0 < timeout < push.LEASE.total_seconds():
            raise Refused(
                f"argument --timeout: expected 0 < seconds < {push.LEASE.total_seconds():g}"
            )
        if options["once"]:
            self.stdout.write(str(push.deliver_due(limit=limit, timeout=timeout)))
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):  # finish the round in flight, then stop
            signal.signal(signum, lambda *_: stop.set())

        def report(r: push.PushReport) -> None:
            if r.attempted:
                self.stdout.write(str(r))

        total = push.run(interval, stop=stop, limit=limit, timeout=timeout, on_round=report)
        self.stdout.write(f"stopped; total {total}")
