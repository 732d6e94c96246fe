"""goodfaith public_benchmark: generated rows as publish writes them; one real, short run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from goodfaith.core.values.identity import make_resident_id, parse_resident_id
from goodfaith.web.lists import bench
from goodfaith.web.lists.publish import lookup_key


def test_generated_entries_are_valid_adults_with_unique_numbers() -> None:
    sample = [bench.entry(i) for i in range(0, 2_000_000, 997)]
    assert len({e.id_number for e in sample}) == len(sample)
    for e in sample[:200]:
        rid = parse_resident_id(e.id_number)
        birth = date.fromisoformat(e.birth)
        assert rid.birth_date == birth
        assert e.id_number == make_resident_id(e.id_number[:6], birth, int(e.id_number[14:17]))
        assert not rid.is_minor_on(date(2020, 1, 1))
        assert e.masked == rid.masked
        assert e.gender == {"male": "男", "female": "女"}[rid.gender]
    assert bench.MISS_REGION not in bench.REGIONS
    for i in range(50):
        _, number = bench.miss(i)
        assert number[:6] == bench.MISS_REGION
        assert parse_resident_id(number).number == number


def test_rows_hold_the_lookup_key_and_payload_publish_would_write() -> None:
    e = bench.entry(4321)
    row = bench.records(4321, 4322, settings.SECRET_KEY)[0]
    assert row[5] == lookup_key(e.id_number, e.name)
    assert row[5] == bench.lookup_hash(settings.SECRET_KEY, e.id_number, e.name)
    fields = bench.payload_fields(e)
    assert row[9] == json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    assert fields["id_number"] == e.masked and e.id_number not in row[9]


def test_query_paths_spread_over_the_table_with_a_tenth_misses() -> None:
    paths = bench.query_paths(50_000, count=1_000)
    assert len(paths) == len(set(paths)) == 1_000
    misses = [p for p in paths if f"id_number={bench.MISS_REGION}" in p]
    assert len(misses) == 100
    assert all(p.startswith(bench.QUERY + "?name=") for p in paths)


def test_a_real_short_run_prints_both_endpoints_and_the_ratio() -> None:
    """Really migrates, loads, starts gunicorn and runs wrk (about 15 s)."""
    try:
        bench.ensure_wrk(lambda line: None)
    except bench.BenchError as exc:
        pytest.skip(f"wrk (Debian package wrk) cannot be installed here: {exc}")
    command = ["public_benchmark", "--json", "--entries", "2000", "--seconds", "1"]
    done = subprocess.run(
        [sys.executable, "-m", "goodfaith.cli", *command],
        capture_output=True,
        text=True,
        env={**os.environ, "GOODFAITH_SECRET_KEY": settings.SECRET_KEY},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["entries"] == 2000
    assert figures["load"]["entries"] == 2000
    for endpoint, path in (("bare", bench.PING), ("query", bench.QUERY)):
        best = figures["endpoints"][endpoint]
        assert best["path"] == path
        assert best["requests_per_s"] > 0
        assert best["p50_ms"] > 0 and best["p99_ms"] >= best["p50_ms"]
        assert best["errors"]["status"] == 0  # no 429, no 500: the rate limit never triggered
    assert [r["endpoint"] for r in figures["runs"]] == ["bare", "query", "bare", "query"]
    assert figures["ratio"] > 0 and figures["target"] == 0.70
    assert figures["met"] == (figures["ratio"] >= 0.70)
    assert "answers checked" in done.stderr
    folder = re.search(r"^data folder: (.+)$", done.stderr, re.MULTILINE)
    assert folder is not None and not Path(folder.group(1)).exists()  # the temp dir is removed
