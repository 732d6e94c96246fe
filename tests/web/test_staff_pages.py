"""The staff pages: login, the case list and a case file, each limited to the staff's courts."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from goodfaith.web.cases import models as db
from tests.conftest import SCENARIOS

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def stored() -> None:
    call_command(
        "import",
        str(SCENARIOS / "huadu-2022.timeline.yaml"),
        str(SCENARIOS / "zaoyang-2022.timeline.yaml"),
        stdout=io.StringIO(),
    )


def staff_of(username: str, *codes: str) -> Client:
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    staff = db.Staff.objects.create(user=user)
    staff.courts.set(db.Court.objects.filter(code__in=codes))
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


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
    response = client.post("/login/", {"username": "huadu", "password": PASSWORD})
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
