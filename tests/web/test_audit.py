"""The audit log: every action recorded with who, what and from where; the chain shows tampering."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from goodfaith.web.audit.log import verify_chain
from goodfaith.web.audit.models import AuditRecord
from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import do_record_event
from tests.conftest import SCENARIOS

pytestmark = pytest.mark.django_db


def test_actions_and_logins_are_recorded_and_the_chain_verifies() -> None:
    call_command("import", str(SCENARIOS / "huadu-2022.timeline.yaml"), stdout=io.StringIO())
    judge = get_user_model().objects.create_user("judge", password="correct-horse-9")
    staff = db.Staff.objects.create(user=judge, roles=["enforcement_judge"])
    staff.courts.set(db.Court.objects.all())
    dispute = db.Dispute.objects.get()
    do_record_event(
        dispute,
        {
            "on": "2022-06-29",
            "type": "measure_lifted",
            "case": "（2022）粤0114执4600号",
            "id": "M1",
        },
        judge,
    )
    Client(REMOTE_ADDR="127.0.0.9").post("/login/", {"username": "judge", "password": "nope"})
    Client(REMOTE_ADDR="127.0.0.8").post(
        "/login/", {"username": "judge", "password": "correct-horse-9"}
    )
    actions = list(AuditRecord.objects.values_list("action", "actor_name", "address"))
    assert actions[0][:2] == ("import", "system")
    assert ("record_event", "judge", None) in actions
    assert ("login_failed", "system", "127.0.0.9") in actions
    assert ("login", "judge", "127.0.0.8") in actions
    check = verify_chain()
    assert check.ok and check.records == len(actions)
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert f"audit chain intact: {len(actions)} records" in out.getvalue()


def test_a_changed_or_removed_record_breaks_the_chain() -> None:
    call_command("import", str(SCENARIOS / "huadu-2022.timeline.yaml"), stdout=io.StringIO())
    call_command("import", str(SCENARIOS / "zaoyang-2022.timeline.yaml"), stdout=io.StringIO())
    assert verify_chain().ok
    first = AuditRecord.objects.order_by("seq").first()
    assert first is not None
    AuditRecord.objects.filter(pk=first.pk).update(actor_name="someone else")
    check = verify_chain()
    assert not check.ok and "record 1 was altered" in check.problem
    with pytest.raises(SystemExit):
        call_command("audit", "verify", stdout=io.StringIO(), stderr=io.StringIO())
    AuditRecord.objects.filter(pk=first.pk).delete()
    assert "record 1 is missing" in verify_chain().problem
