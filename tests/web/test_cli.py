"""The goodfaith command as a user runs it: exit statuses and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SCENARIOS


def goodfaith(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GOODFAITH_DEBUG": "1"}
    return subprocess.run(
        [sys.executable, "-m", "goodfaith.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_replay_answers_status_as_the_scenarios_expect() -> None:
    done = goodfaith("replay", str(SCENARIOS / "zaoyang-2022.timeline.yaml"), "--json")
    assert done.returncode == 0, done.stderr
    answers = {a["id"]: a for a in json.loads(done.stdout)["answers"]}
    assert answers["status-mid"]["details"]["outstanding"] == "34000.00"
    assert answers["status-mid"]["details"]["listed"] is True


def test_malformed_file_exits_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (SCENARIOS / "huadu-2022.timeline.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace('amount: "6000000.00"', 'amount: "6,000,000"'), encoding="utf-8")
    done = goodfaith("replay", str(bad), "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "bad.yaml: events[10] (payment): field 'amount'" in lines[0]
    assert "'6,000,000'" in lines[0]


def test_bad_arguments_exit_2() -> None:
    assert goodfaith("replay").returncode == 2
    assert goodfaith("replay", "/nonexistent/file.yaml").returncode == 2
