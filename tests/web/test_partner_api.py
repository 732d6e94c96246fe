"""The partner feed: the ordered change log, pull, acknowledgements, snapshots, the guard."""

from __future__ import annotations

import io
import json
import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import do_record_event
from goodfaith.web.partners.credentials import issue_credential
from goodfaith.web.partners.models import Change, Delivery, Partner
from tests.conftest import staff_of
from tests.web.test_public_lists import CASE, LISTED, RESTRICTED, person, store, timeline

pytestmark = pytest.mark.django_db
FULL_ID = re.compile(r"\d{17}[\dX]")


def partner(
    lists: list[str], *, full: bool = False, name: str = "某银行"
) -> tuple[Partner, Client]:
    court = db.Court.objects.get(code="粤0117")
    p = Partner.objects.create(court=court, name=name, kind="bank", lists=lists, full_identity=full)
    key = issue_credential(p)
    return p, Client(HTTP_AUTHORIZATION=f"Bearer {key}")


@pytest.fixture
def listed() -> dict[str, Any]:
    d = person("D", "林某", date(1985, 3, 7))
    store(timeline(1, d, LISTED, RESTRICTED))
    return d


def pull(client: Client, after: int = 0, **extra: Any) -> dict[str, Any]:
    response = client.get("/api/partner/changes", {"after": after, **extra})
    assert response.status_code == 200, response.content
    return dict(response.json())


def delist(on: str = "2025-06-03") -> None:
    do_record_event(
        db.Dispute.objects.get(),
        {
            "on": on,
            "type": "delisted",
            "case": CASE.format(n=1),
            "party": "D",
            "reason": "履行完毕",
        },
    )


def test_every_change_in_order_as_cloudevents_filtered_to_the_partner(
    listed: dict[str, Any],
) -> None:
    _, bank_client = partner(["dishonest", "consumption"])
    _, honest_client = partner(["honest"], name="市场监管局")
    # partners registered after the listing get later changes; the snapshot gives the rest
    delist()
    body = pull(bank_client)
    (event,) = body["changes"]
    assert (
        event["specversion"] == "1.0"
        and event["type"] == "cn.court.goodfaith.dishonest.listing_deleted"
    )
    assert event["data"]["record"] is None  # a tombstone: only the record's id
    assert event["subject"] == "dishonest:（2025）粤0117执1号:D"
    assert pull(honest_client)["changes"] == []  # not approved for the dishonest list
    assert pull(bank_client, after=event["data"]["seq"])["changes"] == []
    assert Client().get("/api/partner/changes").status_code == 401


def test_full_identity_only_under_agreement(listed: dict[str, Any]) -> None:
    _, public = partner(["dishonest", "consumption"], name="信用平台")
    _, bank = partner(["dishonest", "consumption"], full=True)
    d = person("E", "陈某", date(1990, 1, 1), 5)
    store(timeline(2, d, LISTED))
    public_text = json.dumps(pull(public), ensure_ascii=False)
    bank_body = pull(bank)
    assert not FULL_ID.search(public_text) and "陈某" in public_text
    (record,) = [c["data"]["record"] for c in bank_body["changes"]]
    assert record["id_number"] == d["id_number"]


def test_paging_and_sequence(listed: dict[str, Any]) -> None:
    _, client = partner(["dishonest", "consumption"])
    for n in range(2, 7):
        store(timeline(n, person("D", f"甲{n}", date(1980, 1, n)), LISTED))
    first = pull(client, limit=2)
    assert len(first["changes"]) == 2 and first["more"]
    seqs = [c["data"]["seq"] for c in first["changes"]]
    rest = pull(client, after=first["next_after"], limit=100)
    seqs += [c["data"]["seq"] for c in rest["changes"]]
    assert seqs == sorted(seqs) and len(seqs) == 5 and not rest["more"]
    assert client.get("/api/partner/changes", {"after": "x"}).status_code == 400


def test_acknowledgements_are_separate_from_http_and_idempotent(listed: dict[str, Any]) -> None:
    p, client = partner(["dishonest", "consumption"])
    delist()
    (event,) = pull(client)["changes"]
    ack = {"acks": [{"id": event["id"], "status": "applied"}, {"id": "nope", "status": "applied"}]}
    answer = client.post("/api/partner/acks", ack, content_type="application/json").json()
    assert [r["ok"] for r in answer["results"]] == [True, False]
    again = {"acks": [{"id": event["id"], "status": "rejected", "reason": "later"}]}
    client.post("/api/partner/acks", again, content_type="application/json")
    d = Delivery.objects.get(partner=p)
    assert d.ack == "applied" and d.acked_at is not None  # the first report stands
    _, other_client = partner(["honest"], name="他人")
    foreign = other_client.post("/api/partner/acks", ack, content_type="application/json")
    assert foreign.json()["results"][0]["ok"] is False  # not delivered to them


def test_snapshot_and_reconciliation_with_the_guard(listed: dict[str, Any]) -> None:
    p, client = partner(["dishonest", "consumption"])
    for n in range(2, 5):
        store(timeline(n, person("D", f"乙{n}", date(1981, 2, n)), LISTED))
    snap = client.get("/api/partner/snapshot", {"list": "dishonest"}).json()
    assert snap["count"] == 4 and len(snap["records"]) == 4 and len(snap["checksum"]) == 64
    ids = [r["record_id"] for r in snap["records"]]
    assert not FULL_ID.search(json.dumps(snap, ensure_ascii=False))
    stale = [*ids[1:], "dishonest:（2020）粤0117执9号:X"]  # shows a removed record, lacks one
    ok = client.post(
        "/api/partner/reconciliation",
        {"list": "dishonest", "count": len(stale), "record_ids": stale},
        content_type="application/json",
    ).json()
    assert ok["remove"] == ["dishonest:（2020）粤0117执9号:X"] and ok["add"] == [ids[0]]
    assert ok["checksum"] == snap["checksum"]
    lying = client.post(
        "/api/partner/reconciliation",
        {"list": "dishonest", "count": 40, "record_ids": ids},
        content_type="application/json",
    )
    assert lying.status_code == 409 and "不一致" in lying.json()["error"]
    mass = [f"dishonest:（2020）粤0117执{n}号:X" for n in range(100)]
    flood = client.post(
        "/api/partner/reconciliation",
        {"list": "dishonest", "count": len(mass), "record_ids": mass},
        content_type="application/json",
    )
    assert flood.status_code == 409 and "已拒绝并标记" in flood.json()["error"]
    assert p.reconciliations.filter(refused=True).count() == 2
    forbidden = client.get("/api/partner/snapshot", {"list": "honest"})
    assert forbidden.status_code == 403


def test_an_overdue_partner_raises_a_task_once_and_shows_on_the_compliance_page(
    listed: dict[str, Any],
) -> None:
    from goodfaith.web.tasks.models import Task

    partner(["dishonest", "consumption"], name="某信用平台")
    on_time, _ = partner(["dishonest", "consumption"], name="某税务局")
    delist()
    change = Change.objects.get(type="listing_deleted")  # it went out ten days ago
    Change.objects.filter(pk=change.pk).update(created_at=change.created_at - timedelta(days=10))
    Delivery.objects.update(due=date.today() - timedelta(days=5))
    Delivery.objects.filter(partner=on_time).update(ack="applied")
    out = io.StringIO()
    call_command("sweep", stdout=out)
    assert "partner acknowledgements overdue: 1 new tasks" in out.getvalue()
    call_command("sweep", stdout=out)
    assert Task.objects.filter(kind="partner_overdue").count() == 1
    task = Task.objects.get(kind="partner_overdue")
    assert task.role == "admin" and "某信用平台" in task.reason
    admin = staff_of("admin", "粤0117", roles=("admin",))
    page = admin.get("/partners/compliance/").content.decode()
    overdue = page[page.index('id="overdue"') :]
    assert "某信用平台" in overdue and "删除失信信息" in overdue and "10天" in overdue
    assert "某税务局" not in overdue
    outsider = staff_of("outsider", "粤0114", roles=("admin",))
    assert "某信用平台" not in outsider.get("/partners/compliance/").content.decode()


def test_partners_command_registers_and_rotates_keys(listed: dict[str, Any]) -> None:
    out = io.StringIO()
    call_command(
        "partners", "add", "--court", "粤0117", "--name", "某市市场监管局", "--kind", "regulator",
        "--lists", "honest,certificates", "--webhook-url", "https://partner.example/hook",
        stdout=out,
    )  # fmt: skip
    text = out.getvalue()
    key = re.search(r"API key \(shown once\): (\S+)", text).group(1)  # type: ignore[union-attr]
    assert "whsec_" in text
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get("/api/partner/changes").status_code == 200
    p = Partner.objects.get(name="某市市场监管局")
    call_command("partners", "rotate", str(p.pk), "--revoke-old", stdout=out)
    assert client.get("/api/partner/changes").status_code == 401  # the old key is revoked
    new = re.findall(r"API key \(shown once\): (\S+)", out.getvalue())[-1]
    assert Client(HTTP_AUTHORIZATION=f"Bearer {new}").get("/api/partner/changes").status_code == 200
    assert key.split(".")[1] not in json.dumps(list(p.credentials.values()), default=str)


def test_the_honest_list_is_pushed_on_the_courts_schedule() -> None:
    from goodfaith.core.timeline.load import parse_timeline
    from goodfaith.web.cases.actions import do_import

    ningbo = {
        "format": "goodfaith-timeline/1", "title": "自动履行", "court": "浙02",
        "policy": "ningbo-2019",
        "parties": {"C": {"name": "甲公司", "kind": "unit"},
                    "P": {"name": "守信某", "kind": "person", "id_number": person("P", "x", date(1970, 1, 1))["id_number"]}},
        "events": [
            {"on": "2024-03-01", "type": "judgment_effective", "case": "（2023）浙02民初9号",
             "document": "judgment", "creditors": ["C"], "debtors": ["P"],
             "obligations": [{"id": "O1", "kind": "money", "amount": "1000.00", "debtors": ["P"],
                              "liability": "several", "shares": {"P": "1000.00"}}],
             "due": "2024-03-15"},
            {"on": "2024-03-10", "type": "payment", "case": "（2023）浙02民初9号", "party": "P",
             "amount": "1000.00"},
        ],
    }  # fmt: skip
    do_import([(parse_timeline(ningbo), "ningbo")])
    court = db.Court.objects.get(code="浙02")
    p = Partner.objects.create(court=court, name="市场监管局", kind="regulator", lists=["honest"])
    client = Client(HTTP_AUTHORIZATION=f"Bearer {issue_credential(p)}")
    out = io.StringIO()
    call_command("partners", "schedule-honest", "--court", "浙02", "--every-days", "30", stdout=out)
    call_command("partners", "push-honest", "--as-of", "2024-04-01", stdout=out)
    assert "浙02: honest list of 1 entries" in out.getvalue()
    (event,) = pull(client)["changes"]
    data = event["data"]["record"]
    assert event["type"] == "cn.court.goodfaith.honest.honest_snapshot" and data["count"] == 1
    assert data["records"][0]["record"]["name"] == "守信某" and "自动履行" in data["criteria"]
    call_command("partners", "push-honest", "--as-of", "2024-04-15", stdout=out)
    assert out.getvalue().endswith("no honest-list push is due\n")
    call_command("partners", "push-honest", "--as-of", "2024-05-01", stdout=out)
    assert len(pull(client)["changes"]) == 2


def test_the_pull_benchmark_measures_and_leaves_nothing() -> None:
    out = io.StringIO()
    call_command("partners_benchmark", "--changes", "300", "--page", "100", stdout=out)
    assert re.search(r"pulled 300 changes in pages of 100 .* changes/s", out.getvalue())
    assert not Change.objects.exists() and not Partner.objects.exists()
