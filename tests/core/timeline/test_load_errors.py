"""A malformed timeline is refused with one message naming the file, the place and the field."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from goodfaith.core.timeline import TimelineError, load_timeline, parse_timeline
from goodfaith.core.timeline.load import read_yaml

BASE: dict[str, Any] = read_yaml(
    """
format: goodfaith-timeline/1
title: 测试案
court: 粤0114
parties:
  P1: {name: 钟某某, kind: person}
  D1: {name: 刘某, kind: person, id_number: "440114200607206067"}
  U1: {name: 某公司, kind: unit, representative: D1}
events:
  - on: 2022-03-10
    type: judgment_effective
    case: （2021）粤0114民初12877号
    document: judgment
    creditors: [P1]
    debtors: [D1]
    obligations:
      - {id: O1, kind: money, amount: "1000.00", debtors: [D1], liability: several, shares: {D1: "1000"}}
  - {on: 2022-06-15, type: enforcement_filed, case: (2022)粤0114执4600号, basis: （2021）粤0114民初12877号, applicants: [P1], respondents: [D1]}
  - {on: 2022-06-16, type: measure_applied, case: （2022）粤0114执4600号, party: D1, id: M1, measure: freeze, asset: bank_account}
  - {on: 2022-06-20, type: payment, case: （2022）粤0114执4600号, party: D1, amount: "500"}
queries:
  - {id: q1, on: 2022-06-20, ask: status, party: D1}
"""
)


def mutate(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    target = data
    for p in path[:-1]:
        target = target[p]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


DELETE = object()


def test_base_is_valid() -> None:
    t = parse_timeline(BASE, "base.yaml")
    assert len(t.events) == 4
    assert str(t.events[1].case_ref) == "（2022）粤0114执4600号"  # half-width brackets normalised
    assert t.parties["D1"].birth_date is not None and t.parties["D1"].gender == "female"
    assert t.court_name == "广州市花都区人民法院"  # known court code


CASES = [
    # (path to change, new value, expected place, expected field, words in the message)
    (("format",), "goodfaith-timeline/2", "", "format", "goodfaith-timeline/1"),
    (("colour",), "red", "", "colour", "unknown key"),
    (("court",), "花都", "", "court", "court code"),
    (("court",), "粤0199", "", "court_name", "not known"),
    (("policy",), "mars-2030", "", "policy", "unknown policy"),
    (("parties", "D1", "id_number"), "440114200607206068", "parties.D1", "id_number", "check"),
    (("parties", "D1", "kind"), "robot", "parties.D1", "kind", "person"),
    (("parties", "U1", "representative"), "P9", "parties.U1", "representative", "person party"),
    (("events", 1, "type"), "enforcement_started", "events[1]", "type", "unknown event type"),
    (("events", 3, "amount"), "-5", "events[3] (payment)", "amount", "-5"),
    (("events", 3, "amount"), "12.345", "events[3] (payment)", "amount", "12.345"),
    (("events", 3, "amount"), 12.5, "events[3] (payment)", "amount", "12.5"),
    (("events", 3, "party"), "D9", "events[3] (payment)", "party", "not declared"),
    (
        ("events", 3, "case"),
        "（2022）粤0114执9999号",
        "events[3] (payment)",
        "case",
        "not declared",
    ),
    (("events", 3, "case"), "2022粤0114执9999号", "events[3] (payment)", "case", "2022"),
    (("events", 3, "on"), "2022-06-31", "events[3] (payment)", "on", "2022-06-31"),
    (("events", 3, "on"), "2022-06-01", "events[3] (payment)", "on", "out of order"),
    (("events", 3, "tip"), "cash", "events[3] (payment)", "tip", "unknown key"),
    (("events", 2, "measure"), "burn", "events[2] (measure_applied)", "measure", "freeze"),
    (("events", 2, "id"), DELETE, "events[2] (measure_applied)", "id", "missing"),
    (
        ("events", 0, "obligations", 0, "shares"),
        {"D1": "999"},
        "events[0] (judgment_effective)",
        "obligations[0].shares",
        "add up",
    ),
    (
        ("events", 0, "debtors"),
        ["D1", "X"],
        "events[0] (judgment_effective)",
        "debtors[1]",
        "not declared",
    ),
    (
        ("events", 1, "basis"),
        "（2022）粤0114执1号",
        "events[1] (enforcement_filed)",
        "basis",
        "not declared",
    ),
    (
        ("events", 1, "case"),
        "（2022）粤0114民初1号",
        "events[1] (enforcement_filed)",
        "case",
        "not a enforcement",
    ),
    (("queries", 0, "ask"), "horoscope", "queries[q1]", "ask", "status"),
    (("queries", 0, "party"), "Z", "queries[q1]", "party", "not declared"),
]


@pytest.mark.parametrize(("path", "value", "where", "field", "words"), CASES)
def test_refused_with_place_and_field(
    path: tuple[Any, ...], value: Any, where: str, field: str, words: str
) -> None:
    with pytest.raises(TimelineError) as info:
        parse_timeline(mutate(path, value), "bad.yaml")
    err = info.value
    assert err.source == "bad.yaml"
    assert err.where == where
    assert err.field == field
    assert words in err.message
    assert str(err).startswith(f"bad.yaml: {where}" if where else "bad.yaml")


def test_duplicate_query_id() -> None:
    data = copy.deepcopy(BASE)
    data["queries"].append(dict(data["queries"][0]))
    with pytest.raises(TimelineError, match=r"queries\[q1\]: field 'id': .*twice"):
        parse_timeline(data, "dup.yaml")


def test_file_errors(tmp_path: Any) -> None:
    missing = tmp_path / "none.yaml"
    with pytest.raises(TimelineError, match="cannot read"):
        load_timeline(missing)
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: [unclosed\n", encoding="utf-8")
    with pytest.raises(TimelineError, match=r"broken\.yaml: not valid YAML"):
        load_timeline(broken)
    listed = tmp_path / "list.yaml"
    listed.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(TimelineError, match="mapping at the top level"):
        load_timeline(listed)


def test_json_is_read_too(tmp_path: Any) -> None:
    import json

    path = tmp_path / "case.json"
    path.write_text(json.dumps(BASE, default=str, ensure_ascii=False), encoding="utf-8")
    assert load_timeline(path).title == "测试案"
