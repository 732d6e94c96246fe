"""goodfaith public_benchmark: public query throughput against the bare endpoint (gunicorn + wrk).

A measurement, not a test: it exits 0 whether or not the target (query ≥ 70 % of bare) is met.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused
from goodfaith.web.lists import bench


class Command(GoodfaithCommand):
    help = (
        "Load N listed entries into a throw-away SQLite database, serve it with gunicorn and "
        "measure the public query against the bare endpoint with wrk."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--entries", type=int, default=1_000_000, help="default 1000000")
        parser.add_argument("--seconds", type=int, default=10, help="per wrk run; default 10")
        parser.add_argument("--connections", type=int, default=32, help="wrk; default 32")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn; default 2")
        parser.add_argument(
            "--keep", metavar="DIR", help="build the database in DIR and keep it (default: tempdir)"
        )
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        for name in ("entries", "seconds", "connections", "workers"):
            if options[name] < 1:
                raise Refused(f"argument --{name}: expected a positive number, got {options[name]}")
        as_json: bool = options["json"]

        def say(line: str) -> None:
            # with --json, stdout carries the JSON alone
            if as_json:
                sys.stderr.write(line + "\n")
                sys.stderr.flush()
            else:
                self.stdout.write(line)
                self.stdout.flush()

        folder = self._folder(options["keep"])
        try:
            report = bench.run(
                folder,
                options["entries"],
                options["seconds"],
                options["connections"],
                options["workers"],
                say,
            )
        except bench.BenchError as exc:
            raise CommandError(str(exc)) from None
        finally:
            if options["keep"]:
                say(f"kept the data folder {folder}")
            else:
                shutil.rmtree(folder, ignore_errors=True)
        if as_json:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"\n{report.entries:,} entries, {report.cpus} CPUs, gunicorn {report.workers} workers, "
            f"wrk {report.connections} connections, {report.seconds} s per run "
            "(best of 2, alternating)"
        )
        self.stdout.write(report.table())
        if not report.met:
            self.stdout.write(
                f"the target is not met: the query serves {report.ratio:.0%} of the bare "
                "endpoint's rate (this is a measurement: exit status 0)"
            )

    def _folder(self, keep: str | None) -> Path:
        if not keep:
            return Path(tempfile.mkdtemp(prefix="goodfaith-bench-"))
        folder = Path(keep).resolve()
        if (folder / bench.DB_NAME).exists():
            raise Refused(f"argument --keep: {folder / bench.DB_NAME} exists already; remove it")
        folder.mkdir(parents=True, exist_ok=True)
        return folder
