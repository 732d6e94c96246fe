"""goodfaith audit verify: check the audit log's hash chain; goodfaith audit tail: recent records."""

from __future__ import annotations

from typing import Any

from goodfaith.web.audit.log import verify_chain
from goodfaith.web.audit.models import AuditRecord
from goodfaith.web.cases.management.commands._base import GoodfaithCommand


class Command(GoodfaithCommand):
    help = "Verify the audit log's hash chain (verify) or print the latest records (tail)."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify")
        tail = sub.add_parser("tail")
        tail.add_argument("-n", type=int, default=20)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "tail":
            for r in reversed(list(AuditRecord.objects.order_by("-seq")[: options["n"]])):
                self.stdout.write(str(r))
            return
        check = verify_chain()
        if check.ok:
            self.stdout.write(f"audit chain intact: {check.records} records")
            return
        self.stderr.write(f"audit chain broken after {check.records} records: {check.problem}")
        raise SystemExit(1)
