"""The partner push: signed, ordered per partner, retried, dead-lettered, applied exactly once by
the reference receiver (``tests/partners_receiver.py``), which acknowledges through the API.

Ack latency (not part of the normal run; prints p50/p99)::

    GOODFAITH_MEASURE_ACKS=200 .venv/bin/python -m pytest tests/web/test_partner_push.py \
        -k ack_latency -s
"""

from __future__ import annotations

import io
import os
import random
import re
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import do_record_event
from goodfaith.web.partners import push
from goodfaith.web.partners.credentials import issue_credential, new_webhook_secret
from goodfaith.web.partners.models import Change, Delivery, Partner
from tests.partners_receiver import Receiver
from tests.web.test_public_lists import CASE, LISTED, RESTRICTED, person, store, timeline

pytestmark = pytest.mark.django_db(transaction=True)
FULL_ID = re.compile(r"\d{17}[\dX]")
RECORD = "dishonest:（2025）粤0117执1号:D"


class Ceiling(random.Random):
    """An RNG whose jitter is always the upper bound (deterministic backoff)."""

    def uniform(self, a: float, b: float) -> float:
        return b


@contextmanager
def partner_with_receiver(
    base_url: str, lists: list[str], *, full: bool = False, name: str = "某银行"
) -> Iterator[tuple[Partner, Receiver]]:
    """A partner of the Conghua court with its webhook served by a reference receiver."""
    court = db.Court.objects.get(code="粤0117")
    secret = new_webhook_secret()
    p = Partner.objects.create(
        court=court, name=name, kind="bank", lists=lists, full_identity=full, webhook_secret=secret
    )
    token = issue_credential(p)
    with Receiver(secret, base_url=base_url, token=token) as receiver:
        p.webhook_url = receiver.url
        p.save(update_fields=["webhook_url"])
        yield p, receiver


def record(n: int, event: dict[str, Any], party: str = "D") -> None:
    dispute = db.Dispute.objects.get(root_case=f"（2024）粤0117民初{n}号")
    do_record_event(dispute, {**event, "case": CASE.format(n=n), "party": party})


DELISTED = {"on": "2025-06-03", "type": "delisted", "reason": "履行完毕"}


@pytest.fixture
def filed() -> dict[str, Any]:
    """A Conghua enforcement case, nobody listed yet (the court exists, no changes)."""
    d = person("D", "林某", date(1985, 3, 7))
    store(timeline(1, d))
    return d


@pytest.fixture
def listed() -> dict[str, Any]:
    d = person("D", "林某", date(1985, 3, 7))
    store(timeline(1, d, LISTED))
    return d


def seqs_of(p: Partner) -> list[int]:
    return list(
        Delivery.objects.filter(partner=p)
        .order_by("change__seq")
        .values_list("change__seq", flat=True)
    )


def test_a_deletion_reaches_the_receiver_and_is_acknowledged(
    live_server: Any, filed: dict[str, Any]
) -> None:
    with partner_with_receiver(live_server.url, ["dishonest", "consumption"]) as (p, r):
        record(1, LISTED)
        assert push.deliver_all().delivered == 1
        assert r.records[RECORD]["name"] == "林某"
        record(1, DELISTED)
        report = push.deliver_all()
        assert (report.attempted, report.delivered, report.failed) == (1, 1, 0)
        assert RECORD not in r.records
        assert r.wait_acks() and not r.ack_errors
    deletion = Delivery.objects.get(partner=p, change__type="listing_deleted")
    assert deletion.delivered_at is not None and deletion.attempts == 0
    assert deletion.ack == "applied" and deletion.acked_at is not None
    assert r.applied_seqs == seqs_of(p)


def test_a_receiver_down_for_a_while_gets_everything_in_order_once_back(
    live_server: Any, filed: dict[str, Any]
) -> None:
    with partner_with_receiver(live_server.url, ["dishonest", "consumption"]) as (p, r):
        r.down = True
        record(1, LISTED)
        record(1, RESTRICTED)
        store(timeline(2, person("D", "陈某", date(1990, 1, 1), 5), LISTED, RESTRICTED))
        record(1, DELISTED)
        seqs = seqs_of(p)
        assert len(seqs) == 5
        head = Delivery.objects.get(partner=p, change__seq=seqs[0])
        now = timezone.now()
        for attempt, bound in enumerate([30, 60, 120], start=1):
            report = push.deliver_due(now, rng=Ceiling())
            assert (report.attempted, report.failed) == (1, 1)  # only the head: never out of order
            head.refresh_from_db()
            assert head.attempts == attempt and head.last_error.startswith("HTTP 503")
            assert head.next_attempt_at == now + timedelta(seconds=bound)
            assert push.deliver_due(now + timedelta(seconds=bound - 1)).attempted == 0
            now = head.next_attempt_at
        assert Delivery.objects.filter(partner=p, delivered_at__isnull=False).count() == 0
        assert not r.seen
        r.down = False
        report = push.deliver_all(now)
        assert (report.delivered, report.failed) == (5, 0)
        assert r.applied_seqs == seqs
        assert r.wait_acks() and not r.ack_errors
    assert RECORD not in r.records and "dishonest:（2025）粤0117执2号:D" in r.records
    assert set(Delivery.objects.filter(partner=p).values_list("ack", flat=True)) == {"applied"}


def test_a_worker_killed_mid_delivery_resends_and_the_receiver_applies_once(
    live_server: Any, listed: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Killed(Exception):
        pass

    real = push._record_result
    kills = [1]

    def dies_once(*args: Any, **kwargs: Any) -> push.Result:
        if kills:
            kills.pop()
            raise Killed
        return real(*args, **kwargs)

    monkeypatch.setattr(push, "_record_result", dies_once)
    with partner_with_receiver(live_server.url, ["dishonest"]) as (p, r):
        r.records[RECORD] = {"name": "林某"}  # what the partner showed before
        record(1, DELISTED)
        uid = Change.objects.get(type="listing_deleted").uid
        now = timezone.now()
        with pytest.raises(Killed):  # sent, then killed before recording
            push.deliver_due(now)
        assert r.seen[uid] == 1 and RECORD not in r.records
        d = Delivery.objects.get(partner=p)
        assert d.delivered_at is None and d.next_attempt_at == now + push.LEASE
        # a claimed delivery is nobody else's until the lease ends
        assert push._claim(p.pk, now + timedelta(seconds=30)) is None
        assert push.deliver_due(now + timedelta(seconds=30)).attempted == 0
        report = push.deliver_due(now + push.LEASE + timedelta(seconds=1))
        assert (report.attempted, report.delivered) == (1, 1)
        assert r.seen[uid] == 2  # delivered at least once …
        assert r.applied_seqs == [d.change.seq]  # … applied exactly once
        assert r.wait_acks()
    d.refresh_from_db()
    assert d.delivered_at is not None and d.attempts == 0 and d.ack == "applied"
    assert push.deliver_all(now + timedelta(days=1)).attempted == 0


def test_concurrent_workers_never_send_one_change_twice_nor_out_of_order(
    live_server: Any, filed: dict[str, Any]
) -> None:
    with partner_with_receiver(live_server.url, ["dishonest"]) as (p, r):
        store(*[timeline(k, person("D", f"甲{k}", date(1980, 1, k)), LISTED) for k in range(2, 14)])
        reports: list[push.PushReport] = []
        errors: list[BaseException] = []

        def worker() -> None:
            try:
                for _ in range(200):  # until everything is delivered
                    reports.append(push.deliver_due(limit=3))
                    if not Delivery.objects.filter(partner=p, delivered_at__isnull=True).exists():
                        break
            except BaseException as exc:
                errors.append(exc)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=worker) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert not errors
        assert sum(x.delivered for x in reports) == sum(x.attempted for x in reports) == 12
        assert set(r.seen.values()) == {1}  # each sent once: a claimed head is nobody else's
        assert r.applied_seqs == seqs_of(p)
        assert r.wait_acks()


def test_a_forged_signature_is_rejected_and_nothing_is_applied() -> None:
    secret = new_webhook_secret()
    body = (
        '{"id":"gf_x","data":{"seq":1,"list":"dishonest","change":"listing_deleted",'
        '"record_id":"r1","record":null}}'
    )
    with Receiver(secret) as r:
        r.records["r1"] = {"name": "林某"}
        forged = push.signed_headers(new_webhook_secret(), "gf_x", body)
        assert push.post(r.url, body, forged, 5).error.startswith("HTTP 401")
        genuine = push.signed_headers(secret, "gf_x", body)
        tampered = body.replace("r1", "r2")
        assert not push.post(r.url, tampered, genuine, 5).ok
        stale = push.signed_headers(
            secret, "gf_x", body, datetime.now().astimezone() - timedelta(hours=1)
        )
        assert not push.post(r.url, body, stale, 5).ok
        unsigned = {k: v for k, v in genuine.items() if k != "webhook-signature"}
        assert not push.post(r.url, body, unsigned, 5).ok
        other_id = push.signed_headers(secret, "gf_y", body)  # signed, but not this event's id
        assert not push.post(r.url, body, other_id, 5).ok
        assert r.rejected == 5 and r.records == {"r1": {"name": "林某"}} and not r.seen
        assert push.post(r.url, body, genuine, 5).ok  # the genuine one is applied
        assert r.records == {}


def test_a_partner_never_receives_a_list_or_field_it_is_not_approved_for(
    live_server: Any, listed: dict[str, Any]
) -> None:
    e = person("E", "陈某", date(1990, 1, 1), 5)
    with (
        partner_with_receiver(live_server.url, ["honest"], name="市场监管局") as (honest, hr),
        partner_with_receiver(live_server.url, ["dishonest", "consumption"], name="平台") as (
            _,
            pr,
        ),
        partner_with_receiver(
            live_server.url, ["dishonest", "consumption"], full=True, name="银行"
        ) as (_, fr),
    ):
        store(timeline(2, e, LISTED, RESTRICTED))
        record(1, DELISTED)
        assert push.deliver_all().delivered == 6  # 3 changes to each of the two approved
        assert not Delivery.objects.filter(partner=honest).exists() and not hr.bodies
        assert len(pr.bodies) == len(fr.bodies) == 3
        assert not any(FULL_ID.search(b) for b in pr.bodies)
        masked = e["id_number"][:10] + "****" + e["id_number"][14:]
        assert {r["id_number"] for r in pr.records.values()} == {masked}
        full = [r for r in fr.records.values() if r.get("id_number")]
        assert full and {r["id_number"] for r in full} == {e["id_number"]}
        assert pr.wait_acks() and fr.wait_acks()


def test_dead_letter_after_max_attempts_and_the_next_change_goes_on(
    live_server: Any, listed: dict[str, Any]
) -> None:
    with partner_with_receiver(live_server.url, ["dishonest"]) as (p, r):
        r.down = True
        record(1, DELISTED)
        store(timeline(2, person("D", "陈某", date(1990, 1, 1), 5), LISTED))
        first, second = seqs_of(p)
        now, dead = timezone.now(), 0
        for _ in range(push.MAX_ATTEMPTS):
            report = push.deliver_due(now, rng=Ceiling())
            assert (report.attempted, report.failed) == (1, 1)
            dead += report.dead
            head = Delivery.objects.get(partner=p, change__seq=first)
            now = head.next_attempt_at or now
        assert dead == 1 and head.attempts == push.MAX_ATTEMPTS
        assert head.dead_at is not None and head.next_attempt_at is None
        assert Delivery.objects.get(partner=p, change__seq=second).attempts == 0
        r.down = False
        assert push.deliver_all(now).delivered == 1  # the dead one no longer blocks
        assert r.applied_seqs == [second]
        assert r.wait_acks()
    head.refresh_from_db()
    assert head.delivered_at is None and head.ack == ""


def test_backoff_is_exponential_with_full_jitter_and_capped() -> None:
    assert [push.backoff(a, Ceiling()) for a in range(12)] == [30 * 2**a for a in range(10)] + [
        6 * 3600
    ] * 2
    rng = random.Random(1)
    assert all(0 <= push.backoff(a, rng) <= min(6 * 3600, 30 * 2**a) for a in range(20))


def test_the_command_runs_one_round(live_server: Any, listed: dict[str, Any]) -> None:
    with partner_with_receiver(live_server.url, ["dishonest"]) as (_, r):
        record(1, DELISTED)
        out = io.StringIO()
        call_command("partners_push", "--once", stdout=out)
        assert out.getvalue().strip() == "attempted=1 delivered=1 failed=0 dead=0"
        assert RECORD not in r.records and r.wait_acks()


# measuring (run on request only)


def measure_ack_latency(
    n: int, base_url: str, *, loop: bool = True, interval: float = 0.02, first: int = 100
) -> dict[str, float]:
    """Milliseconds from a deletion (``do_record_event``) to the court accepting the receiver's ack,
    for ``n`` deletions one after another: with the push worker looping in a thread (polling
    every ``interval`` when idle) or with ``deliver_due`` run right after each deletion."""
    numbers = range(first, first + n)
    store(
        *[
            timeline(k, person("D", f"测{k}", date(1980, 1, 1) + timedelta(days=k)), LISTED)
            for k in numbers
        ]
    )
    latencies: list[float] = []
    recording: list[float] = []  # the deletion's own transaction
    with partner_with_receiver(base_url, ["dishonest"], name=f"测量{first}") as (p, r):
        stop = threading.Event()

        def work() -> None:
            try:
                push.run(interval, stop=stop)
            finally:
                connections.close_all()

        worker = threading.Thread(target=work)
        if loop:
            worker.start()
        try:
            for k in numbers:
                start = time.perf_counter()
                record(k, DELISTED)
                recording.append(time.perf_counter() - start)
                if not loop:
                    push.deliver_due()
                uid = Change.objects.filter(type="listing_deleted").latest("seq").uid
                if r.wait_acked(uid, timeout=10):
                    latencies.append(r.acked[uid] - start)
        finally:
            stop.set()
            if loop:
                worker.join()
    Partner.objects.filter(pk=p.pk).update(active=False)  # its receiver is gone
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "n": len(latencies),
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * q[98],
        "max_ms": 1000 * max(latencies),
        "record_p50_ms": 1000 * statistics.median(recording),
    }


@pytest.mark.skipif(
    not os.environ.get("GOODFAITH_MEASURE_ACKS"), reason="set GOODFAITH_MEASURE_ACKS=<n>"
)
def test_ack_latency(live_server: Any) -> None:
    """Not a check: prints the figures."""
    n = int(os.environ["GOODFAITH_MEASURE_ACKS"])
    store(timeline(1, person("D", "林某", date(1985, 3, 7))))
    for loop, first in ((True, 100), (False, 100 + n)):
        figures = measure_ack_latency(n, live_server.url, loop=loop, first=first)
        mode = "worker loop (20 ms idle poll)" if loop else "deliver_due after each deletion"
        print(f"\n{mode}: " + " ".join(f"{k}={v:.4g}" for k, v in figures.items()))
