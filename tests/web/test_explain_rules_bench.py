"""goodfaith explain, rules and benchmark on real files (no timing asserted)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from goodfaith.core.bench import generate, run
from tests.conftest import DEMO, SCENARIOS


def out(*args: str) -> str:
    buf = io.StringIO()
    call_command(*args, stdout=buf)
    return buf.getvalue()


def test_explain_names_facts_reasons_citations_and_conclusion() -> None:
    text = out(
        "explain", str(SCENARIOS / "zaoyang-2022.timeline.yaml"), "--query", "deletion-after"
    )
    assert "2022-03-10 履行付款" in text  # a fact, from its event
    assert "《最高人民法院关于公布失信被执行人名单信息的若干规定》第10条第1款第2项" in text
    assert "结论：应当删除失信信息（must_delete）" in text
    assert "2022-03-15" in text


def test_explain_on_a_demo_case() -> None:
    text = out("explain", str(DEMO / "huadu-2022.timeline.yaml"), "--query", "cert-D2")
    assert "邓某某" in text and "主动履行证明书" in text and "裁判理由第1点第3项" in text


def test_explain_unknown_query_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        call_command("explain", str(SCENARIOS / "huadu-2022.timeline.yaml"), "--query", "nope")
    assert info.value.code == 2
    assert "no query 'nope' (queries: status-day-8, cert-D1" in capsys.readouterr().err


def test_rules_catalogue_prints_law_text_and_policies() -> None:
    text = out("rules")
    assert "被执行人为未成年人的，人民法院不得将其纳入失信被执行人名单。" in text
    assert "conghua-2022" in text and "自2022-09-05起" in text


def test_benchmark_decides_every_generated_case() -> None:
    result = run(generate(50), rounds=1)
    assert result.decisions == 100
    assert sum(result.outcomes.values()) == 100
    assert {"eligible", "ineligible"} <= set(result.outcomes)
