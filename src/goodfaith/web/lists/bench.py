"""The public-query benchmark: a throw-away SQLite database of N listed entries, gunicorn, wrk.

The query endpoint is measured against the bare endpoint (``/api/public/ping``) of the same
server in the same run, alternating (bare, query, bare, query), and the best of each is kept.
Nothing here touches the project's own database: every figure comes from a fresh data folder.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import multiprocessing
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from stdnum.cn import ric

from goodfaith.core.rules.dishonest_list import ITEM_TEXT
from goodfaith.core.values.identity import make_resident_id
from goodfaith.web.lists.publish import normalise_name

Say = Callable[[str], None]

PING = "/api/public/ping"
QUERY = "/api/public/dishonest"
TARGET = 0.70
DB_NAME = "bench.sqlite3"
BATCH = 10_000
ENTRIES_PER_DISPUTE = 1_000
QUERY_PATHS = 10_000
MISS_SHARE = 0.10

COURT_CODE = "粤0117"
COURT_NAME = "广州市从化区人民法院"
#: Guangzhou district codes, some newer than the older entries' birth years (a slower check);
#: entry ``i`` gets a unique (region, birth date, serial) for ``i`` < 144 million
REGIONS = ("440117", "440114", "440111", "440106", "440105", "440104", "440103", "440112")
#: a valid region no entry uses: its numbers are well-formed misses
MISS_REGION = "110101"
FIRST_BIRTH = date(1950, 1, 1)
BIRTH_DAYS = 18_000  # 1950 … 1999: every entry is an adult on any query date
FIRST_LISTED = date(2020, 1, 1)
LISTED_DAYS = 2_000
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉飞健建国志林海波晨宇浩然思雨佳欣子轩梓涵一诺嘉怡俊杰文博"

#: the payload fields that differ between entries
_FIELDS = (
    "name",
    "id_number",
    "gender",
    "case_number",
    "filed_on",
    "basis_number",
    "duty",
    "published_on",
)


class BenchError(RuntimeError):
    """The benchmark cannot go on (no wrk, the server did not start, a wrong answer …)."""


# -- the generated entries -------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """One generated dishonest-list entry (a person)."""

    index: int
    name: str
    id_number: str
    birth: str  # ISO dates
    since: str
    filed: str

    @property
    def masked(self) -> str:
        return self.id_number[:10] + "****" + self.id_number[14:]

    @property
    def gender(self) -> str:
        return "男" if int(self.id_number[16]) % 2 else "女"

    @property
    def case_number(self) -> str:
        return f"（2025）{COURT_CODE}执{self.index + 1}号"

    @property
    def basis_number(self) -> str:
        """The root case of the entry's dispute."""
        return f"（2024）{COURT_CODE}民初{self.index // ENTRIES_PER_DISPUTE + 1}号"

    @property
    def duty(self) -> str:
        return f"偿还借款{1_000 + (self.index * 97) % 500_000}元"


_BIRTHS = [FIRST_BIRTH + timedelta(days=d) for d in range(BIRTH_DAYS)]
_BIRTH_ISO = [d.isoformat() for d in _BIRTHS]
_BIRTH_DIGITS = [d.isoformat().replace("-", "") for d in _BIRTHS]
_LISTED = [FIRST_LISTED + timedelta(days=d) for d in range(LISTED_DAYS)]
_SINCE_ISO = [d.isoformat() for d in _LISTED]
_FILED_ISO = [(d - timedelta(days=30)).isoformat() for d in _LISTED]


def entry(i: int) -> Entry:
    """Entry ``i``: the same for the same ``i`` (so the query paths need not be stored).

    Its identity number is ``make_resident_id(region, birth, serial)``, built from cached
    digits: a unique (region, birth date, serial) per ``i``."""
    region, rest = REGIONS[i % len(REGIONS)], i // len(REGIONS)
    day, serial = rest % BIRTH_DAYS, (rest // BIRTH_DAYS) % 1000
    body = f"{region}{_BIRTH_DIGITS[day]}{serial:03d}"
    s, g = len(SURNAMES), len(GIVEN)
    name = SURNAMES[i % s] + GIVEN[(i // s) % g] + ("" if i % 3 == 0 else GIVEN[(i * 7 + 3) % g])
    listed = (i * 37) % LISTED_DAYS
    return Entry(
        i,
        name,
        body + ric.calc_check_digit(body + "0"),
        _BIRTH_ISO[day],
        _SINCE_ISO[listed],
        _FILED_ISO[listed],
    )


def miss(i: int) -> tuple[str, str]:
    """A well-formed (name, identity number) that no entry has."""
    birth = FIRST_BIRTH + timedelta(days=(i * 13) % BIRTH_DAYS)
    return SURNAMES[i % len(SURNAMES)] + "某某", make_resident_id(MISS_REGION, birth, i % 1000)


def lookup_hash(secret: str, id_number: str, name: str) -> str:
    """``publish.lookup_key`` with an explicit secret (the server's, not this process's)."""
    text = f"{id_number.strip().upper()}|{normalise_name(name)}"
    return hmac.digest(secret.encode(), text.encode(), "sha256").hex()


def payload_fields(e: Entry) -> dict[str, Any]:
    """The public JSON of the entry, as ``publish._dishonest`` builds it."""
    return {
        "list": "dishonest",
        "name": e.name,
        "kind": "person",
        "id_number": e.masked,
        "gender": e.gender,
        "court": COURT_NAME,
        "court_code": COURT_CODE,
        "case_number": e.case_number,
        "filed_on": e.filed,
        "basis_number": e.basis_number,
        "basis_issuer": COURT_NAME,
        "duty": e.duty,
        "performance": "全部未履行",
        "conduct": [ITEM_TEXT[1]],
        "published_on": e.since,
    }


def _payload_template() -> str:
    """``payload_fields`` dumped as ``publish.refresh_public`` does, with ``%(field)s`` holes."""
    marks = {f: chr(0xE000 + n) for n, f in enumerate(_FIELDS)}  # private-use characters
    sample = payload_fields(entry(0)) | marks
    text = json.dumps(sample, ensure_ascii=False, separators=(",", ":")).replace("%", "%%")
    for f, mark in marks.items():
        text = text.replace(mark, f"%({f})s")
    return text


PAYLOAD = _payload_template()


def payload(e: Entry) -> str:
    """The stored payload text (fast: no JSON encoder; the generated values need no escaping)."""
    return PAYLOAD % {
        "name": e.name,
        "id_number": e.masked,
        "gender": e.gender,
        "case_number": e.case_number,
        "filed_on": e.filed,
        "basis_number": e.basis_number,
        "duty": e.duty,
        "published_on": e.since,
    }


# -- the database ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    entries: int
    disputes: int
    seconds: float
    #: seconds making and inserting rows, building the indexes, committing and checkpointing
    phases: dict[str, float]

    @property
    def rows_per_s(self) -> float:
        return self.entries / self.seconds if self.seconds else 0.0


def bench_env(data_dir: Path, secret: str) -> dict[str, str]:
    """The environment of the migrating process and of the server."""
    env = {k: v for k, v in os.environ.items() if k != "GOODFAITH_DEBUG"}
    env.update(
        DJANGO_SETTINGS_MODULE="goodfaith.web.settings",
        DATABASE_URL=f"sqlite:///{data_dir / DB_NAME}",
        GOODFAITH_DATA_DIR=str(data_dir),
        GOODFAITH_SECRET_KEY=secret,
        GOODFAITH_ALLOWED_HOSTS="127.0.0.1,localhost",
        GOODFAITH_PUBLIC_QUERY_RATE="1000000000/s",  # never limits, but the code path runs
        GOODFAITH_SQLITE_CONN_MAX_AGE="none",
        GOODFAITH_DEBUG="0",
    )
    return env


def migrate(env: dict[str, str]) -> None:
    """Create the schema with the project's own migrations, in a separate process."""
    done = subprocess.run(
        [sys.executable, "-m", "goodfaith.cli", "migrate", "--no-input", "-v", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise BenchError(f"migrate failed ({done.returncode}):\n{done.stderr.strip()}")


def records(start: int, stop: int, secret: str) -> list[tuple[Any, ...]]:
    """The ``lists_publicrecord`` rows of entries ``start`` … ``stop - 1`` (no ids)."""
    keyed = hmac.new(secret.encode(), digestmod=hashlib.sha256)
    rows = []
    for i in range(start, stop):
        e = entry(i)
        h = keyed.copy()
        h.update(f"{e.id_number}|{normalise_name(e.name)}".encode())
        rows.append(
            (
                i // ENTRIES_PER_DISPUTE + 1,
                1,
                f"D{i % ENTRIES_PER_DISPUTE + 1}",
                "dishonest",
                e.case_number,
                h.hexdigest(),
                e.name,
                e.birth,
                e.since,
                payload(e),
            )
        )
    return rows


def _records(job: tuple[int, int, str]) -> list[tuple[Any, ...]]:
    return records(*job)


def load(db: Path, n: int, secret: str) -> Load:
    """Insert one court, a dispute per thousand entries and ``n`` public records (raw sqlite3)."""
    start = time.perf_counter()
    phases: dict[str, float] = {}
    disputes = max(1, math.ceil(n / ENTRIES_PER_DISPUTE))
    con = sqlite3.connect(db, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("PRAGMA cache_size=-1048576")  # 1 GiB: the load and index builds in memory
        # the lookup index is built once after the rows are in (faster than n random inserts)
        indexes = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name = 'lists_publicrecord'"
        ).fetchall()
        con.execute("BEGIN")
        for name, _ in indexes:
            con.execute(f'DROP INDEX "{name}"')
        con.execute(
            "INSERT INTO cases_court (id, code, name, policy) VALUES (1, ?, ?, 'conghua-2022')",
            (COURT_CODE, COURT_NAME),
        )
        now = "2025-01-01 00:00:00"
        con.executemany(
            "INSERT INTO cases_dispute (id, court_id, root_case, title, policy, latest_case, "
            "stage, outstanding, created_at, updated_at) VALUES (?, 1, ?, ?, 'conghua-2022', "
            "'', '', NULL, ?, ?)",
            (
                (k, f"（2024）{COURT_CODE}民初{k}号", f"基准测试案件{k}", now, now)
                for k in range(1, disputes + 1)
            ),
        )
        insert = (
            "INSERT INTO lists_publicrecord (dispute_id, court_id, party_key, list, case_number, "
            "lookup, name, birth_date, since, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        # rows are made in worker processes while this one inserts
        jobs = [(a, min(a + BATCH, n), secret) for a in range(0, n, BATCH)]
        fork = multiprocessing.get_context("fork")  # workers inherit the set-up Django
        with fork.Pool(max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
            for chunk in pool.imap(_records, jobs):
                con.executemany(insert, chunk)
        phases["rows"] = time.perf_counter() - start
        for _, sql in indexes:
            con.execute(sql)
        phases["indexes"] = time.perf_counter() - start - phases["rows"]
        con.execute("COMMIT")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    seconds = time.perf_counter() - start
    phases["commit"] = seconds - phases["rows"] - phases["indexes"]
    return Load(n, disputes, seconds, phases)


# -- the query paths -------------------------------------------------------------------------


def query_path(name: str, id_number: str) -> str:
    return f"{QUERY}?{urllib.parse.urlencode({'name': name, 'id_number': id_number})}"


def query_paths(n: int, count: int = QUERY_PATHS, seed: int = 2025) -> list[str]:
    """``count`` query paths in random order: entries spread over the whole table, ~10 % misses."""
    rng = random.Random(seed)
    misses = round(count * MISS_SHARE)
    hits = min(n, count - misses)
    paths = [query_path(e.name, e.id_number) for e in map(entry, rng.sample(range(n), hits))]
    paths += [query_path(*miss(i)) for i in range(misses)]
    rng.shuffle(paths)
    return paths


# -- the server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str, timeout: float = 5.0) -> tuple[int, str]:
    """Status and body of a GET (error statuses too)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")


@dataclass
class Server:
    """A gunicorn serving the project's WSGI application on 127.0.0.1."""

    env: dict[str, str]
    workers: int
    log: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> None:
        self.port = free_port()
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [
                    *(sys.executable, "-m", "gunicorn", "--workers", str(self.workers)),
                    *("--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"),
                    "goodfaith.web.wsgi:application",
                ],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn exited ({self.process.returncode}):\n{self._tail()}")
            try:
                if get(self.base + PING, timeout=1.0) == (200, '{"ok":true}'):
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise BenchError(f"gunicorn did not answer {PING} within {timeout:.0f} s:\n{self._tail()}")

    def stop(self) -> None:
        p = self.process
        if p is None or p.poll() is not None:
            return
        p.terminate()
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=10)

    def cpu_seconds(self) -> float:
        """CPU seconds the server (master and workers) has used so far (Linux; else 0)."""
        return tree_cpu_seconds(self.process.pid) if self.process else 0.0

    def _tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return ""


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children, from ``/proc`` (0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    try:
        procs = [d for d in os.listdir("/proc") if d.isdigit()]
    except OSError:
        return 0.0
    for d in procs:
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue  # ended meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()  # state, ppid, … (proc(5) from field 3)
        if int(d) == pid or int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def check_answers(base: str, known: Entry, missing: tuple[str, str]) -> None:
    """A known entry is found, masked; a miss finds nothing (else measuring would be moot)."""
    status, body = get(base + query_path(known.name, known.id_number))
    if status != 200:
        raise BenchError(f"query for a known entry answered {status}: {body[:300]}")
    data = json.loads(body)
    if data.get("count") != 1 or len(data.get("entries", [])) != 1:
        raise BenchError(f"query for a known entry did not find exactly it: {body[:300]}")
    found = data["entries"][0]
    if found.get("id_number") != known.masked or found.get("name") != known.name:
        raise BenchError(f"query for a known entry answered another record: {body[:300]}")
    if known.id_number in body:
        raise BenchError("query answer holds the full identity number (must be masked)")
    status, body = get(base + query_path(*missing))
    if status != 200 or json.loads(body).get("count") != 0:
        raise BenchError(f"query for a missing entry answered {status}: {body[:300]}")


# -- the load generator ----------------------------------------------------------------------

WRK_SCRIPT = """\
-- goodfaith public_benchmark: a random path of the list per request; figures as one JSON line
local paths = {}
for line in io.lines(%(paths)s) do paths[#paths + 1] = line end
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter)
end
init = function(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "GOODFAITH-WRK {\\"requests\\":%%.0f,\\"duration_us\\":%%.0f,\\"p50_us\\":%%.0f," ..
    "\\"p99_us\\":%%.0f,\\"max_us\\":%%.0f,\\"connect\\":%%.0f,\\"read\\":%%.0f," ..
    "\\"write\\":%%.0f,\\"status\\":%%.0f,\\"timeout\\":%%.0f}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def ensure_wrk(say: Say) -> str:
    """The path of ``wrk``; installed with apt-get (Debian package ``wrk``) when run as root."""
    found = shutil.which("wrk")
    if found:
        return found
    how = "install it with `sudo apt-get install wrk` (Debian package wrk), or `make system`"
    if os.geteuid() != 0:
        raise BenchError(f"wrk (the HTTP load generator) is not installed: {how}")
    say("wrk is not installed: installing the Debian package wrk with apt-get …")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", "wrk"]
    for step in (install, ["apt-get", "update", "-qq"], install):
        subprocess.run(step, env=env, capture_output=True, timeout=600)
        found = shutil.which("wrk")
        if found:
            return found
    raise BenchError(f"wrk is not installed and `apt-get install wrk` failed: {how}")


@dataclass
class Run:
    """One wrk run against one endpoint."""

    endpoint: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: dict[str, int]
    #: CPU time (user + system) of the gunicorn processes per request: robust to other load
    server_cpu_ms: float

    @property
    def requests_per_s(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


_WRK_LINE = re.compile(r"^GOODFAITH-WRK (\{.*\})$", re.MULTILINE)


def wrk(
    binary: str, base: str, script: Path, seconds: float, connections: int, threads: int
) -> dict[str, float]:
    """Run wrk once; the figures its ``done()`` prints."""
    cmd = [binary, f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s"]
    cmd += ["--timeout", "5s", "-s", str(script), base + "/"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    found = _WRK_LINE.search(done.stdout)
    if done.returncode != 0 or found is None:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr.strip() or done.stdout}")
    figures: dict[str, float] = json.loads(found.group(1))
    return figures


def write_script(folder: Path, label: str, paths: list[str]) -> Path:
    """The path list and the wrk Lua script that picks from it."""
    listing = folder / f"{label}-paths.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="ascii")
    script = folder / f"{label}.lua"
    script.write_text(WRK_SCRIPT % {"paths": json.dumps(str(listing))}, encoding="utf-8")
    return script


def measure(
    binary: str,
    base: str,
    endpoint: str,
    script: Path,
    seconds: float,
    connections: int,
    threads: int,
    cpu: Callable[[], float],
) -> Run:
    before = cpu()
    f = wrk(binary, base, script, seconds, connections, threads)
    used = cpu() - before
    errors = {k: int(f[k]) for k in ("connect", "read", "write", "status", "timeout")}
    return Run(
        endpoint,
        int(f["requests"]),
        f["duration_us"] / 1e6,
        f["p50_us"] / 1e3,
        f["p99_us"] / 1e3,
        f["max_us"] / 1e3,
        errors,
        used * 1e3 / f["requests"] if f["requests"] else 0.0,
    )


# -- the whole benchmark ---------------------------------------------------------------------


@dataclass
class Report:
    entries: int
    cpus: int
    workers: int
    connections: int
    seconds: float
    load: Load
    runs: list[Run] = field(default_factory=list)
    #: the machine's 1-minute load average before and after measuring (other work disturbs it)
    loadavg: tuple[float, float] = (0.0, 0.0)

    def best(self, endpoint: str) -> Run:
        return max((r for r in self.runs if r.endpoint == endpoint), key=lambda r: r.requests_per_s)

    @property
    def ratio(self) -> float:
        bare = self.best("bare").requests_per_s
        return self.best("query").requests_per_s / bare if bare else 0.0

    @property
    def met(self) -> bool:
        return self.ratio >= TARGET

    def as_json(self) -> dict[str, Any]:
        def best(endpoint: str, path: str) -> dict[str, Any]:
            r = self.best(endpoint)
            return {
                "path": path,
                "requests_per_s": round(r.requests_per_s, 1),
                "p50_ms": round(r.p50_ms, 3),
                "p99_ms": round(r.p99_ms, 3),
                "server_cpu_ms": round(r.server_cpu_ms, 3),
                "requests": r.requests,
                "errors": r.errors,
            }

        return {
            "entries": self.entries,
            "cpus": self.cpus,
            "workers": self.workers,
            "connections": self.connections,
            "seconds": self.seconds,
            "load": {
                "entries": self.load.entries,
                "disputes": self.load.disputes,
                "seconds": round(self.load.seconds, 2),
                "rows_per_s": round(self.load.rows_per_s),
                "phases": {k: round(v, 2) for k, v in self.load.phases.items()},
            },
            "endpoints": {"bare": best("bare", PING), "query": best("query", QUERY)},
            "runs": [asdict(r) | {"requests_per_s": round(r.requests_per_s, 1)} for r in self.runs],
            "loadavg": list(self.loadavg),
            "ratio": round(self.ratio, 3),
            "target": TARGET,
            "met": self.met,
        }

    def table(self) -> str:
        rows = [
            f"{'endpoint':<28}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms/req':>12}{'errors':>8}"
        ]
        for endpoint, path in (("bare", PING), ("query", QUERY)):
            r = self.best(endpoint)
            rows.append(
                f"{endpoint + ' ' + path:<28}{r.requests_per_s:>10,.0f}{r.p50_ms:>9.2f}"
                f"{r.p99_ms:>9.2f}{r.server_cpu_ms:>12.3f}{sum(r.errors.values()):>8}"
            )
        verdict = "met" if self.met else "not met"
        rows.append(f"ratio query/bare: {self.ratio:.2f} (target ≥ {TARGET:.2f}: {verdict})")
        rows.append(
            f"(CPU ms/req: user + system time of the gunicorn processes per request; "
            f"load average {self.loadavg[0]:.2f} before, {self.loadavg[1]:.2f} after measuring)"
        )
        return "\n".join(rows)


def run(
    folder: Path,
    entries: int,
    seconds: float,
    connections: int,
    workers: int,
    say: Say,
) -> Report:
    """The whole benchmark in ``folder`` (which the caller creates and removes)."""
    binary = ensure_wrk(say)
    secret = os.urandom(32).hex()
    env = bench_env(folder, secret)
    say(f"data folder: {folder}")
    t0 = time.perf_counter()
    migrate(env)
    say(f"migrated a new SQLite database in {time.perf_counter() - t0:.1f} s")
    loaded = load(folder / DB_NAME, entries, secret)
    phases = ", ".join(f"{k} {v:.1f} s" for k, v in loaded.phases.items())
    say(
        f"loaded {loaded.entries:,} entries ({loaded.disputes:,} disputes) in "
        f"{loaded.seconds:.1f} s ({loaded.rows_per_s:,.0f} rows/s; {phases})"
    )
    paths = query_paths(entries)
    scripts = {
        "bare": write_script(folder, "bare", [PING]),
        "query": write_script(folder, "query", paths),
    }
    cpus = os.cpu_count() or 1
    threads = max(1, min(connections, cpus))
    report = Report(entries, cpus, workers, connections, seconds, loaded)
    server = Server(env, workers, folder / "gunicorn.log")
    try:
        server.start()
        say(f"gunicorn: {workers} workers on {server.base}")
        check_answers(server.base, entry(entries // 2), miss(0))
        say("answers checked: a known entry is found (masked), a miss finds nothing")
        before = os.getloadavg()[0]
        warm = min(2.0, seconds)
        for endpoint in ("bare", "query"):
            wrk(binary, server.base, scripts[endpoint], warm, connections, threads)
        for endpoint in ("bare", "query", "bare", "query"):
            r = measure(
                binary,
                server.base,
                endpoint,
                scripts[endpoint],
                seconds,
                connections,
                threads,
                server.cpu_seconds,
            )
            report.runs.append(r)
            say(
                f"  {endpoint:<5} {r.requests_per_s:>9,.0f} req/s  p50 {r.p50_ms:.2f} ms  "
                f"p99 {r.p99_ms:.2f} ms  server CPU {r.server_cpu_ms:.2f} ms/req  "
                f"errors {sum(r.errors.values())}"
            )
        report.loadavg = (round(before, 2), round(os.getloadavg()[0], 2))
    finally:
        server.stop()
    return report
