"""goodfaith partners add|list|rotate|revoke: register partner institutions and their keys."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused, day_option
from goodfaith.web.cases.models import Court
from goodfaith.web.partners.credentials import issue_credential, new_webhook_secret
from goodfaith.web.partners.honest import push_due
from goodfaith.web.partners.models import LISTS, HonestSchedule, Partner

LIST_CODES = [code for code, _ in LISTS]
KIND_CODES = [code for code, _ in Partner.KINDS]


class Command(GoodfaithCommand):
    help = "Partner institutions: register one, list them, rotate or revoke their API keys."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="register a partner and print its first API key")
        add.add_argument("--court", required=True, metavar="CODE")
        add.add_argument("--name", required=True)
        add.add_argument("--kind", required=True, choices=KIND_CODES)
        add.add_argument("--lists", required=True, help=f"comma-separated: {','.join(LIST_CODES)}")
        add.add_argument("--full-identity", action="store_true", help="may receive full ids")
        add.add_argument("--webhook-url", default="")
        add.add_argument("--ack-days", type=int, default=3, help="working days to acknowledge")
        sub.add_parser("list")
        rotate = sub.add_parser("rotate", help="a new API key; --revoke-old ends the old ones")
        rotate.add_argument("partner", type=int)
        rotate.add_argument("--revoke-old", action="store_true")
        revoke = sub.add_parser("revoke", help="deactivate a partner")
        revoke.add_argument("partner", type=int)
        sched = sub.add_parser("schedule-honest", help="push a court's honest list every N days")
        sched.add_argument("--court", required=True, metavar="CODE")
        sched.add_argument("--every-days", type=int, required=True)
        push = sub.add_parser("push-honest", help="push the honest lists whose schedule is due")
        push.add_argument("--as-of", metavar="YYYY-MM-DD", help="default: today")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action'].replace('-', '_')}")(options)

    def _schedule_honest(self, o: dict[str, Any]) -> None:
        court = Court.objects.filter(code=o["court"]).first()
        if court is None:
            raise Refused(f"argument --court: unknown court {o['court']!r}")
        if o["every_days"] < 1:
            raise Refused("argument --every-days: expected a positive number of days")
        HonestSchedule.objects.update_or_create(
            court=court, defaults={"every_days": o["every_days"]}
        )
        self.stdout.write(f"{court.code}: honest list pushed every {o['every_days']} days")

    def _push_honest(self, o: dict[str, Any]) -> None:
        today = day_option(o["as_of"], "--as-of", timezone.localdate())
        pushes = push_due(today)
        for p in pushes:
            self.stdout.write(f"{p.court}: honest list of {p.count} entries as change {p.seq}")
        if not pushes:
            self.stdout.write("no honest-list push is due")

    def _add(self, o: dict[str, Any]) -> None:
        court = Court.objects.filter(code=o["court"]).first()
        if court is None:
            raise Refused(f"argument --court: unknown court {o['court']!r}")
        lists = [x.strip() for x in o["lists"].split(",") if x.strip()]
        bad = [x for x in lists if x not in LIST_CODES]
        if bad or not lists:
            raise Refused(f"argument --lists: unknown {bad or lists!r}; expected {LIST_CODES}")
        with transaction.atomic():
            p = Partner.objects.create(
                court=court,
                name=o["name"],
                kind=o["kind"],
                lists=lists,
                full_identity=o["full_identity"],
                webhook_url=o["webhook_url"],
                webhook_secret=new_webhook_secret() if o["webhook_url"] else "",
                ack_working_days=o["ack_days"],
            )
            key = issue_credential(p)
        self.stdout.write(f"partner {p.pk}: {p.name} ({court.code}) lists={','.join(lists)}")
        self.stdout.write(f"API key (shown once): {key}")
        if p.webhook_secret:
            self.stdout.write(f"webhook secret (Standard Webhooks): {p.webhook_secret}")

    def _list(self, o: dict[str, Any]) -> None:
        for p in Partner.objects.select_related("court"):
            keys = p.credentials.filter(revoked_at__isnull=True).count()
            self.stdout.write(
                f"{p.pk}\t{p.court.code}\t{p.name}\t{p.kind}\t{','.join(p.lists)}\t"
                f"{'full-id' if p.full_identity else 'public'}\t{keys} key(s)\t"
                f"{'active' if p.active else 'inactive'}"
            )

    def _partner(self, pk: int) -> Partner:
        p = Partner.objects.filter(pk=pk).first()
        if p is None:
            raise Refused(f"argument partner: no partner {pk}")
        return p

    def _rotate(self, o: dict[str, Any]) -> None:
        p = self._partner(o["partner"])
        self.stdout.write(
            f"API key (shown once): {issue_credential(p, revoke_others=o['revoke_old'])}"
        )

    def _revoke(self, o: dict[str, Any]) -> None:
        p = self._partner(o["partner"])
        p.active = False
        p.save(update_fields=["active"])
        p.credentials.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.stdout.write(f"partner {p.pk} deactivated, keys revoked")
