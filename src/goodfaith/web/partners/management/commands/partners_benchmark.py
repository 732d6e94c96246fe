"""goodfaith partners_benchmark [--changes 20000] [--page 1000]: pull-API throughput.

Writes the changes and one partner's deliveries inside a transaction that is rolled back at the
end (nothing stays in the database), then pages through ``GET /api/partner/changes`` in process
(Django's test client: the full view and middleware, no network) and prints changes per second.
"""

from __future__ import annotations

import time
import uuid
from datetime import date
from typing import Any

from django.db import transaction
from django.test import Client

from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused
from goodfaith.web.cases.models import Court
from goodfaith.web.partners.credentials import issue_credential
from goodfaith.web.partners.models import Change, ChangeCounter, Delivery, Partner


class Command(GoodfaithCommand):
    help = "Measure the partner pull API (changes per second); leaves nothing behind."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--changes", type=int, default=20000)
        parser.add_argument("--page", type=int, default=1000)

    def handle(self, *args: Any, **options: Any) -> None:
        n, page = options["changes"], options["page"]
        if n < 1 or not 1 <= page <= 1000:
            raise Refused("expected --changes ≥ 1 and 1 ≤ --page ≤ 1000")
        with transaction.atomic():
            court, _ = Court.objects.get_or_create(code="粤0117", defaults={"name": "基准测试法院"})
            partner = Partner.objects.create(
                court=court, name="基准", kind="other", lists=["dishonest"]
            )
            key = issue_credential(partner)
            start = (ChangeCounter.objects.get_or_create(pk=1)[0]).last
            payload = {"list": "dishonest", "name": "某某", "id_number": "4401171985****1233",
                       "court": court.name, "case_number": "（2025）粤0117执1号", "conduct": ["…"]}  # fmt: skip
            changes = Change.objects.bulk_create(
                Change(
                    seq=start + i + 1,
                    uid=f"gf_{uuid.uuid4().hex}",
                    list="dishonest",
                    type="listing_published",
                    record_id=f"dishonest:bench:{i}",
                    court=court,
                    on=date.today(),
                    payload=payload,
                )
                for i in range(n)
            )
            Delivery.objects.bulk_create(
                Delivery(partner=partner, change=c, due=date.today()) for c in changes
            )
            client = Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_HOST="127.0.0.1")
            after, got, t0 = start, 0, time.perf_counter()
            while True:
                body = client.get("/api/partner/changes", {"after": after, "limit": page}).json()
                got += len(body["changes"])
                after = body["next_after"]
                if not body["more"]:
                    break
            elapsed = time.perf_counter() - t0
            transaction.set_rollback(True)
        self.stdout.write(
            f"pulled {got:,} changes in pages of {page} in {elapsed:.2f} s: "
            f"{got / elapsed:,.0f} changes/s (in process, one client)"
        )
