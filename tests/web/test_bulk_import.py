"""Bulk import in the staff workbench: one uploaded timeline file per request, checked and stored."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from goodfaith.web.audit.models import AuditRecord
from goodfaith.web.cases import models as db
from tests.conftest import PASSWORD, SCENARIOS, staff_of

pytestmark = pytest.mark.django_db
HUADU = SCENARIOS / "huadu-2022.timeline.yaml"
ZAOYANG = SCENARIOS / "zaoyang-2022.timeline.yaml"
HUADU_ROOT = "（2021）粤0114民初12877号"


@pytest.fixture(autouse=True)
def courts() -> None:
    """The courts exist before any case file does: staff are assigned to them."""
    db.Court.objects.create(code="粤0114", name="广州市花都区人民法院")
    db.Court.objects.create(code="鄂0683", name="枣阳市人民法院")


def upload(client: Client, name: str, content: str | bytes) -> Any:
    data = content.encode("utf-8") if isinstance(content, str) else content
    file = SimpleUploadedFile(name, data, content_type="application/x-yaml")
    return client.post("/import/file/", {"file": file})


def counts() -> tuple[int, int, int, int]:
    return (
        db.Dispute.objects.count(),
        db.Event.objects.count(),
        db.Party.objects.count(),
        db.Case.objects.count(),
    )


def test_a_good_file_is_imported_and_reimporting_it_changes_nothing() -> None:
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    response = upload(clerk, HUADU.name, HUADU.read_text(encoding="utf-8"))
    assert response.status_code == 200
    body = response.json()
    dispute = db.Dispute.objects.get(root_case=HUADU_ROOT)
    assert body == {
        "file": HUADU.name,
        "ok": True,
        "changed": True,
        "created": True,
        "case": HUADU_ROOT,
        "events_added": 13,
        "parties_added": 3,
        "warnings": [],
        "url": f"/disputes/{dispute.pk}/",
    }
    assert dispute.court.code == "粤0114"
    assert dispute.events.count() == 13
    assert dispute.latest_case == "（2022）粤0114执4600号"
    assert set(dispute.events.values_list("source", flat=True)) == {HUADU.name}
    assert (
        AuditRecord.objects.filter(action="import", target=HUADU_ROOT, actor_name="clerk").count()
        == 1
    )
    before = counts()

    again = upload(clerk, HUADU.name, HUADU.read_text(encoding="utf-8"))
    assert again.status_code == 200
    assert again.json()["ok"] is True
    assert again.json()["changed"] is False
    assert again.json()["events_added"] == 0
    assert counts() == before
    assert AuditRecord.objects.filter(action="import").count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('amount: "8000000.00"', 'amount: "-5"'),
            "events[9] (payment): field 'amount': expected a non-negative amount",
        ),
        ((', party: D1, amount: "8000000.00"', ', amount: "8000000.00"'), "field 'party': missing"),
        (("title: 钟", "titl: 钟"), "field 'titl': unknown key"),
        (("events:\n", "events:\n  - [\n"), "not valid YAML/JSON"),
    ],
)
def test_a_malformed_file_is_refused_with_the_loaders_message(
    change: tuple[str, str], message: str
) -> None:
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    text = HUADU.read_text(encoding="utf-8")
    assert change[0] in text
    response = upload(clerk, "broken.yaml", text.replace(change[0], change[1], 1))
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert body["file"] == "broken.yaml"
    assert "时间线文件校验未通过，未导入" in body["error"]
    assert "broken.yaml: " in body["error"]
    assert message in body["error"]
    assert counts() == (0, 0, 0, 0)


def test_a_file_contradicting_the_stored_case_file_stores_nothing() -> None:
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    text = HUADU.read_text(encoding="utf-8")
    upload(clerk, HUADU.name, text)
    before = counts()
    changed = text.replace('amount: "6000000.00"', 'amount: "5000000.00"')
    changed = changed.replace('amount: "6650000.00"', 'amount: "7650000.00"')
    response = upload(clerk, "changed.yaml", changed)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error.startswith("与已存储的案卷不一致，未导入")
    assert "changed.yaml: events[10] differs" in error
    assert counts() == before


def test_a_file_of_another_court_is_refused() -> None:
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    response = upload(clerk, ZAOYANG.name, ZAOYANG.read_text(encoding="utf-8"))
    assert response.status_code == 403
    error = response.json()["error"]
    assert "鄂0683" in error
    assert "不在您的所属法院范围内" in error
    assert "粤0114" in error
    assert counts() == (0, 0, 0, 0)


def test_a_court_not_yet_known_is_refused_for_staff_but_not_for_a_superuser() -> None:
    conghua = SCENARIOS / "conghua-pre-listing.timeline.yaml"
    clerk = staff_of("clerk", "粤0114", "鄂0683", roles=("admin",))
    assert upload(clerk, conghua.name, conghua.read_text(encoding="utf-8")).status_code == 403
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client = Client()
    client.force_login(root)
    response = upload(client, conghua.name, conghua.read_text(encoding="utf-8"))
    assert response.status_code == 200
    assert response.json()["changed"] is True
    assert db.Dispute.objects.filter(court__code="粤0117").count() == 1


@pytest.mark.parametrize("roles", [("mediator",), ("enforcement_judge", "leadership"), ()])
def test_roles_other_than_filing_and_admin_are_refused(roles: tuple[str, ...]) -> None:
    client = staff_of("someone", "粤0114", roles=roles)
    response = upload(client, HUADU.name, HUADU.read_text(encoding="utf-8"))
    assert response.status_code == 403
    assert "无权导入" in response.json()["error"]
    assert "立案庭" in response.json()["error"]
    assert counts() == (0, 0, 0, 0)
    page = client.get("/import/")
    assert page.status_code == 403
    assert 'href="/import/"' not in client.get("/").content.decode()


def test_the_page_and_the_nav_link_for_a_filing_clerk() -> None:
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    assert 'href="/import/"' in clerk.get("/").content.decode()
    page = clerk.get("/import/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "批量导入案件时间线" in html
    assert 'type="file"' in html
    assert "multiple" in html
    assert 'accept=".yaml,.yml"' in html
    assert "<progress" in html
    assert "csrfmiddlewaretoken" in html
    assert "/static/staff/import.js" in html
    for heading in ("文件", "结果", "案号", "新增事件数", "错误说明"):
        assert f"<th>{heading}</th>" in html or f'num">{heading}</th>' in html


def test_anonymous_is_sent_to_login() -> None:
    anonymous = Client()
    response = upload(anonymous, HUADU.name, HUADU.read_text(encoding="utf-8"))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert anonymous.get("/import/")["Location"].startswith("/login/")
    assert counts() == (0, 0, 0, 0)


def test_an_oversize_file_is_refused() -> None:
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    text = HUADU.read_text(encoding="utf-8") + "#" * (2 * 1024 * 1024) + "\n"
    response = upload(clerk, "big.yaml", text)
    assert response.status_code == 400
    assert "超过 2 MB 的上限" in response.json()["error"]
    assert counts() == (0, 0, 0, 0)


def test_a_missing_file_and_a_get_are_refused() -> None:
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    response = clerk.post("/import/file/", {})
    assert response.status_code == 400
    assert "未收到文件" in response.json()["error"]
    assert clerk.get("/import/file/").status_code == 405


def test_a_file_that_is_not_utf8_is_refused() -> None:
    clerk = staff_of("clerk", "粤0114", roles=("filing",))
    response = upload(clerk, "gbk.yaml", HUADU.read_text(encoding="utf-8").encode("gb18030"))
    assert response.status_code == 400
    assert "不是 UTF-8 编码" in response.json()["error"]
