"""goodfaith lists review|rebuild: the periodic deletion review; rebuild the public records."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from goodfaith.core.state import fold
from goodfaith.web.cases.management.commands._base import GoodfaithCommand, day_option
from goodfaith.web.cases.models import Dispute
from goodfaith.web.cases.timelines import dispute_timeline
from goodfaith.web.lists.publish import refresh_public
from goodfaith.web.lists.review import review


class Command(GoodfaithCommand):
    help = "The lists: review entries due for deletion; rebuild the public records."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        r = sub.add_parser(
            "review", help="propose the deletion of entries whose conditions are met"
        )
        r.add_argument("--as-of", metavar="YYYY-MM-DD", help="default: today")
        r.add_argument("--court", metavar="CODE")
        sub.add_parser("rebuild", help="rewrite every public record from the case files")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "review":
            as_of = day_option(options["as_of"], "--as-of", date.today())
            r = review(as_of, options["court"])
            self.stdout.write(
                f"reviewed {r.case_files} case files with list entries as of {as_of}: "
                f"{r.due} entries meet the deletion conditions, {r.created} new deletion proposals"
            )
            return
        count = 0
        for dispute in Dispute.objects.select_related("court").order_by("id").iterator():
            t = dispute_timeline(dispute)
            if not t.events:
                continue
            with transaction.atomic():
                refresh_public(dispute, t, fold(t.parties, t.events, t.events[-1].on))
            count += 1
        self.stdout.write(f"rebuilt the public records of {count} case files")
