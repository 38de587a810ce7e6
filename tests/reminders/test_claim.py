"""The claim step called directly: two claimers never get the same row; a dead worker's lease
runs out and the row is claimed again."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from reminders.models import Reminder
from reminders.tasks import claim_due_reminders
from tests.services import require_postgresql


def _due_rows(make_obligation, count):
    # Each obligation's deadline is 59 minutes away: its "1 hour before" reminder is due now.
    for _ in range(count):
        make_obligation(due_in=timedelta(minutes=59))
    return Reminder.objects.filter(status="pending", due_at__lte=timezone.now())


@pytest.mark.django_db
def test_claim_leases_due_rows_oldest_first_and_only_once(make_obligation):
    due = _due_rows(make_obligation, 5)
    assert due.count() == 5
    now = timezone.now()
    token_a, first = claim_due_reminders(now=now, limit=3)
    token_b, second = claim_due_reminders(now=now, limit=3)
    assert len(first) == 3 and len(second) == 2
    assert not set(first) & set(second)
    assert token_a != token_b
    assert set(Reminder.objects.filter(pk__in=first).values_list("lease_token", flat=True)) == {
        __import__("uuid").UUID(token_a)
    }
    assert claim_due_reminders(now=now)[1] == []
    # Rows not yet due are never claimed.
    assert not Reminder.objects.filter(pk__in=first + second, due_at__gt=now).exists()


@pytest.mark.django_db
def test_an_expired_lease_makes_the_row_claimable_again(make_obligation, settings):
    settings.REMINDER_LEASE_SECONDS = 60
    _due_rows(make_obligation, 2)
    now = timezone.now()
    _, ids = claim_due_reminders(now=now)
    assert claim_due_reminders(now=now + timedelta(seconds=59))[1] == []
    token, again = claim_due_reminders(now=now + timedelta(seconds=61))
    assert sorted(again) == sorted(ids)


@pytest.mark.django_db
def test_sent_cancelled_and_future_rows_are_not_claimed(make_obligation):
    _due_rows(make_obligation, 3)
    rows = list(Reminder.objects.filter(due_at__lte=timezone.now()).order_by("pk"))
    Reminder.objects.filter(pk=rows[0].pk).update(status="sent")
    Reminder.objects.filter(pk=rows[1].pk).update(status="cancelled")
    _, ids = claim_due_reminders()
    assert ids == [rows[2].pk]


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_concurrent_claimers_on_postgresql_never_share_a_row(make_obligation):
    require_postgresql(connection)
    _due_rows(make_obligation, 60)
    start = threading.Barrier(4)
    results: list[list[int]] = []
    errors = []

    def claimer():
        from django.db import connections

        try:
            start.wait()
            for _ in range(10):
                results.append(claim_due_reminders(limit=7)[1])
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claimer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    claimed = [pk for batch in results for pk in batch]
    assert len(claimed) == len(set(claimed)) == 60
