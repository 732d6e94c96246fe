"""The public side in a real browser: query the lists, apply for repair, the judge grants it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from goodfaith.core.timeline.load import parse_timeline
from goodfaith.core.values.identity import make_resident_id
from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import do_import
from goodfaith.web.documents.actions import do_issue_document
from tests.browser.conftest import ARTIFACTS, PASSWORD, login
from tests.conftest import clear_limits
from tests.web.test_repair import CASE, ID, ningbo_case

SHIELDED_ID = make_resident_id("330203", date(1983, 11, 21), 42)


pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cases(monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path) -> str:
    from goodfaith.core.documents.signing import new_private_key_b64

    monkeypatch.setenv("GOODFAITH_SIGNING_KEY", new_private_key_b64())
    settings.DATA_DIR = tmp_path / "data"
    clear_limits()
    shielded = ningbo_case()
    shielded["parties"]["Z"] = {"name": "吴某", "kind": "person", "id_number": SHIELDED_ID}
    shielded["title"] = "吴某（已屏蔽）"
    for e in shielded["events"]:
        for key in ("case", "basis"):
            if key in e:
                e[key] = e[key].replace("77号", "79号").replace("500号", "501号")
    for kind in ("shielded", "consumption_restriction_lifted"):
        shielded["events"].append(
            {"on": "2024-07-01", "type": kind, "case": "（2024）浙02执79号", "party": "Z"}
        )
    do_import([(parse_timeline(ningbo_case()), "zhou"), (parse_timeline(shielded), "wu")])
    dispute = db.Dispute.objects.get(title__startswith="周某")
    return str(do_issue_document(dispute, "enforcement_notice", "Z").data["access_code"])


def _query(page: Any, url: str, name: str, number: str) -> str:
    page.goto(f"{url}/public/dishonest/")
    page.fill("#q-name", name)
    page.fill("#q-id", number)
    question = page.locator("label[for=q-answer]").inner_text()
    a, b = map(int, re.findall(r"(\d+) \+ (\d+)", question)[0])
    page.fill("#q-answer", str(a + b))
    with page.expect_response(lambda r: r.request.method == "POST") as info:
        page.click("form.query button[type=submit]")
    page.wait_for_selector("section.results")
    return str(info.value.text())


def test_query_apply_and_grant(browser: Any, live_server: Any, cases: str) -> None:
    from django.contrib.auth import get_user_model

    page = browser.new_page(viewport={"width": 390, "height": 844})
    body = _query(page, live_server.url, "周某", ID)
    results = page.locator("section.results").inner_text()
    assert "失信被执行人" in results and ID[:10] + "****" + ID[14:] in results
    assert ID not in body  # the full number is in no response
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "public-query.png"), full_page=True)

    body = _query(page, live_server.url, "吴某", SHIELDED_ID)
    assert "未查询到" in page.locator("section.results").inner_text()
    assert "吴某" not in body.split("<main", 1)[1].split("</form>", 1)[1]  # not in the results
    assert SHIELDED_ID not in body and "浙02执79号" not in body

    # the debtor signs in with the code printed on the notice and applies with a scanned plan
    page.goto(f"{live_server.url}/public/repair/")
    page.fill("#r-case", CASE)
    page.fill("#r-id", ID)
    page.fill("#r-code", cases)
    page.click("form.query button[type=submit]")
    page.wait_for_selector("#h-apply")
    for radio in page.locator("input[type=radio][value=yes]").all():
        radio.check()
    page.check("input[name=effects][value=shield]")
    page.check("input[name=effects][value=lift_consumption]")
    page.fill("#a-statement", "已与申请执行人协商分期履行")
    plan = Path(str(ARTIFACTS)) / "plan.pdf"
    plan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.set_input_files("#a-materials", str(plan))
    page.click("form.apply button[type=submit]")
    page.wait_for_selector("text=申请已提交")
    assert "等待法院审查" in page.locator("#applications").inner_text()
    page.screenshot(path=str(ARTIFACTS / "repair-applied.png"), full_page=True)

    # the judge grants it from the inbox
    user = get_user_model().objects.create_user("judge", password=PASSWORD)
    db.Staff.objects.create(user=user, roles=["enforcement_judge"]).courts.set(
        db.Court.objects.filter(code="浙02")
    )
    judge = browser.new_page(viewport={"width": 1200, "height": 900})
    login(judge, live_server.url, "judge")
    judge.click("text=待办")
    row = judge.locator("tr", has_text="网上信用修复申请")
    row.locator("button[value=accept]").click()
    judge.wait_for_selector(".messages .success")
    judge.close()

    body = _query(page, live_server.url, "周某", ID)
    assert "未查询到" in page.locator("section.results").inner_text()
    page.goto(f"{live_server.url}/public/repair/me/")
    assert "已准予" in page.locator("#applications").inner_text()
    page.screenshot(path=str(ARTIFACTS / "repair-granted.png"), full_page=True)
    page.close()
