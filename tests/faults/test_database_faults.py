"""PostgreSQL restarting, crashing, unreachable, and cutting connections, under a real worker with
its beat, a real web server and a real SMTP server: every due reminder is delivered exactly once
(counted by Message-ID), no claim outlives its lease, the web answers 503 "try again" while the
database is away and recovers by itself, and so does the worker.

The database is a throw-away cluster of these tests' own (``own_postgres``), never the shared
server. ``BREACHCLOCK_DB_OUTAGE_SECONDS`` sets how long the outage test keeps it down (two minutes
unless set; CI sets a shorter one - the mechanism is the same: the server is stopped).
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from datetime import timedelta

import psycopg
import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from reminders.models import Reminder
from reminders.tasks import DB_LOST

from .conftest import assert_each_once, expected_ids
from .harness import wait_for
from .test_delivery_faults import expected_ids_for_rows

pytestmark = [pytest.mark.services]

OUTAGE_SECONDS = float(os.environ.get("BREACHCLOCK_DB_OUTAGE_SECONDS", "120"))


def through_outage(check):
    """A condition read through this process's connection, which the faults also cut."""

    def run():
        try:
            return check()
        except DB_LOST:
            connection.close()
            return False

    return run


def all_sent(obligations):
    def check():
        due = Reminder.objects.filter(obligation__in=obligations, due_at__lte=timezone.now())
        return due.exists() and not due.filter(status="pending").exists()

    return through_outage(check)


def delivered(smtp, n):
    return lambda: len(smtp.handler.counts()) >= n


def assert_no_stranded_claims():
    """Every lease has either ended with its row sent, or is still running: none left behind."""
    stale = Reminder.objects.filter(
        status="pending", lease_token__isnull=False, leased_until__lt=timezone.now()
    )
    assert not stale.exists(), list(stale.values("pk", "leased_until"))


def due_rows(obligations):
    return Reminder.objects.filter(obligation__in=obligations, due_at__lte=timezone.now())


def leased_but_unsent(obligations):
    return through_outage(
        lambda: Reminder.objects.filter(
            obligation__in=obligations, status="pending", lease_token__isnull=False
        ).exists()
    )


def test_postgresql_restarted_mid_claim(own_postgres, own_db_workers, smtp, due_now):
    obligations = due_now(30)
    expected = expected_ids(obligations)
    smtp.handler.behaviour.delay = 0.1
    # Small claims and chunks: the dispatcher is claiming again and again while mail goes out.
    worker = own_db_workers.start(REMINDER_BATCH_SIZE=4, REMINDER_SEND_CHUNK=2)
    wait_for(delivered(smtp, 3), 60, "the first deliveries")
    wait_for(leased_but_unsent(obligations), 30, "claimed rows not yet sent")
    own_postgres.restart(mode="immediate")  # a crash: open claims are lost, recovery on start
    wait_for(delivered(smtp, len(expected)), 120, "every reminder after the restart")
    wait_for(all_sent(obligations), 30, "every row marked sent")
    time.sleep(2)  # room for a duplicate to show up
    n = assert_each_once(smtp, expected)
    assert_no_stranded_claims()
    assert worker.process.poll() is None  # recovered by itself, not restarted
    print(f"PostgreSQL restarted mid-claim: delivered {n}, duplicates 0")


def test_postgresql_restarted_mid_send(own_postgres, own_db_workers, smtp, due_now):
    obligations = due_now(12)
    expected = expected_ids(obligations)
    restarted = threading.Event()

    def restart_while_this_message_is_accepted(message):
        if len(smtp.handler.received) == 4 and not restarted.is_set():
            restarted.set()
            # Down before the worker hears "250": it must record the acceptance once the
            # database is back, not send the message again.
            own_postgres.stop("fast")
            threading.Timer(3, own_postgres.start).start()
        return None

    smtp.handler.behaviour.before_accept = restart_while_this_message_is_accepted
    worker = own_db_workers.start(REMINDER_LEASE_SECONDS=60)
    wait_for(restarted.is_set, 60, "the restart")
    wait_for(own_postgres.accepting, 30, "PostgreSQL back")
    wait_for(delivered(smtp, len(expected)), 90, "every reminder after the restart")
    wait_for(all_sent(obligations), 30, "every row marked sent")
    time.sleep(2)
    n = assert_each_once(smtp, expected)
    assert_no_stranded_claims()
    assert worker.process.poll() is None
    print(f"PostgreSQL restarted mid-send: delivered {n}, duplicates 0")


def test_postgresql_unreachable_for_a_while(
    own_postgres, own_db_workers, own_db_web, smtp, due_now, counsel, make_obligation
):
    before = due_now(5)
    # "1 hour before" moments that fall due while the database is away.
    during = [
        make_obligation(due_in=timedelta(hours=1, seconds=OUTAGE_SECONDS / 2)) for _ in range(5)
    ]
    client = Client()
    client.force_login(counsel)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    web_pid = own_db_web.process.pid
    worker = own_db_workers.start(REMINDER_LEASE_SECONDS=int(OUTAGE_SECONDS) + 60)
    first = expected_ids(before)
    wait_for(delivered(smtp, len(first)), 60, "the reminders due before the outage")
    status, page = own_db_web.get("/incidents/", cookie)
    assert status == 200 and "Web skimmer on checkout" in page

    own_postgres.stop("fast")
    stopped = time.monotonic()
    status, page = own_db_web.get("/incidents/", cookie)
    assert status == 503, page[:500]
    assert "Try again in a minute" in page and "Traceback" not in page
    status, page = own_db_web.get("/api/v1/incidents", cookie)
    assert status == 503 and "database_unavailable" in page
    status, page = own_db_web.get("/health/")
    assert (status, page) == (503, '{"status": "not ok"}')
    time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - stopped)))
    own_postgres.start()
    outage = time.monotonic() - stopped

    wait_for(
        through_outage(lambda: due_rows(during).filter(offset_minutes=-60).count() == len(during)),
        30,
        "the 1 hour reminder of each obligation to be due",
    )
    wait_for(all_sent([*before, *during]), 120, "every due row sent (or folded into a later one)")
    sent = due_rows(during).filter(status="sent").select_related("obligation__incident__owner")
    assert sent.filter(offset_minutes=-60).count() == len(during)
    expected = {**first, **expected_ids_for_rows(sent)}
    wait_for(delivered(smtp, len(expected)), 60, "the reminders due during the outage")
    time.sleep(2)
    n = assert_each_once(smtp, expected)
    assert_no_stranded_claims()
    # Both recovered without a restart.
    wait_for(lambda: own_db_web.get("/health/")[0] == 200, 30, "/health/ to say ok again")
    status, page = own_db_web.get("/incidents/", cookie)
    assert status == 200 and "Web skimmer on checkout" in page
    assert own_db_web.process.pid == web_pid and own_db_web.process.poll() is None
    assert worker.process.poll() is None
    print(f"PostgreSQL away {outage:.0f} s: delivered {n}, duplicates 0, web 503 then 200")


def _claim(url, ids, lease: timedelta, *, commit: bool):
    """Another dispatcher's claim on ``ids``, on a connection of its own (its lease token)."""
    conn = psycopg.connect(url, application_name="breachclock-claimer")
    conn.execute(
        "UPDATE reminders_reminder SET lease_token = %s, leased_until = now() + %s "
        "WHERE id = ANY(%s)",
        [uuid.uuid4(), lease, ids],
    )
    if commit:
        conn.commit()
    return conn


def _terminate(own_postgres, database, application_name):
    rows = own_postgres.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = %s AND application_name = %s",
        [database, application_name],
    )
    return len(rows)


def test_connection_holding_claimed_rows_is_killed(
    own_postgres, own_db, own_db_workers, smtp, due_now
):
    obligations = due_now(12)
    expected = expected_ids(obligations)
    rows = list(
        Reminder.objects.filter(obligation__in=obligations, due_at__lte=timezone.now())
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    url = own_postgres.url(own_db)
    # A dispatcher holding four rows locked in an open claim, and one that committed a lease
    # on four others and then lost its connection before sending them.
    holding = _claim(url, rows[:4], timedelta(minutes=5), commit=False)
    lease = timedelta(seconds=8)
    leased_at = timezone.now()
    _claim(url, rows[4:8], lease, commit=True).close()

    cut = threading.Event()

    def cut_the_worker_mid_send(message):
        if len(smtp.handler.received) == 1 and not cut.is_set():
            cut.set()
            assert _terminate(own_postgres, own_db, "breachclock-worker") >= 1
        return None

    smtp.handler.behaviour.before_accept = cut_the_worker_mid_send
    worker = own_db_workers.start(REMINDER_LEASE_SECONDS=30)
    wait_for(cut.is_set, 60, "a worker connection to be cut mid-send")
    # The free rows go out; the locked ones are skipped, not waited for.
    wait_for(delivered(smtp, 4), 60, "the four unclaimed reminders")
    assert _terminate(own_postgres, own_db, "breachclock-claimer") == 1  # its claim rolls back
    holding.close()
    wait_for(delivered(smtp, len(expected)), 90, "every reminder, the leased ones after the lease")
    wait_for(all_sent(obligations), 30, "every row marked sent")
    time.sleep(2)
    n = assert_each_once(smtp, expected)
    assert_no_stranded_claims()
    late = Reminder.objects.filter(pk__in=rows[4:8]).values_list("sent_at", flat=True)
    assert all(sent >= leased_at + lease for sent in late)  # never before its lease ended
    assert worker.process.poll() is None
    print(f"connections holding claims killed: delivered {n}, duplicates 0")
