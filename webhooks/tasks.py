"""Sending webhook deliveries: queued after the change commits, swept by the beat.

``deliver`` is queued with the ids of the rows a committed change wrote. The beat runs
``dispatch_due_deliveries`` (every ``WEBHOOK_DISPATCH_SECONDS``) for what that missed: retries
whose time has come, a queue message lost, a worker killed mid-send (its lease runs out). A task
sends a row only while it holds the row's lease and records the outcome with a conditional UPDATE
on that lease, as the reminders do.

Guarantee: at least once. The one window for a second copy is a worker dying after the receiver
answered and before the row recorded it; the copy carries the same ``Breachclock-Delivery`` id.
Before each attempt the hook's owner must still see the case (``events.may_receive``) and the
address must still be public (``guard.check_url``).
"""

from __future__ import annotations

import logging
import time
import uuid
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from .choices import DeliveryStatus
from .events import may_receive
from .guard import UnsafeAddress, check_url
from .models import Delivery
from .payloads import render
from .sender import Pools, post
from .signing import DELIVERY_HEADER, EVENT_HEADER, HEADER, signature

logger = logging.getLogger(__name__)


def lease_length() -> timedelta:
    return timedelta(seconds=settings.WEBHOOK_LEASE_SECONDS)


def backoff(attempt: int) -> timedelta:
    base, cap = settings.WEBHOOK_RETRY_BASE_SECONDS, settings.WEBHOOK_RETRY_MAX_SECONDS
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempt - 1)))


def _free(now):
    # Served by the partial index delivery_pending_due_idx (status = 'pending', next_attempt_at).
    return Delivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now).filter(
        Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    )


def claim_due_deliveries(*, now=None, limit: int = 200) -> tuple[str, list[int]]:
    """Lease up to ``limit`` due rows to a new token. Two claimers never get the same row: on
    PostgreSQL rows another claimer has locked are skipped (SKIP LOCKED); elsewhere the UPDATE
    re-checks "still free", so only one of two racing claimers matches each row."""
    now = now or timezone.now()
    token = uuid.uuid4()
    with transaction.atomic():
        wanted = list(
            _free(now)
            .order_by("next_attempt_at", "id")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        _free(now).filter(pk__in=wanted).update(
            lease_token=token, leased_until=now + lease_length()
        )
    ids = list(
        Delivery.objects.filter(pk__in=wanted, lease_token=token).values_list("pk", flat=True)
    )
    return str(token), ids


@shared_task(name="webhooks.dispatch_due_deliveries", ignore_result=True)
def dispatch_due_deliveries(batch: int = 200, max_batches: int = 20) -> int:
    queued = 0
    for _ in range(max_batches):
        token, ids = claim_due_deliveries(limit=batch)
        for i in range(0, len(ids), settings.WEBHOOK_SEND_CHUNK):
            deliver.delay(ids[i : i + settings.WEBHOOK_SEND_CHUNK], token)
        queued += len(ids)
        if len(ids) < batch:
            break
    return queued


@shared_task(name="webhooks.deliver", ignore_result=True)
def deliver(delivery_ids: list[int], token: str | None = None) -> dict[int, str]:
    """Send these rows if this task can take their lease: rows the beat leased to ``token``,
    or (no token: queued by a commit) rows nobody holds."""
    now = timezone.now()
    mine = uuid.uuid4()
    rows = Delivery.objects.filter(pk__in=delivery_ids, status=DeliveryStatus.PENDING)
    rows = rows.filter(lease_token=token) if token else _free(now).filter(pk__in=delivery_ids)
    rows.update(lease_token=mine, leased_until=now + lease_length(), attempts=F("attempts") + 1)
    taken = (
        Delivery.objects.filter(pk__in=delivery_ids, lease_token=mine)
        .select_related("webhook__created_by", "event__incident__owner", "event__obligation")
        .order_by("id")
    )
    outcome = {pk: "not mine" for pk in delivery_ids}
    chunk = Chunk()
    try:
        for row in taken:
            outcome[row.pk] = _attempt(chunk.share(row), mine, chunk)
    finally:
        chunk.pools.close()
    return outcome


class Chunk:
    """What the rows of one task share: connections, and each (hook, case) check and each
    person's permissions and zone read once per task rather than once per row."""

    def __init__(self):
        self.pools = Pools()
        self.objects: dict[tuple, object] = {}
        self.checked: dict[tuple[int, int], str | None] = {}

    def share(self, row: Delivery) -> Delivery:
        row.webhook = self.objects.setdefault(("hook", row.webhook_id), row.webhook)
        event = row.event
        event.incident = self.objects.setdefault(("case", event.incident_id), event.incident)
        return row

    def may_receive(self, hook, incident) -> str | None:
        key = (hook.pk, incident.pk)
        if key not in self.checked:
            self.checked[key] = may_receive(hook, incident)
        return self.checked[key]


def _attempt(row: Delivery, token, chunk: Chunk) -> str:
    hook, event = row.webhook, row.event
    now = timezone.now()
    why_not = chunk.may_receive(hook, event.incident)
    if why_not:
        return _finish(row, token, DeliveryStatus.SKIPPED, error=why_not)
    try:
        target = check_url(hook.url)
    except UnsafeAddress as exc:
        return _finish(row, token, DeliveryStatus.FAILED, error=f"refused at delivery: {exc}")
    body = render(hook.format, event, event.incident, event.obligation, str(row.delivery_id), now)
    headers = {
        "Content-Type": "application/json",
        HEADER: signature(hook.secret, body, int(time.time())),
        DELIVERY_HEADER: str(row.delivery_id),
        EVENT_HEADER: event.name,
    }
    result = post(target, body, headers, chunk.pools)
    common = {"response_status": result.status, "latency_ms": result.latency_ms}
    if result.delivered:
        return _finish(row, token, DeliveryStatus.DELIVERED, **common)
    if not result.retry:
        return _finish(row, token, DeliveryStatus.FAILED, error=result.error, **common)
    next_at = timezone.now() + backoff(row.attempts)
    give_up_at = row.created_at + timedelta(seconds=settings.WEBHOOK_GIVE_UP_AFTER_SECONDS)
    if next_at > give_up_at:
        error = f"gave up after {row.attempts} attempts over a day; last: {result.error}"
        return _finish(row, token, DeliveryStatus.FAILED, error=error, **common)
    Delivery.objects.filter(pk=row.pk, lease_token=token).update(
        lease_token=None,
        leased_until=None,
        next_attempt_at=next_at,
        last_error=result.error,
        **common,
    )
    logger.info("webhook delivery %s: %s; next attempt at %s", row.pk, result.error, next_at)
    return "retry"


def _finish(row, token, status, *, error: str = "", **fields) -> str:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Not waiting for the WAL flush makes this commit several times cheaper. Other
            # sessions see it at once, so a worker crash is unaffected; only a PostgreSQL crash
            # could forget the last instant of marks, and those deliveries would go again with
            # the same delivery id: the at-least-once promise receivers already handle.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        Delivery.objects.filter(pk=row.pk, lease_token=token).update(
            status=status,
            lease_token=None,
            leased_until=None,
            last_error=error[:500],
            finished_at=timezone.now(),
            **fields,
        )
    return status
