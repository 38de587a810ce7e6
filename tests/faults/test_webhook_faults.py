"""Webhook deliveries with a real Celery worker + beat on a real Redis, to a real HTTP receiver on
loopback that checks signatures and drops repeats by ``Breachclock-Delivery`` id: a worker killed
mid-delivery, a receiver answering 500, a due-soon reminder going out through the schedule."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from webhooks.models import Delivery

from .harness import wait_for

pytestmark = [pytest.mark.services]

WORKER = {
    "WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",  # the receiver on loopback
    "WEBHOOK_DISPATCH_SECONDS": "1",
    "WEBHOOK_LEASE_SECONDS": "5",
    "WEBHOOK_READ_TIMEOUT_SECONDS": "3",
    "WEBHOOK_RETRY_BASE_SECONDS": "1",
    "WEBHOOK_RETRY_MAX_SECONDS": "2",
}


@pytest.fixture
def hook(counsel, receiver):
    from webhooks.actions import create_webhook

    made, secret = create_webhook(
        counsel, url=receiver.url, events=["case.opened", "obligation.due_soon"]
    )
    receiver.secrets.append(secret)
    return made


@pytest.fixture
def opened(make_incident, hook, monkeypatch):
    """``opened(n)``: n cases opened, each a pending ``case.opened`` delivery. The queue message
    from this process is dropped: the worker's beat must find the rows (a lost message)."""
    from webhooks import events

    monkeypatch.setattr(events, "_queue", lambda ids: None)

    def make(n):
        cases = [make_incident() for _ in range(n)]
        for case in cases:
            events.emit("case.opened", case, key=f"case.opened.{case.pk}")
        assert Delivery.objects.filter(status="pending").count() == n
        return cases

    return make


def _all_delivered():
    return not Delivery.objects.exclude(status="delivered").exists()


def _report(receiver, label):
    dropped, twice = receiver.dropped, receiver.processed_twice()
    print(
        f"{label}: {len(receiver.requests)} requests, {len(set(receiver.processed))} deliveries "
        f"processed, {dropped} repeat(s) of a processed delivery dropped by its id, "
        f"{twice} processed twice"
    )
    return dropped, twice


def test_a_worker_killed_mid_delivery_still_delivers_each_once(workers, receiver, opened):
    opened(8)
    receiver.delay = 2.0  # the first request is in flight when the worker dies
    worker = workers.start(**WORKER)
    wait_for(lambda: receiver.requests, 60, "the first request to arrive")
    worker.kill()  # SIGKILL while waiting for the answer: the row was never marked delivered
    assert Delivery.objects.filter(status="delivered").count() == 0
    receiver.delay = 0
    workers.start(**WORKER)
    wait_for(_all_delivered, 60, "every delivery after the restart")
    time.sleep(2)  # room for a late copy to show up
    ids = {str(d) for d in Delivery.objects.values_list("delivery_id", flat=True)}
    assert set(receiver.processed) == ids
    assert receiver.bad_signatures == 0
    dropped, twice = _report(receiver, "worker killed mid-delivery")
    assert twice == 0
    assert dropped >= 1  # the request in flight went again, with the same delivery id
    retried = Delivery.objects.filter(attempts__gt=1)
    assert retried.exists()


def test_a_500_is_retried_until_delivered(workers, receiver, opened):
    opened(3)
    receiver.answers = [500, 503, 500]
    workers.start(**WORKER)
    wait_for(_all_delivered, 60, "every delivery after the 5xx answers")
    rows = list(Delivery.objects.all())
    assert sum(r.attempts for r in rows) == len(rows) + 3
    assert all(r.response_status == 200 and r.latency_ms is not None for r in rows)
    dropped, twice = _report(receiver, "retried after 500")
    assert twice == dropped == 0 and len(receiver.processed) == 3


def test_a_due_soon_reminder_reaches_the_receiver_signed(workers, receiver, hook, make_obligation):
    duty = make_obligation(due_in=timedelta(minutes=59))  # its "1 hour before" reminder is due
    workers.start(**WORKER)
    wait_for(lambda: receiver.processed, 60, "the due-soon event")
    [request] = receiver.requests
    assert receiver.bad_signatures == 0  # the signature verified with the hook's secret
    body = request.json
    assert body["event"] == "obligation.due_soon"
    assert body["obligation"]["id"] == duty.pk
    assert body["data"] == {
        "reminder": "before",
        "offset_minutes": -60,
        "deadline_at": duty.due_at.isoformat().replace("+00:00", "Z"),
        "owed": "notice",  # the notice itself, not the further information of a phased one
    }
    assert Delivery.objects.get().status == "delivered"
