"""Deadlines become tasks exactly once: repeated sweeps, concurrent sweeps, a crashed sweep."""

from __future__ import annotations

import io
import json
import threading
from datetime import date

import pytest
from django.core.management import call_command

from goodfaith.core.clocks import clocks
from goodfaith.core.timeline import load_timeline
from goodfaith.web.tasks import sweep as sweep_module
from goodfaith.web.tasks.models import Task
from goodfaith.web.tasks.sweep import sweep
from tests.conftest import DEMO, SCENARIOS

CONGHUA = SCENARIOS / "conghua-pre-listing.timeline.yaml"
FILES = [CONGHUA, DEMO / "conghua-2024.timeline.yaml", DEMO / "zaoyang-2022.timeline.yaml"]
AS_OF = date(2025, 4, 9)


def load() -> None:
    call_command("import", *map(str, FILES), stdout=io.StringIO())


def keys() -> list[tuple[int, str]]:
    return sorted(Task.objects.values_list("dispute_id", "key"))


def test_clocks_of_the_conghua_scenario() -> None:
    t = load_timeline(CONGHUA)
    before = clocks(t, date(2025, 4, 8))
    assert [(c.kind, c.due, c.proposal, c.role) for c in before if c.kind == "performance_due"] == [
        ("performance_due", date(2025, 1, 20), "none", "trial")  # lapsed unperformed: no task
    ]
    before = [c for c in before if c.kind != "performance_due"]
    assert [(c.kind, c.due, c.proposal, c.lapsed(date(2025, 4, 8))) for c in before] == [
        (
            "pre_listing_notice",
            date(2025, 4, 8),
            "listing",
            False,
        )  # the deadline day is the debtor's
    ]
    warning = [c for c in clocks(t, date(2025, 4, 9)) if c.kind == "pre_listing_notice"]
    assert warning[0].lapsed(date(2025, 4, 9)) and warning[0].role == "enforcement_judge"


def test_decided_and_performed_warnings_propose_no_decision() -> None:
    t = load_timeline(DEMO / "conghua-2024.timeline.yaml")
    by_kind = {c.kind: c for c in clocks(t, AS_OF)}
    assert by_kind["pre_fine_notice"].proposal == "none"  # the fine was decided on 2024-11-06
    assert by_kind["commitment_due"].proposal == "certificate_and_lifting"  # performed by 03-31
    assert "pre_enforcement_period" in by_kind  # concluded after the month ran out


@pytest.mark.django_db
def test_sweep_twice_creates_each_task_once() -> None:
    load()
    first = sweep(AS_OF)
    assert first.created == first.due > 0
    snapshot = keys()
    again = sweep(AS_OF)
    assert again.created == 0 and keys() == snapshot
    out = io.StringIO()
    call_command("tasks", "--court", "粤0117", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    listing = [r for r in rows if r["proposal"] == "listing"]
    assert listing == [
        {
            "kind": "pre_listing_notice",
            "case": "（2025）粤0117执1001号",
            "party": "D",
            "due": "2025-04-08",
            "proposal": "listing",
            "role": "enforcement_judge",
            "reason": "预纳入失信名单提醒期限届满（2025-04-08）：期限内未履行，建议依法作出决定。",
        }
    ]
    assert not [r for r in rows if r["proposal"] == "none"]


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_sweeps_create_each_task_once() -> None:
    load()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            sweep(AS_OF)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            from django.db import connection

            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    total = len(keys())
    assert total == len(set(keys())) > 0
    assert sweep(AS_OF).created == 0


@pytest.mark.django_db
def test_a_sweep_killed_midway_is_completed_by_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    load()
    expected = sweep(AS_OF).created
    Task.objects.all().delete()
    real = sweep_module.clocks
    calls = {"n": 0}

    def dying(t, as_of):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise SystemExit("worker killed")
        return real(t, as_of)

    monkeypatch.setattr(sweep_module, "clocks", dying)
    with pytest.raises(SystemExit):
        sweep(AS_OF)
    partial = len(keys())
    assert 0 < partial < expected
    monkeypatch.setattr(sweep_module, "clocks", real)
    assert sweep(AS_OF).created == expected - partial
    assert len(keys()) == expected


@pytest.mark.django_db(transaction=True)
def test_workers_run_the_sweep_through_the_task_queue() -> None:
    from django_tasks_db.models import DBTaskResult

    load()
    out = io.StringIO()
    call_command(
        "worker", "--as-of", AS_OF.isoformat(), "--cycles", "2", "--every", "0", stdout=out
    )
    assert "stopped after 2 cycle(s)" in out.getvalue()
    results = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert len(results) == 2 and all(r.status == "SUCCESSFUL" for r in results)
    assert results[0].return_value["created"] > 0 and results[1].return_value["created"] == 0
    assert len(keys()) == results[0].return_value["created"]


def _conghua(*events: str, policy: str = "conghua-2022") -> object:
    from goodfaith.core.timeline.load import parse_timeline, read_yaml

    text = CONGHUA.read_text(encoding="utf-8").replace("policy: conghua-2022", f"policy: {policy}")
    head = text[: text.index("  - {on: 2025-03-03")]
    return parse_timeline(read_yaml(head + "".join(f"  - {e}\n" for e in events)))


def test_stage_one_clock_proposes_the_certificate_the_policy_grants() -> None:
    on_time = '{on: 2025-01-18, type: payment, case: （2024）粤0117民初888号, party: D, amount: "150000.00"}'
    ningbo = _conghua(
        on_time, policy="ningbo-2019"
    )  # 自动履行证明书 for performance after judgment
    (clock,) = [c for c in clocks(ningbo, date(2025, 2, 1)) if c.kind == "performance_due"]  # type: ignore[arg-type]
    assert (clock.proposal, clock.role, clock.due) == (
        "issue_certificate",
        "trial",
        date(2025, 1, 20),
    )
    assert "自动履行证明书" in clock.reason
    conghua = _conghua(on_time)  # Conghua's certificate is for performance during enforcement
    (clock,) = [c for c in clocks(conghua, date(2025, 2, 1)) if c.kind == "performance_due"]  # type: ignore[arg-type]
    assert clock.proposal == "none" and "履行期限内已履行" in clock.reason
    late = _conghua(on_time.replace("01-18", "01-21"), policy="ningbo-2019")
    (clock,) = [c for c in clocks(late, date(2025, 2, 1)) if c.kind == "performance_due"]  # type: ignore[arg-type]
    assert clock.proposal == "none"  # paid the day after the period: no certificate proposed


def test_objection_without_the_risk_notice_raises_a_filing_task() -> None:
    base = (
        "{on: 2025-03-03, type: enforcement_filed, case: （2025）粤0117执1001号,"
        " basis: （2024）粤0117民初888号, applicants: [C], respondents: [D]}",
        "{on: 2025-03-10, type: objection_filed, case: （2025）粤0117执1001号, party: D}",
    )
    bare = [c for c in clocks(_conghua(*base), date(2025, 3, 11)) if c.kind == "objection_notice"]  # type: ignore[arg-type]
    assert [(c.proposal, c.role, c.lapsed(date(2025, 3, 11))) for c in bare] == [
        ("serve_objection_notice", "filing", True)
    ]
    served = _conghua(
        *base,
        "{on: 2025-03-10, type: document_served, case: （2025）粤0117执1001号,"
        " document: objection_risk_notice, to: [D]}",
    )
    (clock,) = [c for c in clocks(served, date(2025, 3, 11)) if c.kind == "objection_notice"]  # type: ignore[arg-type]
    assert clock.proposal == "none"
