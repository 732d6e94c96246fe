"""The compliance page in a real browser: an overdue partner still showing a removed record."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import do_record_event
from goodfaith.web.partners.models import Change, Delivery, Partner
from tests.browser.conftest import ARTIFACTS, PASSWORD, login
from tests.web.test_public_lists import CASE, LISTED, person, store, timeline

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_compliance_page_shows_an_overdue_partner(browser: Any, live_server: Any) -> None:
    store(timeline(1, person("D", "林某", date(1985, 3, 7)), LISTED))
    court = db.Court.objects.get(code="粤0117")
    Partner.objects.create(
        court=court, name="某征信平台", kind="credit_platform", lists=["dishonest"]
    )
    Partner.objects.create(court=court, name="某商业银行", kind="bank", lists=["dishonest"])
    do_record_event(
        db.Dispute.objects.get(),
        {"on": "2025-06-03", "type": "delisted", "case": CASE.format(n=1), "party": "D"},
    )
    change = Change.objects.get(type="listing_deleted")
    Change.objects.filter(pk=change.pk).update(created_at=change.created_at - timedelta(days=12))
    Delivery.objects.update(due=date.today() - timedelta(days=7))
    Delivery.objects.filter(partner__name="某商业银行").update(ack="applied")
    user = get_user_model().objects.create_user("admin", password=PASSWORD)
    db.Staff.objects.create(user=user, roles=["admin"]).courts.set([court])

    page = browser.new_page(viewport={"width": 1200, "height": 900})
    login(page, live_server.url, "admin")
    page.click("text=协同单位")
    overdue = page.locator("#overdue").inner_text()
    assert "某征信平台" in overdue and "删除失信信息" in overdue and "12天" in overdue
    assert "某商业银行" not in overdue
    assert (
        "1" in page.locator("#partners tr", has_text="某征信平台").locator("td").last.inner_text()
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "partner-compliance.png"), full_page=True)
    page.close()
