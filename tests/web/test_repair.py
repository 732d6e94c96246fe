"""Credit repair online: sign in with the access code, apply with materials, the judge decides."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from goodfaith.core.documents.signing import new_private_key_b64
from goodfaith.core.timeline.load import parse_timeline
from goodfaith.core.values.identity import make_resident_id
from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import do_import
from goodfaith.web.cases.party_access import access_code
from goodfaith.web.documents.actions import do_issue_document
from goodfaith.web.repair.actions import uploads_dir
from goodfaith.web.repair.models import Material, RepairApplication
from goodfaith.web.tasks.models import Task
from tests.conftest import clear_limits, staff_of

pytestmark = pytest.mark.django_db
ID = make_resident_id("330203", date(1979, 8, 1), 57)
CASE = "（2024）浙02执77号"
CONDITIONS = (
    "appears_when_summoned",
    "reports_property",
    "obeys_consumption_order",
    "cooperates_with_disposal",
    "performance_plan",
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def ningbo_case() -> dict[str, Any]:
    return {
        "format": "goodfaith-timeline/1",
        "title": "周某信用修复（宁波，示例）",
        "court": "浙02",
        "court_name": "浙江省宁波市中级人民法院",
        "policy": "ningbo-2019",
        "parties": {
            "C": {"name": "某银行", "kind": "unit"},
            "Z": {"name": "周某", "kind": "person", "id_number": ID},
        },
        "events": [
            {"on": "2024-03-01", "type": "judgment_effective", "case": "（2023）浙02民初500号",
             "document": "judgment", "creditors": ["C"], "debtors": ["Z"],
             "obligations": [{"id": "O1", "kind": "money", "amount": "90000.00", "debtors": ["Z"],
                              "liability": "several", "shares": {"Z": "90000.00"}}],
             "due": "2024-03-15"},
            {"on": "2024-04-01", "type": "enforcement_filed", "case": CASE,
             "basis": "（2023）浙02民初500号", "applicants": ["C"], "respondents": ["Z"]},
            {"on": "2024-04-02", "type": "document_served", "case": CASE,
             "document": "enforcement_notice", "to": ["Z"]},
            {"on": "2024-06-03", "type": "listed", "case": CASE, "party": "Z", "items": [1],
             "period_years": None},
            {"on": "2024-06-03", "type": "consumption_restricted", "case": CASE, "party": "Z"},
        ],
    }  # fmt: skip


@pytest.fixture
def debtor(monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path) -> dict[str, Any]:
    monkeypatch.setenv("GOODFAITH_SIGNING_KEY", new_private_key_b64())
    settings.DATA_DIR = tmp_path / "data"
    clear_limits()
    do_import([(parse_timeline(ningbo_case()), "ningbo")])
    dispute = db.Dispute.objects.get()
    doc = do_issue_document(dispute, "enforcement_notice", "Z", on=date(2024, 4, 2))
    dp = dispute.parties.get(key="Z")
    assert doc.data["access_code"] == access_code(dp)  # printed on what was served
    return {"dispute": dispute, "code": doc.data["access_code"]}


def signed_in(code: str) -> Client:
    client = Client()
    response = client.post("/public/repair/", {"case": CASE, "id_number": ID, "code": code})
    assert response.status_code == 302, response.content.decode()
    return client


def application_form(**extra: Any) -> dict[str, Any]:
    form: dict[str, Any] = {f"condition-{c}": "yes" for c in CONDITIONS}
    form.update(
        effects=["shield", "lift_consumption"], statement="已制定还款计划", contact="13800000000"
    )
    form.update(extra)
    return form


def public_count() -> int:
    clear_limits()
    return Client().get("/api/public/dishonest", {"name": "周某", "id_number": ID}).json()["count"]


def test_sign_in_needs_case_identity_and_code(debtor: dict[str, Any]) -> None:
    client = Client()
    wrong = client.post("/public/repair/", {"case": CASE, "id_number": ID, "code": "AAAA-AAAA"})
    assert wrong.status_code == 400 and "不正确" in wrong.content.decode()
    other_case = client.post(
        "/public/repair/", {"case": "（2024）浙02执78号", "id_number": ID, "code": debtor["code"]}
    )
    assert other_case.status_code == 400
    me = signed_in(debtor["code"].lower().replace("-", "")).get("/public/repair/me/")
    page = me.content.decode()
    assert "周某" in page and "失信被执行人名单" in page and "已公布" in page
    assert "有履行能力而拒不履行生效法律文书确定义务" in page  # why
    assert "信用修复不收取任何费用" in page
    assert ID not in page
    assert Client().get("/public/repair/me/").status_code == 302  # not signed in


def test_sign_in_attempts_are_limited() -> None:
    clear_limits()
    client = Client(REMOTE_ADDR="10.9.9.9")
    codes = [
        client.post("/public/repair/", {"case": CASE, "id_number": ID, "code": "X"}).status_code
        for _ in range(11)
    ]
    assert codes[:10] == [400] * 10 and codes[10] == 429


def test_apply_with_materials_then_the_judge_grants_and_the_entry_leaves_the_public_list(
    debtor: dict[str, Any],
) -> None:
    assert public_count() == 2
    client = signed_in(debtor["code"])
    upload = SimpleUploadedFile("还款计划.pdf", PDF, content_type="application/pdf")
    response = client.post("/public/repair/apply/", {**application_form(), "materials": [upload]})
    assert response.status_code == 302
    app = RepairApplication.objects.get()
    assert app.status == "submitted" and app.conditions == dict.fromkeys(CONDITIONS, True)
    (material,) = Material.objects.all()
    stored = uploads_dir() / material.path
    assert stored.read_bytes() == PDF and "static" not in str(stored)
    assert debtor["dispute"].events.filter(type="repair_applied").count() == 1
    task = Task.objects.get(kind="repair_application")
    assert task.proposal == "grant_repair" and task.role == "enforcement_judge"
    assert "符合“" in task.reason

    judge = staff_of("judge", "浙02", roles=("enforcement_judge",))
    assert "网上信用修复申请：拟准予" in judge.get("/inbox/").content.decode()
    detail = judge.get(f"/repair/applications/{app.pk}/").content.decode()
    assert "还款计划.pdf" in detail and "已制定还款计划" in detail
    download = judge.get(f"/repair/materials/{material.pk}/")
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]
    outsider = staff_of("outsider", "粤0114", roles=("enforcement_judge",))
    assert outsider.get(f"/repair/materials/{material.pk}/").status_code == 404
    assert client.get(f"/repair/materials/{material.pk}/").status_code == 302  # the debtor: no

    judge.post(f"/tasks/{task.pk}/decide/", {"decision": "accept", "on": "2024-07-01"})
    app.refresh_from_db()
    assert app.status == "granted" and app.granted_effects == ["shield", "lift_consumption"]
    types = list(debtor["dispute"].events.values_list("type", flat=True))
    assert "shielded" in types and "consumption_restriction_lifted" in types
    assert public_count() == 0
    assert app.document is None  # not performed yet: no 信用修复告知书 (it states performance)
    page = client.get("/public/repair/me/").content.decode()
    assert "已准予" in page and "已屏蔽" in page


def test_a_debtor_who_paid_gets_the_deletion_and_the_notice(debtor: dict[str, Any]) -> None:
    from goodfaith.web.cases.actions import do_record_event

    do_record_event(
        debtor["dispute"],
        {"on": "2024-06-20", "type": "payment", "case": CASE, "party": "Z", "amount": "90000.00"},
    )
    client = signed_in(debtor["code"])
    client.post("/public/repair/apply/", application_form(effects=["delete", "lift_consumption"]))
    task = Task.objects.get(kind="repair_application")
    judge = staff_of("judge", "浙02", roles=("enforcement_judge",))
    judge.post(f"/tasks/{task.pk}/decide/", {"decision": "accept", "on": "2024-06-21"})
    app = RepairApplication.objects.get()
    assert app.status == "granted" and app.granted_effects == ["delete", "lift_consumption"]
    assert app.document is not None and app.document.kind == "credit_repair_notice"
    assert public_count() == 0
    page = client.get("/public/repair/me/").content.decode()
    assert "已删除" in page and "信用修复告知书" in page
    pdf = client.get(f"/public/repair/documents/{app.document.pk}.pdf")
    assert pdf.content.startswith(b"%PDF")


def test_a_bad_upload_stores_nothing(debtor: dict[str, Any]) -> None:
    client = signed_in(debtor["code"])
    fake = SimpleUploadedFile("证明.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post("/public/repair/apply/", {**application_form(), "materials": [fake]})
    assert response.status_code == 302
    page = client.get("/public/repair/me/").content.decode()
    assert "不是PDF、PNG或JPEG文件" in page
    assert not RepairApplication.objects.exists() and not Material.objects.exists()
    assert not debtor["dispute"].events.filter(type="repair_applied").exists()
    assert not Task.objects.filter(kind="repair_application").exists()
    assert not uploads_dir().exists() or not any(uploads_dir().rglob("*"))


def test_a_refusal_keeps_the_entry_and_tells_the_reason(debtor: dict[str, Any]) -> None:
    client = signed_in(debtor["code"])
    form = application_form(**{"condition-reports_property": "no"})
    client.post("/public/repair/apply/", form)
    task = Task.objects.get(kind="repair_application")
    assert task.proposal == "refuse_repair" and "不符合" in task.reason
    judge = staff_of("judge", "浙02", roles=("enforcement_judge",))
    judge.post(f"/tasks/{task.pk}/decide/", {"decision": "accept", "on": "2024-07-01"})
    assert RepairApplication.objects.get().status == "refused"
    assert public_count() == 2
    page = client.get("/public/repair/me/").content.decode()
    assert "不予准许" in page and "理由" in page
