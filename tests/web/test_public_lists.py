"""The lists in public: only what the case file publishes, masked, rate-limited."""

from __future__ import annotations

import json
import random
import re
from datetime import date
from typing import Any

import pytest
from django.test import Client

from goodfaith.core.lists import entries
from goodfaith.core.state import fold
from goodfaith.core.timeline.load import parse_timeline
from goodfaith.core.values.identity import make_resident_id
from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import InvalidEvent, do_import, do_record_event
from goodfaith.web.lists.models import PublicRecord
from tests.conftest import clear_limits

pytestmark = pytest.mark.django_db
FULL_ID = re.compile(r"\d{17}[\dX]")
CASE = "（2025）粤0117执{n}号"


def person(key: str, name: str, birth: date, serial: int = 31) -> dict[str, Any]:
    return {
        "key": key,
        "name": name,
        "kind": "person",
        "id_number": make_resident_id("440117", birth, serial),
    }


def timeline(n: int, debtor: dict[str, Any], *events: dict[str, Any]) -> dict[str, Any]:
    """A Conghua case: judgment, enforcement filing, then ``events`` (on the enforcement case)."""
    key = debtor["key"]
    case = CASE.format(n=n)
    body = [
        {
            "on": "2025-01-10", "type": "judgment_effective", "case": f"（2024）粤0117民初{n}号",
            "document": "judgment", "creditors": ["C"], "debtors": [key],
            "obligations": [{"id": "O1", "kind": "money", "amount": "50000.00", "debtors": [key],
                             "liability": "several", "shares": {key: "50000.00"},
                             "description": "偿还借款50000元"}],
            "due": "2025-01-20",
        },
        {"on": "2025-03-03", "type": "enforcement_filed", "case": case,
         "basis": f"（2024）粤0117民初{n}号", "applicants": ["C"], "respondents": [key]},
    ]  # fmt: skip
    body += [{"case": case, "party": key, **e} for e in events]
    parties = {"C": {"name": "陈某", "kind": "person"}}
    parties[key] = {k: v for k, v in debtor.items() if k != "key"}
    return {
        "format": "goodfaith-timeline/1",
        "title": f"测试案件{n}",
        "court": "粤0117",
        "court_name": "广州市从化区人民法院",
        "policy": "conghua-2022",
        "parties": parties,
        "events": body,
    }


LISTED = {"on": "2025-04-09", "type": "listed", "items": [1], "period_years": 2}
RESTRICTED = {"on": "2025-04-09", "type": "consumption_restricted"}


def store(*data: dict[str, Any]) -> None:
    do_import([(parse_timeline(d, f"t{i}"), f"t{i}") for i, d in enumerate(data)])


def query(client: Client, name: str, id_number: str) -> Any:
    return client.get("/api/public/dishonest", {"name": name, "id_number": id_number})


@pytest.fixture(autouse=True)
def fresh_limits() -> None:
    clear_limits()


def test_a_listed_person_is_found_masked_with_the_fields_of_art_6() -> None:
    d = person("D", "林某", date(1985, 3, 7))
    store(timeline(1, d, LISTED, RESTRICTED))
    response = query(Client(), "林某", d["id_number"])
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    (entry,) = body["entries"]
    assert entry["id_number"] == d["id_number"][:10] + "****" + d["id_number"][14:]
    assert entry["gender"] == "男" and entry["age"] == date.today().year - 1985 - (
        (date.today().month, date.today().day) < (3, 7)
    )
    assert entry["case_number"] == "（2025）粤0117执1号" and entry["filed_on"] == "2025-03-03"
    assert entry["basis_number"] == "（2024）粤0117民初1号"
    assert entry["basis_issuer"] == "广州市从化区人民法院"
    assert entry["duty"] == "偿还借款50000元" and entry["performance"] == "全部未履行"
    assert entry["conduct"] == ["有履行能力而拒不履行生效法律文书确定义务"]
    assert entry["published_on"] == "2025-04-09"
    assert body["restrictions"][0]["kind_of_restriction"] == "consumption"
    assert not FULL_ID.search(response.content.decode())
    assert query(Client(), "林某某", d["id_number"]).json()["count"] == 0  # name must match too


def test_shielded_deleted_and_minor_entries_are_never_returned() -> None:
    s = person("S", "屏蔽某", date(1980, 1, 2))
    x = person("X", "删除某", date(1981, 5, 6))
    minor = person("M", "少年某", date.today().replace(year=date.today().year - 16))
    store(
        timeline(2, s, LISTED, {"on": "2025-05-01", "type": "shielded"}),
        timeline(3, x, LISTED, {"on": "2025-05-01", "type": "delisted", "reason": "履行完毕"}),
        timeline(4, minor, LISTED),
    )
    for p in (s, x, minor):
        response = query(Client(), p["name"], p["id_number"])
        assert response.status_code == 200 and response.json()["count"] == 0
        assert p["name"] not in response.content.decode()
    assert not PublicRecord.objects.filter(name__in=["屏蔽某", "删除某"]).exists()


def test_a_deletion_recorded_in_the_workbench_leaves_the_public_list_in_the_same_transaction() -> (
    None
):
    d = person("D", "林某", date(1985, 3, 7))
    store(timeline(5, d, LISTED))
    assert query(Client(), "林某", d["id_number"]).json()["count"] == 1
    dispute = db.Dispute.objects.get()
    with pytest.raises(InvalidEvent):  # a refused event leaves the published entry as it was
        do_record_event(
            dispute,
            {"on": "2025-06-02", "type": "shielded", "case": CASE.format(n=5), "party": "Q"},
        )
    assert query(Client(), "林某", d["id_number"]).json()["count"] == 1
    do_record_event(
        dispute,
        {"on": "2025-06-03", "type": "delisted", "case": CASE.format(n=5), "party": "D",
         "reason": "履行完毕"},
    )  # fmt: skip
    assert query(Client(), "林某", d["id_number"]).json()["count"] == 0
    assert PublicRecord.objects.count() == 0


def test_the_state_machine_of_a_listing_with_its_legal_basis() -> None:
    d = person("D", "林某", date(1985, 3, 7))
    events = (
        {"on": "2025-03-24", "type": "document_served", "document": "pre_listing_notice",
         "to": ["D"], "deadline": "2025-04-08"},
        LISTED,
        {"on": "2025-05-01", "type": "shielded"},
        {"on": "2025-06-01", "type": "unshielded"},
        {"on": "2025-07-01", "type": "delisted", "reason": "履行完毕"},
    )  # fmt: skip
    data = timeline(6, d, *events)
    for e in data["events"]:
        if e["type"] == "document_served":
            e.pop("party")
    t = parse_timeline(data)
    states = {}
    for on in ("2025-03-30", "2025-04-09", "2025-05-02", "2025-06-02", "2025-07-02"):
        (entry,) = [x for x in entries(fold(t.parties, t.events, date.fromisoformat(on)))]
        states[on] = entry.state
    assert states == {
        "2025-03-30": "warned",
        "2025-04-09": "published",
        "2025-05-02": "shielded",
        "2025-06-02": "published",
        "2025-07-02": "deleted",
    }
    history = entry.history
    assert [h.event for h in history] == [
        "pre_listing_notice", "listed", "shielded", "unshielded", "delisted",
    ]  # fmt: skip
    assert all(h.basis for h in history)
    assert "第十条" in history[-1].basis


def test_bad_queries_name_the_field() -> None:
    client = Client()
    valid = make_resident_id("440117", date(1985, 3, 7), 123)
    assert query(client, "", valid).json()["field"] == "name"
    wrong = valid[:17] + ("0" if valid[17] != "0" else "1")  # a wrong check digit
    bad = query(client, "林某", wrong)
    assert bad.status_code == 400 and bad.json()["field"] == "id_number"
    assert "不正确" in bad.json()["error"]


def test_queries_are_rate_limited_per_client(settings: Any) -> None:
    settings.PUBLIC_QUERY_RATE = "3/m"
    client = Client(REMOTE_ADDR="10.0.0.7")
    valid = make_resident_id("440117", date(1985, 3, 7), 123)
    codes = [query(client, "林某", valid).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    other = Client(REMOTE_ADDR="10.0.0.8")
    assert query(other, "林某", valid).status_code == 200


def test_no_full_identity_number_in_any_public_response_over_generated_data() -> None:
    rng = random.Random(11)
    people = []
    for n in range(60):
        born = date(rng.randint(1950, 2000), rng.randint(1, 12), rng.randint(1, 28))
        people.append(person("D", f"甲{n}某", born, rng.randint(0, 999)))
    events = [LISTED, RESTRICTED]
    store(*(timeline(100 + n, p, *events) for n, p in enumerate(people)))
    client = Client()
    found = 0
    for p in people:
        for name in (p["name"], "不存在"):
            response = query(client, name, p["id_number"])
            text = response.content.decode()
            assert not FULL_ID.search(text), text
            found += json.loads(text)["count"]
        clear_limits()
    assert found == 2 * len(people)
    for p in people[:10]:  # the HTML page, challenge answered, and the honest list
        form = client.get("/public/dishonest/").content.decode()
        token = re.search(r'name="token" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
        a, b = map(int, re.search(r"(\d+) \+ (\d+) =", form).groups())  # type: ignore[union-attr]
        page = client.post(
            "/public/dishonest/",
            {"name": p["name"], "id_number": p["id_number"], "token": token, "answer": a + b},
        ).content.decode()
        assert p["name"] in page and "失信被执行人" in page
        assert not FULL_ID.search(page)
        clear_limits()
    assert not FULL_ID.search(client.get("/public/honest/").content.decode())


def test_the_review_proposes_deletions_of_dormant_entries_once() -> None:
    import io

    from django.core.management import call_command

    from goodfaith.web.tasks.models import Task

    paid = {"on": "2025-05-06", "type": "payment", "amount": "50000.00"}
    term = {"on": "2025-04-09", "type": "listed", "items": [4], "period_years": 1}
    d, e, f = (person(k, f"{k}某", date(1980, 1, 2), n) for n, k in enumerate("DEF"))
    store(timeline(7, d, LISTED, paid), timeline(8, e, term), timeline(9, f, LISTED))
    out = io.StringIO()
    call_command("lists", "review", "--as-of", "2026-05-06", stdout=out)
    assert "3 case files" in out.getvalue() and "2 new deletion proposals" in out.getvalue()
    reasons = sorted(Task.objects.values_list("kind", "case_number"))
    assert reasons == [
        ("deletion_due", "（2025）粤0117执7号"),  # performed: art. 10, three working days
        ("listing_term_end", "（2025）粤0117执8号"),  # the one-year term ran out
    ]
    call_command("lists", "review", "--as-of", "2026-05-07", stdout=out)
    assert Task.objects.count() == 2
    call_command("lists", "rebuild", stdout=out)
    assert PublicRecord.objects.filter(list="dishonest").count() == 3  # still published


def test_staff_see_their_courts_entries_with_state_and_basis() -> None:
    from tests.conftest import staff_of

    s = person("S", "屏蔽某", date(1980, 1, 2))
    store(timeline(10, s, LISTED, RESTRICTED, {"on": "2025-05-01", "type": "shielded"}))
    judge = staff_of("judge", "粤0117", roles=("enforcement_judge",))
    page = judge.get("/lists/", {"as_of": "2025-06-01"}).content.decode()
    assert "屏蔽某" in page and "已屏蔽" in page and "限制中" in page
    assert "第十条" in page  # the basis of the shielding
    earlier = judge.get("/lists/", {"as_of": "2025-04-20", "state": "published"}).content.decode()
    assert "屏蔽某" in earlier and "已屏蔽" not in earlier.split("<table")[-1]
    outsider = staff_of("outsider", "粤0114", roles=("enforcement_judge",))
    assert "屏蔽某" not in outsider.get("/lists/").content.decode()
    assert Client().get("/lists/").status_code == 302


def test_the_query_page_needs_the_challenge_and_never_echoes_the_number() -> None:
    d = person("D", "林某", date(1985, 3, 7))
    store(timeline(11, d, LISTED))
    client = Client()
    form = client.get("/public/dishonest/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
    wrong = client.post(
        "/public/dishonest/",
        {"name": "林某", "id_number": d["id_number"], "token": token, "answer": "99"},
    )
    assert wrong.status_code == 400 and "验证题答案不正确" in wrong.content.decode()
    forged = client.post(
        "/public/dishonest/",
        {"name": "林某", "id_number": d["id_number"], "token": token + "x", "answer": "2"},
    )
    assert forged.status_code == 400 and "林某 <span" not in forged.content.decode()
    assert d["id_number"] not in wrong.content.decode() + forged.content.decode()
