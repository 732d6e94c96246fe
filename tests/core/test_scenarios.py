"""Replay every timeline with expected answers (shared scenarios, demo cases, the project's own
cases) and compare the answers of the asks that are implemented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from goodfaith.core.answers import replay
from goodfaith.core.timeline import load_timeline
from tests.conftest import CASES, DEMO, SCENARIOS, expected_for

FILES = sorted(
    [
        *SCENARIOS.glob("*.timeline.yaml"),
        *DEMO.glob("*.timeline.yaml"),
        *CASES.glob("**/*.timeline.yaml"),
    ]
)


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, list) and isinstance(actual, list):
        return sorted(map(str, expected)) == sorted(map(str, actual))
    return bool(expected == actual)


def check_answer(answer: dict[str, Any], want: dict[str, Any]) -> list[str]:
    """What differs between an answer and its expectation (empty when it matches)."""
    problems = []
    outcomes = want["outcome"] if isinstance(want.get("outcome"), list) else [want.get("outcome")]
    if answer["outcome"] not in outcomes:
        problems.append(f"outcome {answer['outcome']!r}, expected {outcomes}")
    for key, value in (want.get("details") or {}).items():
        if key not in answer["details"]:
            problems.append(f"details.{key} missing")
        elif not _same(value, answer["details"][key]):
            problems.append(f"details.{key} = {answer['details'][key]!r}, expected {value!r}")
    cited = [c for r in answer["reasons"] for c in r["citations"]]
    for cite in want.get("cites") or []:
        if not any(all(c.get(k) == v for k, v in cite.items()) for c in cited):
            problems.append(f"no citation {cite}")
    return problems


CHECKS = [
    pytest.param(path, qid, id=f"{path.parent.name}/{path.name}:{qid}")
    for path in FILES
    for qid in expected_for(path)
]


@pytest.mark.parametrize(("path", "qid"), CHECKS)
def test_expected_answer(path: Path, qid: str) -> None:
    timeline = load_timeline(path)
    query = next(q for q in timeline.queries if q.id == qid)
    answers = {a["id"]: a for a in replay(timeline)["answers"]}
    want = expected_for(path)[qid]
    if answers[qid]["outcome"] == "unsupported" and want.get("outcome") != "unsupported":
        pytest.skip(f"ask {query.ask!r} under this policy is not implemented yet")
    assert check_answer(answers[qid], want) == []


def test_the_repository_copy_of_the_shared_scenarios_is_current() -> None:
    from tests.conftest import SHARED

    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this clone; the repository copy is used as is")
    for folder in ("scenarios", "spec"):
        theirs = {p.name: p.read_bytes() for p in (SHARED / folder).iterdir() if p.is_file()}
        ours = {p.name: p.read_bytes() for p in (SCENARIOS.parent / folder).iterdir()}
        assert ours == theirs, f"copy ../shared/{folder} into tests/{folder}"
