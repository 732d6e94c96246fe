"""督促台账: running clocks by stage, limited to the staff's courts."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from goodfaith.web.cases import models as db
from goodfaith.web.cases.actions import do_record_event
from tests.conftest import DEMO, SCENARIOS, staff_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def conghua() -> db.Dispute:
    call_command(
        "import",
        str(DEMO / "conghua-2024.timeline.yaml"),
        str(SCENARIOS / "huadu-2022.timeline.yaml"),
        stdout=io.StringIO(),
    )
    return db.Dispute.objects.get(court__code="粤0117")


def section(page: str, key: str) -> str:
    start = page.index(f'id="stage-{key}"')
    return page[start : page.index("</section>", start)]


def test_stage_one_shows_the_period_the_account_and_the_notice(conghua: db.Dispute) -> None:
    mediator = staff_of("m", "粤0117", roles=("trial",))
    page = mediator.get("/supervision/", {"as_of": "2024-08-10"}).content.decode()
    stage1 = section(page, "judgment")
    assert "（2024）粤0117民初6002号" in stage1 and "2024-08-15" in stage1 and "5日" in stage1
    assert "中国工商银行广州从化支行" in stage1 and "未送达自动履行告知书" in stage1
    assert "暂无进行中的期限" in section(page, "pre_enforcement")


def test_stage_two_shows_the_mediator_and_the_contact_log(conghua: db.Dispute) -> None:
    do_record_event(
        conghua,
        {
            "on": "2024-09-10",
            "type": "contact_attempt",
            "case": "（2024）粤0117执前调31号",
            "party": "D",
            "method": "phone",
            "outcome": "refused",
        },
    )
    clerk = staff_of("clerk", "粤0117", roles=("filing",))
    page = clerk.get("/supervision/", {"as_of": "2024-09-20"}).content.decode()
    stage2 = section(page, "pre_enforcement")
    assert "（2024）粤0117执前调31号" in stage2 and "2024-10-02" in stage2  # one month
    assert "调解员：调解员甲" in stage2 and "联系1次" in stage2
    assert "最近：2024-09-10 电话，拒绝沟通" in stage2
    assert "暂无进行中的期限" in section(page, "judgment")  # stage 1 is over


def test_stage_three_shows_running_warnings_and_stays_in_court(conghua: db.Dispute) -> None:
    judge = staff_of("judge", "粤0117", roles=("enforcement_judge",))
    page = judge.get("/supervision/", {"as_of": "2024-10-25"}).content.decode()
    stage3 = section(page, "enforcement")
    assert "预罚款通知" in stage3 and "拘留风险告知" in stage3 and "2024-11-05" in stage3
    assert "钟某某" not in page and "刘某" not in page  # Huadu's case is another court's
    outsider = staff_of("outsider", "粤0114", roles=("enforcement_judge",))
    other = outsider.get("/supervision/", {"as_of": "2024-10-25"}).content.decode()
    assert "（2024）粤0117执2301号" not in other
