"""The staff pages: login, the case list and a case file, each limited to the staff's courts."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from goodfaith.web.cases import models as db
from tests.conftest import PASSWORD, SCENARIOS, staff_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored() -> None:
    call_command(
        "import",
        str(SCENARIOS / "huadu-2022.timeline.yaml"),
        str(SCENARIOS / "zaoyang-2022.timeline.yaml"),
        stdout=io.StringIO(),
    )


def test_anonymous_is_sent_to_login(stored: None) -> None:
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    page = Client().get("/login/")
    assert "工作人员登录" in page.content.decode()


def test_wrong_password_is_refused(stored: None) -> None:
    get_user_model().objects.create_user("clerk", password=PASSWORD)
    response = Client().post("/login/", {"username": "clerk", "password": "wrong"})
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()


def test_login_then_case_list_shows_own_court_only(stored: None) -> None:
    client = Client()
    user = get_user_model().objects.create_user("huadu", password=PASSWORD)
    db.Staff.objects.create(user=user).courts.set(db.Court.objects.filter(code="粤0114"))
    response = client.post("/login/", {"username": "huadu", "password": PASSWORD})  # real login
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert "钟某某与刘某、邓某某执行实施案" in page
    assert "（2022）粤0114执4600号" in page
    assert "枣阳" not in page


def test_case_file_page_shows_log_and_state(stored: None) -> None:
    client = staff_of("zaoyang", "鄂0683")
    dispute = db.Dispute.objects.get(court__code="鄂0683")
    page = client.get(f"/disputes/{dispute.pk}/").content.decode()
    assert "纳入失信被执行人名单" in page
    assert "达成执行和解" in page
    assert "王某" in page


def test_other_courts_case_file_is_not_found(stored: None) -> None:
    client = staff_of("huadu", "粤0114")
    other = db.Dispute.objects.get(court__code="鄂0683")
    assert client.get(f"/disputes/{other.pk}/").status_code == 404


def test_staff_without_court_sees_nothing(stored: None) -> None:
    client = staff_of("nobody")
    page = client.get("/").content.decode()
    assert "暂无案件" in page


def test_login_is_throttled_after_five_failures(stored: None) -> None:
    get_user_model().objects.create_user("clerk", password=PASSWORD)
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "clerk", "password": "wrong"})
    locked = client.post("/login/", {"username": "clerk", "password": PASSWORD})
    assert locked.status_code == 429
    assert "登录已暂时锁定" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # another user name from the same address is not locked out
    get_user_model().objects.create_user("judge", password=PASSWORD)
    assert Client().post("/login/", {"username": "judge", "password": PASSWORD}).status_code == 302


def test_writes_are_checked_against_role_and_court(stored: None) -> None:
    from goodfaith.web.cases.actions import NotPermitted, do_record_event

    def user(name: str, codes: tuple[str, ...], roles: list[str]):  # type: ignore[no-untyped-def]
        u = get_user_model().objects.create_user(name, password=PASSWORD)
        s = db.Staff.objects.create(user=u, roles=roles)
        s.courts.set(db.Court.objects.filter(code__in=codes))
        return u

    judge = user("judge", ("粤0114",), ["enforcement_judge"])
    mediator = user("mediator", ("粤0114",), ["mediator"])
    outsider = user("outsider", ("鄂0683",), ["enforcement_judge"])
    huadu = db.Dispute.objects.get(court__code="粤0114")
    payment = {
        "on": "2022-06-29",
        "type": "measure_lifted",
        "case": "（2022）粤0114执4600号",
        "id": "M1",
    }
    for actor in (mediator, outsider):
        with pytest.raises(NotPermitted):
            do_record_event(huadu, payment, actor)
    assert huadu.events.count() == 13
    event = do_record_event(huadu, payment, judge)
    assert event.recorded_by == judge
    assert huadu.events.count() == 14


def test_inbox_shows_own_courts_tasks_and_the_case_page_the_rules(stored: None) -> None:
    from goodfaith.web.tasks.sweep import sweep

    call_command(
        "import", str(SCENARIOS / "conghua-pre-listing.timeline.yaml"), stdout=io.StringIO()
    )
    sweep(date(2025, 4, 9))
    conghua = staff_of("conghua", "粤0117", roles=("enforcement_judge",))
    page = conghua.get("/inbox/").content.decode()
    assert "拟纳入失信被执行人名单" in page and "（2025）粤0117执1001号" in page
    assert "已逾期" in page
    assert "删除失信信息" not in page  # the Zaoyang deletion task belongs to another court
    zaoyang = staff_of("zaoyang", "鄂0683", roles=("filing",))
    assert "删除失信信息" not in zaoyang.get("/inbox/").content.decode()  # a judge's task
    every = zaoyang.get("/inbox/", {"all": "1"}).content.decode()
    assert "删除失信信息" in every and "由执行法官处理" in every  # seen, not decided, by filing
    leader = staff_of("leader", "鄂0683", roles=("leadership",))
    assert "删除失信信息" in leader.get("/inbox/").content.decode()

    dispute = db.Dispute.objects.get(court__code="粤0117")
    case_page = conghua.get(f"/disputes/{dispute.pk}/?as_of=2025-04-09").content.decode()
    assert "规则审查（截至2025年4月9日）" in case_page
    assert "应当纳入失信被执行人名单" in case_page
    assert "《最高人民法院关于公布失信被执行人名单信息的若干规定》第1条第4项" in case_page
    before = conghua.get(f"/disputes/{dispute.pk}/?as_of=2025-04-08").content.decode()
    assert "暂缓纳入" in before


def test_a_judge_decides_proposals_and_the_decision_is_an_event(stored: None) -> None:
    from goodfaith.web.tasks.models import Task
    from goodfaith.web.tasks.sweep import sweep

    call_command(
        "import", str(SCENARIOS / "conghua-pre-listing.timeline.yaml"), stdout=io.StringIO()
    )
    sweep(date(2025, 4, 9))
    task = Task.objects.get(proposal="listing")
    mediator = staff_of("mediator", "粤0117", roles=("mediator",))
    denied = mediator.post(
        f"/tasks/{task.pk}/decide/", {"decision": "accept", "on": "2025-04-09"}, follow=True
    )
    assert "该事项由执行法官处理。" in denied.content.decode()
    outsider = staff_of("outsider", "鄂0683", roles=("enforcement_judge",))
    assert outsider.post(f"/tasks/{task.pk}/decide/", {"decision": "accept"}).status_code == 404

    judge = staff_of("judge", "粤0117", roles=("enforcement_judge",))
    no_reason = judge.post(f"/tasks/{task.pk}/decide/", {"decision": "reject"}, follow=True)
    assert "请写明理由" in no_reason.content.decode()
    done = judge.post(
        f"/tasks/{task.pk}/decide/", {"decision": "accept", "on": "2025-04-09"}, follow=True
    )
    assert "已采纳建议并记录" in done.content.decode()
    dispute = db.Dispute.objects.get(court__code="粤0117")
    listed = dispute.events.get(type="listed")
    assert listed.payload["items"] == [4] and listed.payload["period_years"] == 2
    assert listed.recorded_by.username == "judge"
    assert db.PartyState.objects.get(dispute=dispute, dispute_party__key="D").listed
    task.refresh_from_db()
    assert task.decision == "accepted" and task.done_at is not None
    again = judge.post(f"/tasks/{task.pk}/decide/", {"decision": "accept"}, follow=True)
    assert "该事项已经处理" in again.content.decode()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("(2022)粤0114执4600号", "钟某某"),  # half-width brackets: normalised
        ("（2021）粤0114民初12877号", "钟某某"),  # the basis case finds the dispute too
        ("邓某", "钟某某"),  # part of a party's name
        ("420683199007043314", "枣阳"),  # identity number
        ("不存在的人", None),
    ],
)
def test_case_search(stored: None, query: str, found: str | None) -> None:
    client = staff_of("both", "粤0114", "鄂0683")
    page = client.get("/", {"q": query}).content.decode()
    rows = page.count("<tr>") - 1  # minus the header row
    if found is None:
        assert "没有找到" in page
    else:
        assert found in page and rows == 1


def test_search_never_crosses_courts(stored: None) -> None:
    client = staff_of("huadu", "粤0114")
    assert "没有找到" in client.get("/", {"q": "420683199007043314"}).content.decode()


PERSONAS = {"owner": ("粤0114",), "outsider": ("鄂0683",)}


@pytest.mark.parametrize("persona", ["owner", "outsider", "anonymous"])
def test_every_view_checks_court(
    stored: None, persona: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from goodfaith.core.documents.signing import new_private_key_b64
    from goodfaith.web.documents.actions import do_issue_document
    from goodfaith.web.tasks.models import Task
    from goodfaith.web.tasks.sweep import sweep

    monkeypatch.setenv("GOODFAITH_SIGNING_KEY", new_private_key_b64())

    sweep(date(2022, 7, 1))
    dispute = db.Dispute.objects.get(court__code="粤0114")
    Task.objects.create(
        dispute=dispute, court=dispute.court, key="k", kind="deletion_due",
        case_number="（2022）粤0114执4600号", due=date(2022, 7, 1), proposal="none", reason="测试事项",
    )  # fmt: skip
    task = Task.objects.get(key="k")
    doc = do_issue_document(dispute, "enforcement_notice", "D1", on=date(2022, 6, 15))
    roles = ("enforcement_judge",)
    client = (
        Client() if persona == "anonymous" else staff_of(persona, *PERSONAS[persona], roles=roles)
    )
    responses = {
        "record": client.get(f"/disputes/{dispute.pk}/record/", {"type": "payment"}),
        "certificate": client.post(f"/disputes/{dispute.pk}/certificate/", {"party": "D1"}),
        "pdf": client.get(f"/documents/{doc.pk}.pdf"),
        "supervision": client.get("/supervision/", {"as_of": "2022-06-20"}),
        "list": client.get("/"),
        "inbox": client.get("/inbox/"),
        "case": client.get(f"/disputes/{dispute.pk}/"),
        "decide": client.post(f"/tasks/{task.pk}/decide/", {"decision": "reject", "reason": "x"}),
    }
    if persona == "anonymous":
        assert all(r.status_code == 302 and "/login/" in r["Location"] for r in responses.values())
    elif persona == "outsider":
        assert "钟某某" not in responses["list"].content.decode()
        assert "测试事项" not in responses["inbox"].content.decode()
        for name in ("case", "decide", "record", "certificate", "pdf"):
            assert responses[name].status_code == 404, name
    else:
        assert "钟某某" in responses["list"].content.decode()
        assert "测试事项" in responses["inbox"].content.decode()
        assert responses["case"].status_code == 200
        assert responses["decide"].status_code == 302
        assert responses["record"].status_code == 200
        assert responses["certificate"].status_code == 302
        assert responses["pdf"].content.startswith(b"%PDF")
    if persona != "anonymous":  # Huadu's enforcement case is open on 2022-06-20 (no warnings)
        assert responses["supervision"].status_code == 200
    task.refresh_from_db()
    assert (task.decision == "rejected") == (persona == "owner")


def test_recording_an_event_from_the_form(stored: None) -> None:
    judge = staff_of("judge", "粤0114", roles=("enforcement_judge",))
    dispute = db.Dispute.objects.get(court__code="粤0114")
    url = f"/disputes/{dispute.pk}/record/"
    form = judge.get(url, {"type": "payment"}).content.decode()
    assert "金额（元）" in form and "钟某某（P1）" in form
    assert "法律文书生效" not in form  # a judge does not record judgments; nested forms excluded

    bad = judge.post(
        url,
        {
            "type": "payment",
            "on": "2022-06-29",
            "case": "（2022）粤0114执4600号",
            "party": "D2",
            "amount": "-5",
        },
    )
    assert bad.status_code == 400
    assert "请填写不为负数、最多两位小数的金额。" in bad.content.decode()
    missing = judge.post(
        url,
        {"type": "payment", "on": "2022-06-29", "case": "（2022）粤0114执4600号", "amount": "5"},
    )
    assert "此项为必填项。" in missing.content.decode()
    assert dispute.events.count() == 13  # nothing stored

    ok = judge.post(
        url,
        {
            "type": "exit_restricted",
            "on": "2022-06-29",
            "case": "（2022）粤0114执4600号",
            "party": "D2",
        },
        follow=True,
    )
    assert "已记录：限制出境。" in ok.content.decode()
    assert db.PartyState.objects.get(dispute=dispute, dispute_party__key="D2").exit_restricted

    mediator = staff_of("mediator", "粤0114", roles=("mediator",))
    refused = mediator.post(
        url,
        {
            "type": "exit_restricted",
            "on": "2022-06-30",
            "case": "（2022）粤0114执4600号",
            "party": "D1",
        },
    )
    assert "限制出境" not in refused.content.decode().split("<select")[1]  # not offered
    assert dispute.events.count() == 14
    outsider = staff_of("outsider", "鄂0683", roles=("enforcement_judge",))
    assert outsider.get(url).status_code == 404


def test_certificate_is_issued_once_and_only_to_an_eligible_debtor(
    stored: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from goodfaith.core.documents.signing import new_private_key_b64

    monkeypatch.setenv("GOODFAITH_SIGNING_KEY", new_private_key_b64())
    dispute = db.Dispute.objects.get(court__code="粤0114")
    url = f"/disputes/{dispute.pk}/certificate/"
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    refused = clerk.post(url, {"party": "D1"}, follow=True).content.decode()
    assert "您的岗位无权出具证明书" in refused
    judge = staff_of("judge", "粤0114", roles=("enforcement_judge",))
    page = judge.get(f"/disputes/{dispute.pk}/").content.decode()
    assert page.count("出具主动履行证明书") == 2  # both debtors of the Huadu case are eligible
    ok = judge.post(url, {"party": "D1", "as_of": "2022-07-01"}, follow=True).content.decode()
    assert "已出具主动履行证明书（（2022）粤0114证1号）" in ok
    event = dispute.events.get(type="certificate_issued")
    assert event.payload["document"] == "active_performance_certificate"
    assert event.recorded_by.username == "judge" and str(event.on) == "2022-07-01"
    assert ok.count("出具主动履行证明书</button>") == 1  # D2's button remains, D1's is gone
    again = judge.post(url, {"party": "D1"}, follow=True).content.decode()
    assert "不重复出具" in again
    assert dispute.documents.filter(party_key="D1").count() == 1
    creditor = judge.post(url, {"party": "P1"}, follow=True).content.decode()
    assert "不能出具" in creditor and dispute.documents.count() == 1
    log = ok[ok.index("案件档案") :]
    assert "财产类型：银行账户" in log and "当事人：刘某（D1）" in log  # the log speaks Chinese


def test_accepting_a_certificate_proposal_issues_the_certificate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from goodfaith.core.documents.signing import new_private_key_b64
    from goodfaith.web.tasks.models import Task
    from goodfaith.web.tasks.sweep import sweep
    from tests.conftest import DEMO

    monkeypatch.setenv("GOODFAITH_SIGNING_KEY", new_private_key_b64())
    call_command("import", str(DEMO / "conghua-2024.timeline.yaml"), stdout=io.StringIO())
    sweep(date(2025, 4, 9))
    task = Task.objects.get(proposal="certificate_and_lifting")  # commitment performed in time
    judge = staff_of("judge", "粤0117", roles=("enforcement_judge",))
    page = judge.post(
        f"/tasks/{task.pk}/decide/", {"decision": "accept", "on": "2025-04-09"}, follow=True
    ).content.decode()
    assert "已采纳建议" in page, page[page.find("messages") : page.find("messages") + 400]
    doc = task.dispute.documents.get()
    assert doc.kind == "automatic_performance_certificate" and doc.party_key == task.party_key
    assert task.dispute.events.filter(type="certificate_issued").count() == 1


def test_registration_takes_the_next_number_of_the_courts_series(stored: None) -> None:
    from django.utils import timezone

    year = timezone.localdate().year
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    dispute = db.Dispute.objects.get(court__code="粤0114")
    url = f"/disputes/{dispute.pk}/record/"
    other = db.Dispute.objects.get(court__code="鄂0683")  # a number taken in another case file
    db.Case.objects.create(
        number=f"（{year}）粤0114执前调7号", court=dispute.court, dispute=other,
        kind="pre_enforcement", opened_on=date(year, 1, 2),
    )  # fmt: skip
    form = clerk.get(url, {"type": "pre_enforcement_registered"}).content.decode()
    assert f'value="（{year}）粤0114执前调8号"' in form
    assert "<option selected>（2021）粤0114民初12877号</option>" in form  # basis: the judgment
    filing = clerk.get(url, {"type": "enforcement_filed"}).content.decode()
    assert f'value="（{year}）粤0114执1号"' in filing  # the 执 series is its own
    assert 'value="P1" checked' in filing and 'value="D1" checked' in filing
    taken = clerk.post(
        url,
        {
            "type": "pre_enforcement_registered",
            "on": f"{year}-01-03",
            "case": f"（{year}）粤0114执前调7号",
            "basis": "（2021）粤0114民初12877号",
        },
    )
    assert taken.status_code == 400
    assert "该案号已被使用（属于（2021）鄂0683民初" in taken.content.decode()
    assert not dispute.events.filter(type="pre_enforcement_registered").exists()


def test_settlement_with_instalments_from_the_form_and_a_missed_one_raises_a_task() -> None:
    from goodfaith.web.tasks.models import Task
    from goodfaith.web.tasks.sweep import sweep

    call_command(
        "import", str(SCENARIOS / "conghua-pre-listing.timeline.yaml"), stdout=io.StringIO()
    )
    dispute = db.Dispute.objects.get(court__code="粤0117")
    judge = staff_of("judge", "粤0117", roles=("enforcement_judge",))
    url = f"/disputes/{dispute.pk}/record/"
    form = judge.get(url, {"type": "settlement_agreed"}).content.decode()
    assert "第8期履行日期" in form and "分期履行计划" in form
    case = "（2025）粤0117执1001号"
    bad = judge.post(
        url,
        {"type": "settlement_agreed", "on": "2025-04-01", "case": case, "parties": ["D"],
         "installments-0-due": "2025-04-30", "installments-0-amount": "abc"},
    )  # fmt: skip
    assert bad.status_code == 400 and 'value="abc"' in bad.content.decode()  # kept for fixing
    ok = judge.post(
        url,
        {"type": "settlement_agreed", "on": "2025-04-01", "case": case, "parties": ["D"],
         "installments-0-due": "2025-04-30", "installments-0-amount": "50000.00",
         "installments-1-due": "2025-05-30", "installments-1-amount": "100000.00"},
        follow=True,
    )  # fmt: skip
    assert "已记录：达成执行和解。" in ok.content.decode()
    event = dispute.events.get(type="settlement_agreed")
    assert event.payload["installments"] == [
        {"due": "2025-04-30", "amount": "50000.00"},
        {"due": "2025-05-30", "amount": "100000.00"},
    ]
    sweep(date(2025, 5, 6))
    task = Task.objects.get(kind="installment_due")
    assert task.proposal == "check_settlement" and "第1期" in task.reason


def test_repair_application_with_its_conditions_from_the_form() -> None:
    call_command(
        "import", str(SCENARIOS / "conghua-pre-listing.timeline.yaml"), stdout=io.StringIO()
    )
    dispute = db.Dispute.objects.get(court__code="粤0117")
    judge = staff_of("judge", "粤0117", roles=("enforcement_judge",))
    url = f"/disputes/{dispute.pk}/record/"
    form = judge.get(url, {"type": "repair_applied"}).content.decode()
    assert "如实报告财产" in form and "屏蔽失信信息（shield）" in form
    judge.post(
        url,
        {"type": "repair_applied", "on": "2025-04-10", "case": "（2025）粤0117执1001号",
         "party": "D", "conditions-reports_property": "true",
         "conditions-contact_details": "false", "conditions-performance_plan": "",
         "effects": ["shield", "lift_consumption"]},
    )  # fmt: skip
    event = dispute.events.get(type="repair_applied")
    assert event.payload["conditions"] == {"reports_property": True, "contact_details": False}
    assert event.payload["effects"] == ["shield", "lift_consumption"]


PANEL_CASE = """format: goodfaith-timeline/1
title: 拍卖启动后履行（花都，合议庭讨论）
court: 粤0114
court_name: 广州市花都区人民法院
policy: huadu-2022
parties:
  P: {name: 甲公司, kind: unit}
  D: {name: 乙某, kind: person}
events:
  - on: 2023-01-05
    type: judgment_effective
    case: （2022）粤0114民初900号
    document: judgment
    creditors: [P]
    debtors: [D]
    obligations: [{id: O1, kind: money, amount: "300000.00", debtors: [D], liability: several, shares: {D: "300000.00"}}]
    due: 2023-01-15
  - {on: 2023-02-01, type: enforcement_filed, case: （2023）粤0114执200号, basis: （2022）粤0114民初900号, applicants: [P], respondents: [D]}
  - {on: 2023-02-01, type: document_served, case: （2023）粤0114执200号, document: enforcement_notice, to: [D]}
  - {on: 2023-02-03, type: measure_applied, case: （2023）粤0114执200号, party: D, id: M1, measure: seal, asset: vehicle, value: "80000.00"}
  - {on: 2023-04-03, type: auction_started, case: （2023）粤0114执200号, party: D}
  - {on: 2023-04-10, type: payment, case: （2023）粤0114执200号, party: D, amount: "300000.00"}
  - {on: 2023-04-10, type: case_closed, case: （2023）粤0114执200号, reason: performed}
"""


@pytest.mark.parametrize("grant", [True, False])
def test_the_panel_decides_what_the_rules_leave_to_it(tmp_path: object, grant: bool) -> None:
    from pathlib import Path

    from goodfaith.core.answers import answer
    from goodfaith.core.timeline.model import Query
    from goodfaith.web.cases.timelines import dispute_timeline
    from goodfaith.web.tasks.models import Task
    from goodfaith.web.tasks.sweep import sweep

    path = Path(str(tmp_path)) / "panel.timeline.yaml"
    path.write_text(PANEL_CASE, encoding="utf-8")
    call_command("import", str(path), stdout=io.StringIO())
    sweep(date(2023, 4, 12))
    task = Task.objects.get(kind="panel_certificate")
    assert (task.role, task.proposal, task.party_key) == ("panel", "panel_certificate", "D")
    judge = staff_of("judge", "粤0114", roles=("enforcement_judge",))
    refused = judge.post(f"/tasks/{task.pk}/decide/", {"decision": "accept"}, follow=True)
    assert "该事项由合议庭成员处理。" in refused.content.decode()
    member = staff_of("member", "粤0114", roles=("panel",))
    assert "合议庭讨论" in member.get("/inbox/").content.decode()
    decision = {"decision": "accept" if grant else "reject", "on": "2023-04-12"}
    if not grant:
        decision["reason"] = "拍卖启动后方履行，不宜出具"
    member.post(f"/tasks/{task.pk}/decide/", decision)
    dispute = task.dispute
    event = dispute.events.get(type="panel_decided")
    assert event.payload["grant"] is grant and event.recorded_by.username == "member"
    t = dispute_timeline(dispute)
    a = answer(t, Query(id="q", on=date(2023, 4, 12), ask="certificate", party="D"))
    assert a.outcome == ("eligible" if grant else "ineligible")
    assert sweep(date(2023, 4, 13)).created == 0  # decided: no new task


def test_statistics_for_leadership_of_their_courts(stored: None) -> None:
    leader = staff_of("leader", "粤0114", roles=("leadership",))
    page = leader.get("/statistics/", {"from": "2022-01-01", "to": "2022-12-31"}).content.decode()
    table = page[page.index('id="statistics"') :]
    assert "广州市花都区人民法院" in table and "枣阳" not in table
    assert "20650000.00" in table  # recovered in the Huadu enforcement in 2022
    judge = staff_of("judge", "粤0114", roles=("enforcement_judge",))
    assert judge.get("/statistics/").status_code == 403
    assert Client().get("/statistics/").status_code == 302


def test_statistics_command(stored: None) -> None:
    import json

    out = io.StringIO()
    call_command(
        "statistics", "--court", "粤0114", "--from", "2022-01-01", "--to", "2022-12-31", "--json",
        stdout=out,
    )  # fmt: skip
    data = json.loads(out.getvalue())
    assert data["documents"] == 1 and data["enforced"] == 1 and data["automatic_rate"] == 0
    assert data["amount_recovered"] == "20650000.00" and data["enforcement_closed"] == 1
