"""Bulk import in a real browser: three files at once, a progress bar and a per-file report."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from goodfaith.web.cases import models as db
from tests.browser.conftest import ARTIFACTS, PASSWORD, login
from tests.conftest import SCENARIOS

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_filing_clerk_imports_three_files_at_once(browser, live_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db.Court.objects.create(code="粤0114", name="广州市花都区人民法院")
    db.Court.objects.create(code="鄂0683", name="枣阳市人民法院")
    clerk = get_user_model().objects.create_user("clerk", password=PASSWORD)
    staff = db.Staff.objects.create(user=clerk, roles=["filing"])
    staff.courts.set(db.Court.objects.all())
    broken = tmp_path / "broken.timeline.yaml"
    text = (SCENARIOS / "huadu-2022.timeline.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace('amount: "8000000.00"', 'amount: "-5"'), encoding="utf-8")
    files = [
        SCENARIOS / "huadu-2022.timeline.yaml",
        broken,
        SCENARIOS / "zaoyang-2022.timeline.yaml",
    ]

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    login(page, live_server.url, "clerk")
    page.wait_for_selector("table.grid, p.empty")
    assert page.locator("text=暂无案件").count() == 1

    page.click("nav >> text=导入")
    page.wait_for_selector("h1:has-text('批量导入案件时间线')")
    page.get_by_label("时间线文件（可多选）").set_input_files([str(f) for f in files])
    page.get_by_role("button", name="开始导入").click()
    page.wait_for_function(
        "document.getElementById('import-count').textContent === '已处理 3/3'", timeout=30_000
    )
    assert page.locator("#import-progress").evaluate("p => [p.value, p.max]") == [3, 3]

    rows = page.locator("#import-results tbody tr")
    assert rows.count() == 3
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(3)]
    assert [c[0] for c in cells] == [f.name for f in files]
    assert [c[1] for c in cells] == ["已导入", "失败", "已导入"]
    assert cells[0][2] == "（2021）粤0114民初12877号"
    assert cells[0][3] == "13"
    assert "events[9] (payment): field 'amount'" in cells[1][4]
    assert "broken.timeline.yaml" in cells[1][4]
    assert "时间线文件校验未通过" in cells[1][4]
    assert "已导入 2 个，未变化 0 个，失败 1 个" in page.locator("#import-summary").inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "bulk-import.png"), full_page=True)

    page.click("nav >> text=案件")
    page.wait_for_selector("table.grid")
    listing = page.locator("table.grid tbody").inner_text()
    assert page.locator("table.grid tbody tr").count() == 2
    assert "钟某某与刘某、邓某某执行实施案" in listing
    assert "枣阳市人民法院" in listing
    page.close()


def test_the_import_link_is_hidden_from_a_mediator(browser, live_server) -> None:  # type: ignore[no-untyped-def]
    db.Court.objects.create(code="粤0114", name="广州市花都区人民法院")
    mediator = get_user_model().objects.create_user("mediator", password=PASSWORD)
    staff = db.Staff.objects.create(user=mediator, roles=["mediator"])
    staff.courts.set(db.Court.objects.all())

    page = browser.new_page()
    login(page, live_server.url, "mediator")
    page.wait_for_selector("nav")
    assert page.locator("nav >> text=导入").count() == 0
    response = page.goto(f"{live_server.url}/import/")
    assert response is not None and response.status == 403
    assert "无权导入" in page.locator("main").inner_text()
    page.close()
