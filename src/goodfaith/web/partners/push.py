"""Push: each partner's changes POSTed to its webhook, signed per Standard Webhooks.

Delivery is ordered per partner: its pending deliveries go strictly in ``change.seq`` order, and
the lowest one (the head) blocks the rest until it is delivered or dead-lettered. A failed
attempt is retried after an exponential backoff with full jitter; after ``MAX_ATTEMPTS`` the
delivery is dead (``dead_at``) and no longer blocks the next ones.

State is exactly-once, delivery at-least-once: a worker claims the head in a short transaction
(the partner row locked, ``skip_locked`` where the database has it) by moving its
``next_attempt_at`` forward by ``LEASE``, sends outside the transaction, then records the
result. Another worker sees the head leased (not due) and passes the partner by. A worker killed
between sending and recording leaves the lease to expire and the change is sent again with the
same ``webhook-id``, on which receivers deduplicate.

Deliveries created while a partner had no webhook (``next_attempt_at`` null) are pull-only and
never pushed.
"""

from __future__ import annotations

import http.client
import logging
import random
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

from django.db import close_old_connections, connections, transaction
from django.db.models import QuerySet
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from goodfaith.web.partners import envelope
from goodfaith.web.partners.models import Delivery, Partner

log = logging.getLogger(__name__)

#: failed attempts after which a delivery is dead-lettered
MAX_ATTEMPTS = 8
#: backoff: seconds before the first retry (upper bound), growth factor, upper bound overall
BACKOFF_BASE = 30.0
BACKOFF_FACTOR = 2.0
BACKOFF_CAP = 6 * 3600.0
#: how long a claimed delivery stays reserved for the worker sending it (> the HTTP timeout)
LEASE = timedelta(seconds=60)
CONTENT_TYPE = "application/cloudevents+json"
USER_AGENT = "goodfaith-push/1"
#: characters of an error (or of the receiver's answer) kept in ``last_error``
ERROR_CHARS = 500

Result = Literal["delivered", "retry", "dead", "stale"]

_RNG = random.Random()
# only HTTP(S), no redirects (a 3xx is a failure), proxies from the environment
_OPENER = urllib.request.OpenerDirector()
for _handler in (
    urllib.request.ProxyHandler(),
    urllib.request.HTTPHandler(),
    urllib.request.HTTPSHandler(),
    urllib.request.HTTPDefaultErrorHandler(),
    urllib.request.HTTPErrorProcessor(),
):
    _OPENER.add_handler(_handler)


@dataclass
class PushReport:
    """Counts of one or more rounds."""

    attempted: int = 0
    delivered: int = 0
    failed: int = 0
    dead: int = 0

    def __iadd__(self, other: PushReport) -> PushReport:
        self.attempted += other.attempted
        self.delivered += other.delivered
        self.failed += other.failed
        self.dead += other.dead
        return self

    def __str__(self) -> str:
        return (
            f"attempted={self.attempted} delivered={self.delivered} "
            f"failed={self.failed} dead={self.dead}"
        )


@dataclass(frozen=True)
class Claim:
    """A delivery reserved for one worker until ``lease_until``, with what to send."""

    delivery_id: int
    partner_id: int
    uid: str
    seq: int
    url: str
    secret: str
    body: str
    lease_until: datetime


@dataclass(frozen=True)
class Outcome:
    ok: bool
    error: str = ""


def backoff(attempts: int, rng: random.Random | None = None) -> float:
    """Seconds to wait after a failure, ``attempts`` being the failures before it (full jitter)."""
    bound = min(BACKOFF_CAP, BACKOFF_BASE * BACKOFF_FACTOR ** min(attempts, 64))
    return (rng or _RNG).uniform(0, bound)


def signed_headers(
    secret: str, msg_id: str, body: str, at: datetime | None = None
) -> dict[str, str]:
    """The Standard Webhooks headers (signature over ``id.timestamp.body``) and content type."""
    stamp = (at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return {
        "Content-Type": CONTENT_TYPE,
        "User-Agent": USER_AGENT,
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(stamp.timestamp())),
        # sign() reads the datetime as UTC, so it must be given one in UTC
        "webhook-signature": Webhook(secret).sign(msg_id, stamp, body),
    }


def post(url: str, body: str, headers: dict[str, str], timeout: float) -> Outcome:
    """POST ``body``; any 2xx is success, anything else (or no answer) a failure."""
    if urlsplit(url).scheme not in ("http", "https"):
        return Outcome(False, f"not an http(s) URL: {url[:100]}")
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            response.read(ERROR_CHARS)
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        detail = exc.read(ERROR_CHARS).decode("utf-8", "replace") if exc.fp else ""
        exc.close()
        return Outcome(False, f"HTTP {exc.code}: {detail}".strip())
    except urllib.error.URLError as exc:
        return Outcome(False, f"URLError: {exc.reason}")
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return Outcome(False, f"{type(exc).__name__}: {exc}")
    if 200 <= status < 300:
        return Outcome(True)
    return Outcome(False, f"HTTP {status}")


def _locked(qs: QuerySet[Partner]) -> QuerySet[Partner]:
    """``select_for_update``, skipping rows another worker holds where the database can."""
    if connections[qs.db].features.has_select_for_update_skip_locked:
        return qs.select_for_update(skip_locked=True)
    return qs.select_for_update()  # SQLite: a no-op; its writers are serialised anyway


def _pending(partner_id: int) -> QuerySet[Delivery]:
    return Delivery.objects.filter(
        partner_id=partner_id,
        delivered_at__isnull=True,
        dead_at__isnull=True,
        next_attempt_at__isnull=False,
    )


def _partners_with_due(now: datetime) -> list[int]:
    return list(
        Partner.objects.filter(
            active=True,
            deliveries__delivered_at__isnull=True,
            deliveries__dead_at__isnull=True,
            deliveries__next_attempt_at__lte=now,
        )
        .exclude(webhook_url="")
        .exclude(webhook_secret="")
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )


def _claim(partner_id: int, now: datetime) -> Claim | None:
    """Reserve the partner's head delivery if it is due; None if not due or another worker has
    the partner. The partner row (not the delivery) is locked, so a locked head is never
    skipped in favour of the next change."""
    with transaction.atomic():
        partner = _locked(Partner.objects.filter(pk=partner_id, active=True)).first()
        if partner is None or not partner.webhook_url or not partner.webhook_secret:
            return None
        head = _pending(partner_id).select_related("change__court").order_by("change__seq").first()
        if head is None or head.next_attempt_at is None or head.next_attempt_at > now:
            return None
        lease_until = now + LEASE
        Delivery.objects.filter(pk=head.pk).update(next_attempt_at=lease_until)
        return Claim(
            delivery_id=head.pk,
            partner_id=partner_id,
            uid=head.change.uid,
            seq=head.change.seq,
            url=partner.webhook_url,
            secret=partner.webhook_secret,
            body=envelope.body(partner, head.change),
            lease_until=lease_until,
        )


def _send(claim: Claim, timeout: float) -> Outcome:
    try:
        headers = signed_headers(claim.secret, claim.uid, claim.body)
    except Exception as exc:  # a malformed secret: fail (and eventually dead-letter) the delivery
        return Outcome(False, f"cannot sign: {type(exc).__name__}: {exc}")
    return post(claim.url, claim.body, headers, timeout)


def _record_result(claim: Claim, outcome: Outcome, now: datetime, rng: random.Random) -> Result:
    """Store an attempt's result. A failure counts only while this worker's lease is current."""
    pending = Delivery.objects.filter(pk=claim.delivery_id, delivered_at__isnull=True)
    if outcome.ok:
        pending.update(delivered_at=now, next_attempt_at=None, last_error="")
        return "delivered"
    with transaction.atomic():
        d = (
            pending.filter(next_attempt_at=claim.lease_until, dead_at__isnull=True)
            .select_for_update()
            .first()
        )
        if d is None:  # the lease expired and another worker took the delivery over
            return "stale"
        d.last_error = outcome.error[:ERROR_CHARS]
        d.attempts += 1
        if d.attempts >= MAX_ATTEMPTS:
            d.dead_at, d.next_attempt_at = now, None
        else:
            d.next_attempt_at = now + timedelta(seconds=backoff(d.attempts - 1, rng))
        d.save(update_fields=["attempts", "last_error", "next_attempt_at", "dead_at"])
        return "dead" if d.dead_at else "retry"


def deliver_due(
    now: datetime | None = None,
    *,
    limit: int = 100,
    timeout: float = 5.0,
    rng: random.Random | None = None,
) -> PushReport:
    """One round: send up to ``limit`` due deliveries, each partner's in sequence order, the
    partners taking turns. A partner whose head fails (or is not due) waits for the next round.
    ``now`` fixes the scheduling clock (tests); the signature always carries the real time."""
    if timeout >= LEASE.total_seconds():
        raise ValueError("the HTTP timeout must be shorter than the lease")
    clock: Callable[[], datetime] = (lambda: now) if now is not None else timezone.now
    rng = rng or _RNG
    report = PushReport()
    queue = _partners_with_due(clock())
    while queue and report.attempted < limit:
        for partner_id in list(queue):
            if report.attempted >= limit:
                break
            claim = _claim(partner_id, clock())
            if claim is None:
                queue.remove(partner_id)
                continue
            report.attempted += 1
            outcome = _send(claim, timeout)
            result = _record_result(claim, outcome, clock(), rng)
            if outcome.ok:
                report.delivered += 1
                continue
            log.info("push to partner %s seq %s failed: %s", partner_id, claim.seq, outcome.error)
            report.failed += 1
            report.dead += int(result == "dead")
            queue.remove(partner_id)
    return report


def deliver_all(
    now: datetime | None = None,
    *,
    timeout: float = 5.0,
    rng: random.Random | None = None,
    max_rounds: int = 1000,
) -> PushReport:
    """Rounds until one delivers nothing (all sent, or every remaining head failed or waits)."""
    total = PushReport()
    for _ in range(max_rounds):
        report = deliver_due(now, timeout=timeout, rng=rng)
        total += report
        if report.delivered == 0:
            break
    return total


def run(
    interval: float = 1.0,
    *,
    stop: threading.Event | None = None,
    limit: int = 100,
    timeout: float = 5.0,
    on_round: Callable[[PushReport], None] | None = None,
) -> PushReport:
    """Deliver until ``stop`` is set: again at once after a full round, else after ``interval``.
    An error is logged and the round retried after ``interval``."""
    stop = stop or threading.Event()
    total = PushReport()
    while not stop.is_set():
        close_old_connections()
        try:
            report = deliver_due(limit=limit, timeout=timeout)
        except Exception:  # keep the worker alive: the database may be back next round
            log.exception("push round failed")
            stop.wait(interval)
            continue
        total += report
        if on_round is not None:
            on_round(report)
        if report.attempted < limit:
            stop.wait(interval)
    return total
