"""A reference receiver for the partner push: what a partner's webhook endpoint should do.

- verify every request with ``standardwebhooks`` (the partner's ``whsec_`` secret): a missing,
  forged or stale signature gets 401 and nothing is applied;
- apply each ``webhook-id`` exactly once to its own store (``records``: record id -> record; a
  change whose ``data.record`` is null removes the record; the honest-list snapshot replaces the
  honest records); a duplicate gets 200 and is not applied again;
- answer 200, then acknowledge to the court (``POST {base_url}/api/partner/acks`` with its
  bearer token) from a background thread that batches and retries until the court has it.

``down = True`` makes it answer 503 to everything (an outage). Use it as a context manager.
"""

from __future__ import annotations

import json
import queue
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from standardwebhooks.webhooks import Webhook

MAX_BODY = 1 << 20
ACK_BATCH = 100


class Receiver:
    """A partner's webhook endpoint on 127.0.0.1 (a free port), with its own store."""

    def __init__(self, secret: str, *, base_url: str = "", token: str = "") -> None:
        self.webhook = Webhook(secret)
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.down = False
        self.records: dict[str, Any] = {}
        self.applied_ids: set[str] = set()
        self.applied_seqs: list[int] = []
        #: verified requests per webhook-id (a duplicate counts twice)
        self.seen: Counter[str] = Counter()
        #: every verified body, as received
        self.bodies: list[str] = []
        self.rejected = 0
        #: change id -> time.perf_counter() when the court accepted its acknowledgement
        self.acked: dict[str, float] = {}
        self.ack_errors: list[str] = []
        self._lock = threading.Lock()
        self._acked = threading.Condition(self._lock)
        self._to_ack: queue.Queue[str] = queue.Queue()
        self._unacked = 0  # queued or in flight
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.receiver = self  # type: ignore[attr-defined]
        self._threads = [
            threading.Thread(target=self._server.serve_forever, daemon=True),
            threading.Thread(target=self._ack_loop, daemon=True),
        ]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/goodfaith/webhook"

    def __enter__(self) -> Receiver:
        for t in self._threads:
            t.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        for t in self._threads:
            t.join(timeout=5)

    # receiving

    def receive(self, body: bytes, headers: dict[str, str]) -> int:
        """The HTTP status for one request (applying it if it is new and genuine)."""
        if self.down:
            return 503
        try:
            event = self.webhook.verify(body, headers)
            msg_id = {k.lower(): v for k, v in headers.items()}["webhook-id"]
            data = event["data"]
            if event["id"] != msg_id:  # the signed header and the event must agree
                raise ValueError("webhook-id differs from the event id")
        except Exception:  # forged, stale, malformed: nothing is applied
            with self._lock:
                self.rejected += 1
            return 401
        with self._lock:
            self.seen[msg_id] += 1
            self.bodies.append(body.decode())
            if msg_id in self.applied_ids:  # a redelivery: already applied
                return 200
            self._apply(data)
            self.applied_ids.add(msg_id)
            self.applied_seqs.append(int(data["seq"]))
        self._queue_ack(msg_id)
        return 200

    def _apply(self, data: dict[str, Any]) -> None:
        record = data.get("record")
        if data.get("change") == "honest_snapshot" and record is not None:
            for rid in [r for r in self.records if r.startswith("honest:")]:
                del self.records[rid]
            for entry in record.get("records", []):
                self.records[entry["record_id"]] = entry["record"]
        elif record is None:
            self.records.pop(data["record_id"], None)
        else:
            self.records[data["record_id"]] = record

    # acknowledging

    def _queue_ack(self, msg_id: str) -> None:
        if not (self.base_url and self.token):
            return
        with self._lock:
            self._unacked += 1
        self._to_ack.put(msg_id)

    def _ack_loop(self) -> None:
        while not self._stop.is_set():
            try:
                batch = [self._to_ack.get(timeout=0.05)]
            except queue.Empty:
                continue
            while len(batch) < ACK_BATCH:
                try:
                    batch.append(self._to_ack.get_nowait())
                except queue.Empty:
                    break
            delay = 0.05
            while not self._stop.is_set() and not self._send_acks(batch):
                self._stop.wait(delay)
                delay = min(delay * 2, 2.0)
            with self._acked:
                self._unacked -= len(batch)
                self._acked.notify_all()

    def _send_acks(self, ids: list[str]) -> bool:
        """True when the court answered (each result recorded); False to retry later."""
        payload = {"acks": [{"id": i, "status": "applied"} for i in ids]}
        request = urllib.request.Request(
            f"{self.base_url}/api/partner/acks",
            data=json.dumps(payload).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
            method="POST",
        )
        try:
            with _NO_PROXY.open(request, timeout=10) as response:
                results = json.loads(response.read())["results"]
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code >= 500 or exc.code == 429:
                return False
            with self._lock:  # refused (bad key, bad request): retrying will not help
                self.ack_errors += [f"{i}: HTTP {exc.code}" for i in ids]
            return True
        except (OSError, ValueError, KeyError):
            return False
        now = time.perf_counter()
        with self._lock:
            for r in results:
                if r.get("ok"):
                    self.acked[r["id"]] = now
                else:
                    self.ack_errors.append(f"{r.get('id')}: {r.get('error')}")
        return True

    def wait_acks(self, timeout: float = 10.0) -> bool:
        """Wait until every applied change has been acknowledged (or refused)."""
        with self._acked:
            return self._acked.wait_for(lambda: self._unacked == 0, timeout)

    def wait_acked(self, msg_id: str, timeout: float = 10.0) -> bool:
        """Wait until the court has accepted the acknowledgement of ``msg_id``."""
        with self._acked:
            return self._acked.wait_for(lambda: msg_id in self.acked, timeout)


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class _Handler(BaseHTTPRequestHandler):
    server_version = "partner-receiver/1"

    def do_POST(self) -> None:
        receiver: Receiver = self.server.receiver  # type: ignore[attr-defined]
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self._answer(413 if length > MAX_BODY else 411)
            return
        body = self.rfile.read(length)
        self._answer(receiver.receive(body, dict(self.headers.items())))

    def _answer(self, status: int) -> None:
        text = json.dumps({"status": status}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def log_message(self, format: str, *args: Any) -> None:
        pass
