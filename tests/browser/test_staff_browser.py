"""The staff pages in a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from goodfaith.web.cases import models as db
from tests.browser.conftest import ARTIFACTS, PASSWORD, login
from tests.conftest import SCENARIOS

pytestmark = pytest.mark.django_db(transaction=True)


def test_login_and_open_a_case_file(browser, live_server) -> None:  # type: ignore[no-untyped-def]
    call_command(
        "import",
        str(SCENARIOS / "huadu-2022.timeline.yaml"),
        str(SCENARIOS / "zaoyang-2022.timeline.yaml"),
        stdout=io.StringIO(),
    )
    user = get_user_model().objects.create_user("huadu", password=PASSWORD)
    db.Staff.objects.create(user=user).courts.set(db.Court.objects.filter(code="粤0114"))

    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(f"{live_server.url}/")
    assert "/login/" in page.url
    page.fill("input[name=username]", "huadu")
    page.fill("input[name=password]", "wrong password")
    page.click("button[type=submit]")
    assert page.locator("[role=alert]").inner_text() == "用户名或密码不正确，请重新输入。"

    page.fill("input[name=username]", "huadu")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("table.grid")
    rows = page.locator("table.grid tbody tr")
    assert rows.count() == 1  # the Zaoyang case belongs to another court
    assert "（2022）粤0114执4600号" in rows.first.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "case-list.png"), full_page=True)

    page.click("text=钟某某与刘某、邓某某执行实施案")
    page.wait_for_selector("ol.log")
    assert page.locator("ol.log li").count() == 13
    assert "已结案" in page.locator("table.grid").inner_text()
    page.screenshot(path=str(ARTIFACTS / "case-file.png"), full_page=True)
    page.close()


def test_conghua_pre_listing_to_listing_proposal(browser, live_server) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from goodfaith.web.tasks.sweep import sweep

    call_command(
        "import", str(SCENARIOS / "conghua-pre-listing.timeline.yaml"), stdout=io.StringIO()
    )
    judge = get_user_model().objects.create_user("judge", password=PASSWORD)
    staff = db.Staff.objects.create(user=judge, roles=["enforcement_judge"])
    staff.courts.set(db.Court.objects.filter(code="粤0117"))

    page = browser.new_page(viewport={"width": 1200, "height": 900})
    login(page, live_server.url, "judge")
    page.wait_for_selector("table.grid")

    sweep(date(2025, 4, 8))  # the deadline day still belongs to the debtor: no task yet
    page.click("text=待办")
    assert page.locator("text=暂无待办事项").count() == 1

    sweep(date(2025, 4, 9))  # the day after the deadline: the listing is proposed
    page.reload()
    row = page.locator("#tasks tbody tr").first
    assert "拟纳入失信被执行人名单" in row.inner_text()
    assert "已逾期" in row.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "inbox.png"), full_page=True)

    row.locator("a").click()
    page.wait_for_selector("form.asof")
    page.fill("input[name=as_of]", "2025-04-09")
    page.click("form.asof button")
    page.wait_for_selector("section.answers")
    answers = page.locator("section.answers").first.inner_text()
    assert "应当纳入失信被执行人名单" in answers
    assert "第1条第4项" in answers
    page.screenshot(path=str(ARTIFACTS / "case-rules.png"), full_page=True)

    # the judge accepts the proposal: the listing becomes an event of the case file
    page.click("text=待办")
    page.fill("#tasks input[name=on]", "2025-04-09")
    page.click("#tasks button[value=accept]")
    page.wait_for_selector(".messages .success")
    assert "已采纳建议并记录" in page.locator(".messages").inner_text()
    assert page.locator("text=暂无待办事项").count() == 1
    page.click("text=案件")
    assert "已纳入" in page.locator("table.grid").inner_text()
    page.close()


def _record(page, event_type: str, fields: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    page.click("text=记录事项")
    page.select_option("select[name=type]", event_type)
    page.click("form.search button")
    for name, value in fields.items():
        if isinstance(value, list):
            for v in value:
                page.check(f"input[name={name}][value={v}]")
        elif page.locator(f"select[name={name}]").count():
            page.select_option(f"select[name={name}]", str(value))
        else:
            page.fill(f"input[name={name}]", str(value))
    page.click("form.record button[type=submit]")
    page.wait_for_selector(".messages .success")


def test_huadu_from_filing_to_certificate(browser, live_server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from goodfaith.core.documents.signing import new_private_key_b64
    from goodfaith.core.timeline.load import read_yaml

    monkeypatch.setenv("GOODFAITH_SIGNING_KEY", new_private_key_b64())
    data = read_yaml((SCENARIOS / "huadu-2022.timeline.yaml").read_text(encoding="utf-8"))
    data["events"], data["queries"] = data["events"][:1], []  # the judgment only
    import tempfile

    import yaml

    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as f:
        yaml.safe_dump(data, f, allow_unicode=True)
    call_command("import", f.name, stdout=io.StringIO())
    court = db.Court.objects.filter(code="粤0114")
    for name, role in (("clerk", "filing"), ("judge", "enforcement_judge")):
        user = get_user_model().objects.create_user(name, password=PASSWORD)
        db.Staff.objects.create(user=user, roles=[role]).courts.set(court)
    case = "（2022）粤0114执4600号"

    page = browser.new_page(viewport={"width": 1200, "height": 900})
    login(page, live_server.url, "clerk")  # 立案庭: files the enforcement case
    page.click("text=钟某某与刘某")
    _record(
        page,
        "enforcement_filed",
        {
            "on": "2022-06-15",
            "case": case,
            "basis": "（2021）粤0114民初12877号",
            "applicants": ["P1"],
            "respondents": ["D1", "D2"],
        },
    )
    page.click("button:has-text('退出登录')")

    login(page, live_server.url, "judge")  # 执行法官: notices, control measures, payment, closure
    page.click("text=钟某某与刘某")
    _record(
        page,
        "document_served",
        {"on": "2022-06-15", "case": case, "document": "enforcement_notice", "to": ["D1", "D2"]},
    )
    _record(
        page,
        "measure_applied",
        {
            "on": "2022-06-16",
            "case": case,
            "party": "D1",
            "id": "M1",
            "measure": "freeze",
            "asset": "bank_account",
        },
    )
    _record(
        page, "payment", {"on": "2022-06-28", "case": case, "party": "D1", "amount": "20650000.00"}
    )
    _record(page, "case_closed", {"on": "2022-06-28", "case": case, "reason": "performed"})

    page.fill("form.asof input[name=as_of]", "2022-06-30")  # the rules as of after closure
    page.click("form.asof button")
    page.wait_for_selector("text=规则审查（截至2022年6月30日）")
    page.click("button:has-text('出具主动履行证明书')")
    page.wait_for_selector(".messages .success")
    message = page.locator(".messages").inner_text()
    assert "已出具主动履行证明书（（2022）粤0114证1号），验证码" in message
    answers = page.locator("section.answers").first.inner_text()
    assert "履行证明书：符合条件" in answers and "裁判理由第1点第3项" in answers  # situation 3
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "huadu-certificate.png"), full_page=True)
    href = page.locator("a:has-text('（2022）粤0114证1号')").get_attribute("href")
    pdf = page.request.get(f"{live_server.url}{href}")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    page.close()
