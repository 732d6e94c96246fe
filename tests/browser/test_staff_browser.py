"""The staff pages in a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from goodfaith.web.cases import models as db
from tests.conftest import SCENARIOS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "correct-horse-battery-9"
ARTIFACTS = Path(os.environ.get("GOODFAITH_DATA_DIR", "build")) / "screenshots"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


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
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "judge")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
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
