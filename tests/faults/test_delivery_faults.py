"""Every due reminder delivered, none twice (counted by Message-ID at a real SMTP server), with a
real Celery worker + beat on a real Redis, through crashes, outages and concurrent schedulers."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from reminders.models import Reminder

from .conftest import ESCALATION, assert_each_once, expected_ids
from .harness import wait_for

pytestmark = [pytest.mark.services]


def _all_sent(obligations, extra=0):
    def check():
        due = Reminder.objects.filter(obligation__in=obligations, due_at__lte=timezone.now())
        return not due.filter(status="pending").exists()

    return check


def _delivered(smtp, n):
    return lambda: len(smtp.handler.counts()) >= n


def test_worker_killed_mid_batch_and_restarted(workers, smtp, due_now):
    obligations = due_now(24)
    expected = expected_ids(obligations)
    worker = workers.start()
    state = {"seen": 0}

    def crash_on_the_eighth(message):
        state["seen"] += 1
        if state["seen"] == 8:
            worker.kill()  # SIGKILL while this message is in flight: it is never accepted
            return "451 4.4.2 Connection dropped"
        return None

    smtp.handler.behaviour.before_accept = crash_on_the_eighth
    wait_for(lambda: worker.process is None, 60, "the worker to be killed")
    delivered_before_restart = len(smtp.handler.counts())
    assert 0 < delivered_before_restart < len(expected)
    workers.start()
    wait_for(_delivered(smtp, len(expected)), 60, "every reminder after the restart")
    wait_for(_all_sent(obligations), 20, "every row marked sent")
    time.sleep(2)  # room for a duplicate to show up, if the claim let one through
    n = assert_each_once(smtp, expected)
    print(f"worker killed mid-batch: delivered {n}, duplicates 0")


def test_redis_restarted_mid_run(workers, smtp, redis, due_now):
    obligations = due_now(24)
    expected = expected_ids(obligations)
    smtp.handler.behaviour.delay = 0.15  # slow enough for the restart to land mid-run
    workers.start()
    wait_for(_delivered(smtp, 6), 60, "the first deliveries")
    redis.stop()  # everything queued in the broker is lost with it (no persistence)
    time.sleep(1.5)
    redis.start()
    wait_for(_delivered(smtp, len(expected)), 90, "every reminder after the Redis restart")
    wait_for(_all_sent(obligations), 20, "every row marked sent")
    time.sleep(2)
    n = assert_each_once(smtp, expected)
    print(f"Redis restarted: delivered {n}, duplicates 0")


def test_smtp_down_then_back(workers, smtp, due_now):
    obligations = due_now(12)
    expected = expected_ids(obligations)
    smtp.stop()
    workers.start()
    wait_for(
        lambda: Reminder.objects.filter(obligation__in=obligations).exclude(last_error="").exists(),
        60,
        "a refused connection to be recorded",
    )
    assert not Reminder.objects.filter(obligation__in=obligations, status="sent").exists()
    smtp.start()
    wait_for(_delivered(smtp, len(expected)), 60, "every reminder once SMTP is back")
    wait_for(_all_sent(obligations), 20, "every row marked sent")
    time.sleep(2)
    n = assert_each_once(smtp, expected)
    retried = Reminder.objects.filter(obligation__in=obligations, attempts__gt=1).count()
    assert retried > 0
    print(f"SMTP down then back: delivered {n}, duplicates 0, {retried} retried")


def test_smtp_answers_4xx_then_5xx(workers, smtp, due_now, make_incident, make_user):
    from incidents.models import Activity
    from reminders.models import DistributionList

    good = due_now(8)
    # A case whose distribution list has a dead address: delivered to the team, the dead
    # address recorded, the owner and the escalation contact alerted.
    listed = due_now(1)[0]
    DistributionList.objects.create(
        incident=listed.incident, addresses="dpo@example.org\nbounce@example.net"
    )
    # A case whose only reader has a dead address: the reminder fails, the escalation contact
    # hears about it.
    lonely_owner = make_user("leaver", email="leaver@example.net")
    lonely = due_now(1, incident=make_incident(owner=lonely_owner))[0]
    expected = expected_ids([*good, listed])
    del expected[next(m for m, a in expected.items() if a == "bounce@example.net")]
    smtp.handler.behaviour.temp_failures_left = 6
    smtp.handler.behaviour.refuse = {"bounce@example.net", "leaver@example.net"}
    workers.start()
    wait_for(_all_sent([*good, listed]), 60, "the deliverable reminders")
    wait_for(
        lambda: Reminder.objects.filter(obligation=lonely, status="failed").exists(),
        30,
        "the undeliverable reminder to be recorded",
    )
    alerts = lambda: [r for r in smtp.handler.snapshot() if "could not be delivered" in r.subject]  # noqa: E731
    wait_for(lambda: len(alerts()) >= 2, 30, "the two alerts")
    time.sleep(2)
    n = assert_each_once(smtp, {**expected, **{a.message_id: "alert" for a in alerts()}})
    assert smtp.handler.counts().most_common(1)[0][1] == 1

    row = Reminder.objects.get(obligation=listed, status="sent")
    assert list(row.failed_recipients) == ["bounce@example.net"]
    assert "550" in row.failed_recipients["bounce@example.net"]
    failed = Reminder.objects.get(obligation=lonely, status="failed")
    assert "leaver@example.net" in failed.failed_recipients
    assert Activity.objects.filter(incident=lonely.incident, kind="reminder_failed").exists()
    by_case = {a.message["Subject"].split("]")[0][1:]: set(a.rcpt_tos) for a in alerts()}
    assert by_case[listed.incident.reference] == {"counsel@example.org", ESCALATION}
    assert by_case[lonely.incident.reference] == {ESCALATION}
    retried = Reminder.objects.filter(attempts__gt=1).count()
    assert retried > 0  # the 4xx answers were retried, not given up on
    print(f"SMTP 4xx then 5xx: delivered {n}, duplicates 0, 2 undeliverable recorded + alerted")


def test_two_beat_schedulers_at_once(workers, smtp, due_now):
    obligations = due_now(40)
    expected = expected_ids(obligations)
    smtp.handler.behaviour.delay = 0.02
    workers.start()
    workers.start()  # a second worker with its own embedded beat: two dispatchers every second
    wait_for(_delivered(smtp, len(expected)), 60, "every reminder")
    wait_for(_all_sent(obligations), 20, "every row marked sent")
    time.sleep(3)
    n = assert_each_once(smtp, expected)
    print(f"two beat schedulers: delivered {n}, duplicates 0")


def test_deadline_moved_earlier_and_later_after_scheduling(workers, smtp, make_obligation):
    from tests.reminders.conftest import move_deadline

    from .conftest import expected_ids as ids

    now = timezone.now()
    earlier = make_obligation(due_in=timedelta(days=10))
    later = make_obligation(due_in=timedelta(minutes=59))
    steady = make_obligation(due_in=timedelta(minutes=59))
    old_row = later.reminders.get(due_at__lte=now + timedelta(seconds=5))
    move_deadline(earlier, timezone.now() + timedelta(minutes=59))  # now due: its new 1 h row
    move_deadline(later, timezone.now() + timedelta(days=10))  # nothing due any more
    expected = ids([earlier, steady])
    workers.start()
    wait_for(_delivered(smtp, len(expected)), 60, "the reminders of the current deadlines")
    # Move the steady one while the worker runs: its next version's "4 hours before" is due now.
    before = dict(expected)
    move_deadline(steady, timezone.now() + timedelta(hours=3, minutes=59))
    expected.update(ids([steady]))
    assert len(expected) == len(before) + 1
    wait_for(_delivered(smtp, len(expected)), 60, "the moved deadline's reminder")
    time.sleep(2)
    n = assert_each_once(smtp, expected)
    old_row.refresh_from_db()
    assert old_row.status == "cancelled" and old_row.closed_reason == "deadline moved"
    assert not Reminder.objects.filter(obligation=later, status="sent").exists()
    versions = set(
        Reminder.objects.filter(obligation=steady, status="sent").values_list(
            "deadline_version", flat=True
        )
    )
    assert versions == {1, 2}
    print(f"deadline moved earlier/later: delivered {n}, duplicates 0")


def test_one_rendering_failure_while_the_rest_go_out(workers, smtp, due_now):
    obligations = due_now(10)
    broken = due_now(1)[0]
    broken.reminders.filter(due_at__lte=timezone.now()).update(kind="legacy_kind")
    expected = expected_ids(obligations)
    workers.start()
    wait_for(_all_sent(obligations), 60, "the renderable reminders")
    wait_for(
        lambda: Reminder.objects.filter(obligation=broken, status="failed").exists(),
        30,
        "the broken one to be recorded",
    )
    wait_for(
        lambda: any("could not be delivered" in r.subject for r in smtp.handler.snapshot()),
        30,
        "the alert",
    )
    time.sleep(1)
    alert = next(r for r in smtp.handler.snapshot() if "could not be delivered" in r.subject)
    assert set(alert.rcpt_tos) == {"counsel@example.org", ESCALATION}
    n = assert_each_once(smtp, {**expected, alert.message_id: "alert"})
    row = Reminder.objects.get(obligation=broken, kind="legacy_kind")
    assert row.status == "failed" and "could not render" in row.last_error
    print(f"one rendering failure: delivered {n - 1} reminders + 1 alert, duplicates 0")


def test_dst_change_between_scheduling_and_sending(workers, smtp, make_obligation):
    """Scheduled at 23:00 UTC on 28 March 2026 (00:00 CET in Berlin), sent after Berlin's clocks
    jump from 02:00 CET to 03:00 CEST (01:00 UTC on 29 March). The reminder instant is elapsed
    time before the deadline, and the email shows the deadline in CEST."""
    import time_machine

    from reminders.models import ReminderPolicy

    deadline = datetime(2026, 3, 29, 1, 1, 20, tzinfo=UTC)  # 03:01:20 CEST
    with time_machine.travel(datetime(2026, 3, 28, 23, 0, tzinfo=UTC), tick=False):
        ReminderPolicy.objects.create(name="short", before="1m", overdue_after="")
        obligation = make_obligation(due_at=deadline)
    rows = dict(obligation.reminders.values_list("offset_minutes", "due_at"))
    # 01:00:20 UTC = 03:00:20 CEST: one elapsed minute before the deadline, after the jump.
    assert rows == {-1: deadline - timedelta(minutes=1), 0: deadline}
    # The worker's clock: 10 seconds before that reminder, 10 seconds after the jump.
    workers.start(travel_to="2026-03-29T01:00:10+00:00")
    wait_for(_delivered(smtp, 1), 60, "the 1 minute reminder")
    time.sleep(2)
    received = smtp.handler.snapshot()
    assert len(received) == 1
    body = received[0].message.get_payload()[0].get_payload(decode=True).decode()
    assert "Sunday 29 March 2026, 03:01 CEST (UTC+0200) [Europe/Berlin]" in body
    assert "Sunday 29 March 2026, 01:01 UTC" in body
    assert re.search(r"Due in (1 minute|less than a minute):", received[0].subject)
    sent = Reminder.objects.get(obligation=obligation, offset_minutes=-1)
    assert sent.status == "sent" and sent.sent_at >= sent.due_at
    n = assert_each_once(smtp, expected_ids_for_rows([sent]))
    print(f"DST change: delivered {n}, duplicates 0")


def expected_ids_for_rows(rows):
    from reminders.emails import message_id, recipients_for

    return {
        message_id(row.pk, r.email): r.email
        for row in rows
        for r in recipients_for(row, row.obligation, row.obligation.incident)
    }
