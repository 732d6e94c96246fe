"""goodfaith import / export / replay against the real database (SQLite or PostgreSQL)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from goodfaith.core.state import fold, party_status
from goodfaith.core.timeline import load_timeline
from goodfaith.core.timeline.load import read_yaml
from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import (
    ImportConflict,
    do_amend_event,
    do_record_event,
    do_void_event,
)
from goodfaith.web.cases.timelines import dispute_timeline
from tests.conftest import DEMO, SCENARIOS

pytestmark = pytest.mark.django_db

DEMO_FILES = sorted(DEMO.glob("*.timeline.yaml"))


def counts() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (db.Court, db.Party, db.Dispute, db.DisputeParty, db.Case, db.Event, db.PartyState)
    }


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_stores_events_and_derived_state(huadu_file: Path) -> None:
    out = run("import", str(huadu_file))
    assert "new case file" in out
    dispute = db.Dispute.objects.get(root_case="（2021）粤0114民初12877号")
    assert dispute.events.count() == len(load_timeline(huadu_file).events)
    assert {c.number for c in dispute.cases.all()} == {
        "（2021）粤0114民初12877号",
        "（2022）粤0114执4600号",
    }
    d1 = db.PartyState.objects.get(dispute_party__key="D1", dispute=dispute)
    assert d1.stage == "closed"
    assert str(d1.outstanding) == "0.00"
    assert str(d1.paid) == "14650000.00"


def test_import_twice_changes_nothing(huadu_file: Path) -> None:
    run("import", str(huadu_file))
    before = counts()
    out = run("import", str(huadu_file))
    assert "already stored, nothing changed" in out
    assert counts() == before


def test_import_extends_a_stored_case_file(huadu_file: Path, tmp_path: Path) -> None:
    data = read_yaml(huadu_file.read_text(encoding="utf-8"))
    full = len(data["events"])
    short = tmp_path / "short.yaml"
    short.write_text(
        yaml.safe_dump({**data, "events": data["events"][:5]}, allow_unicode=True), encoding="utf-8"
    )
    run("import", str(short))
    assert db.Event.objects.count() == 5
    out = run("import", str(huadu_file))
    assert f"{full - 5} events" in out
    assert db.Event.objects.count() == full
    run("import", str(short))  # an older copy adds nothing and is not a conflict
    assert db.Event.objects.count() == full


def test_changed_history_is_refused_and_nothing_stored(
    huadu_file: Path, tmp_path: Path, capsys
) -> None:
    run("import", str(huadu_file))
    before = counts()
    data = read_yaml(huadu_file.read_text(encoding="utf-8"))
    data["events"][9]["amount"] = "7000000.00"
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        call_command("import", str(changed))
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "changed.yaml: events[9] differs from the stored case file" in err
    assert "nothing was stored" in err
    assert counts() == before


def test_malformed_file_among_several_stores_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.timeline.yaml"
    data = read_yaml((SCENARIOS / "zaoyang-2022.timeline.yaml").read_text(encoding="utf-8"))
    data["events"][3]["party"] = "NOBODY"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        call_command("import", str(SCENARIOS / "huadu-2022.timeline.yaml"), str(bad))
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "bad.timeline.yaml: events[3] (conduct): field 'party'" in err
    assert all(n == 0 for n in counts().values())


def test_export_then_import_gives_the_same_state(tmp_path: Path) -> None:
    for path in DEMO_FILES:
        run("import", str(path))
    for dispute in db.Dispute.objects.all():
        case = dispute.cases.last()
        out = tmp_path / f"{dispute.pk}.yaml"
        run("export", case.number, "--out", str(out))
        exported = load_timeline(out)
        original = next(
            load_timeline(p)
            for p in DEMO_FILES
            if str(load_timeline(p).events[0].case_ref) == dispute.root_case
        )
        assert exported.events == original.events
        assert exported.parties.keys() == original.parties.keys()
        last = original.events[-1].on
        for key in original.parties:
            assert party_status(fold(exported.parties, exported.events, last), key) == party_status(
                fold(original.parties, original.events, last), key
            )
        before = counts()
        assert "nothing changed" in run("import", str(out))
        assert counts() == before


def test_export_unknown_case_is_refused(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        call_command("export", "（2022）粤0114执1号")
    assert info.value.code == 2
    assert "no stored case （2022）粤0114执1号" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        call_command("export", "not a case")
    assert "argument CASE" in capsys.readouterr().err


def test_voiding_an_event_rederives_state(huadu_file: Path) -> None:
    run("import", str(huadu_file))
    dispute = db.Dispute.objects.get()
    last_payment = dispute.events.filter(type="payment").order_by("-on", "-seq").first()
    do_void_event(last_payment, "金额录入错误")
    d1 = db.PartyState.objects.get(dispute_party__key="D1")
    assert str(d1.paid) == "8000000.00"
    assert db.Event.objects.filter(pk=last_payment.pk).exists()  # nothing deleted
    assert db.Event.objects.filter(type="voided", voids=last_payment).count() == 1


def test_replay_json_matches_the_spec_shape(capsys) -> None:
    call_command("replay", str(SCENARIOS / "huadu-2022.timeline.yaml"), "--json")
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "goodfaith-replay/1"
    first = doc["answers"][0]
    assert first["id"] == "status-day-8"
    assert first["case"] == "（2022）粤0114执4600号"
    assert first["details"]["paid"] == "8000000.00"
    assert all(a["outcome"] for a in doc["answers"])
    assert db.Event.objects.count() == 0  # replay stores nothing


def test_replay_refuses_a_malformed_file(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text(
        "format: goodfaith-timeline/1\ntitle: x\ncourt: 粤0114\nparties: {}\nevents: []\n"
    )
    with pytest.raises(SystemExit) as info:
        call_command("replay", str(bad), "--json")
    assert info.value.code == 2
    assert "x.yaml: field 'parties'" in capsys.readouterr().err


def test_record_a_late_fact_and_amend_it(huadu_file: Path) -> None:
    run("import", str(huadu_file))
    dispute = db.Dispute.objects.get()
    # a freeze on 2022-06-20 recorded after the case closed takes its place by date
    recorded = do_record_event(
        dispute,
        {
            "on": "2022-06-20",
            "type": "measure_applied",
            "case": "（2022）粤0114执4600号",
            "party": "D2",
            "id": "M4",
            "measure": "freeze",
            "asset": "bank_account",
        },
    )
    assert recorded.case.number == "（2022）粤0114执4600号"
    assert db.PartyState.objects.get(dispute_party__key="D2").measures == ["M3", "M4"]
    amended = do_amend_event(
        recorded,
        {**recorded.payload, "asset": "equity"},
        "财产类型录入错误",
    )
    assert amended.payload["asset"] == "equity"
    exported = dispute_timeline(dispute)
    m4 = [e for e in exported.events if getattr(e, "id", None) == "M4"]
    assert len(m4) == 1 and m4[0].asset == "equity"


def test_recording_an_invalid_event_stores_nothing(huadu_file: Path) -> None:
    run("import", str(huadu_file))
    dispute = db.Dispute.objects.get()
    before = counts()
    with pytest.raises(ImportConflict, match=r"the new event \(payment\): field 'party': .*'X'"):
        do_record_event(
            dispute,
            {
                "on": "2022-06-29",
                "type": "payment",
                "case": "（2022）粤0114执4600号",
                "party": "X",
                "amount": "1",
            },
        )
    assert counts() == before


def test_parties_are_matched_on_identity_number(tmp_path: Path) -> None:
    data = read_yaml((SCENARIOS / "zaoyang-2022.timeline.yaml").read_text(encoding="utf-8"))
    run("import", str(SCENARIOS / "zaoyang-2022.timeline.yaml"))
    other = dict(data)
    other["events"] = [
        {**data["events"][0], "case": "（2023）鄂0683民初99号"},
    ]
    path = tmp_path / "second.yaml"
    path.write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
    run("import", str(path))
    wang = db.Party.objects.get(id_number="420683199007043314")
    assert wang.roles.count() == 2  # one person, two disputes
    assert db.Party.objects.filter(name="李某").count() == 2  # no number: not matched by name
