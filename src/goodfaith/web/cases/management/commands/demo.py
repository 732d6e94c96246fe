"""goodfaith demo: load the seeds' cases and a demo staff login (for ``make run``)."""

from __future__ import annotations

import secrets
from importlib import resources
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from goodfaith.core.timeline import TimelineError, load_timeline
from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import ImportConflict, do_import
from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused
from goodfaith.web.cases.roles import ROLES

DEMO_USER = "demo"


def demo_files() -> list[str]:
    folder = resources.files("goodfaith") / "demo"
    return sorted(str(p) for p in folder.iterdir() if p.name.endswith(".timeline.yaml"))


class Command(GoodfaithCommand):
    help = "Load the demo case files (the seeds' real cases) and the demo staff login."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            timelines = [(load_timeline(f), f) for f in demo_files()]
            reports = do_import(timelines)
        except (TimelineError, ImportConflict) as exc:
            raise Refused(str(exc)) from None
        changed = sum(r.changed for r in reports)
        self.stdout.write(f"demo case files: {len(reports)} ({changed} new or updated)")
        password = self._demo_user()
        self.stdout.write(f"staff login: user {DEMO_USER!r}, password {password!r}")

    def _demo_user(self) -> str:
        """The demo staff member, in every demo court; the password is kept in the data folder."""
        path = settings.DATA_DIR / "demo-password"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(12))
            path.chmod(0o600)
        password = path.read_text().strip()
        with transaction.atomic():
            user, _ = get_user_model().objects.get_or_create(username=DEMO_USER)
            if not user.check_password(password):
                user.set_password(password)
                user.save()
            staff, _ = db.Staff.objects.get_or_create(user=user)
            staff.roles = [r for r in ROLES if r != "admin"]
            staff.save(update_fields=["roles"])
            staff.courts.set(db.Court.objects.filter(disputes__isnull=False).distinct())
        return password
