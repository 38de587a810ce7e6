"""With the real worker and beat on Redis and a real SMTP server: a case logged after its
deadline gets one "overdue" email per reader, not the catch-up and the planned overdue notice a
few seconds apart."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from reminders.models import Reminder

from .conftest import ESCALATION
from .harness import wait_for

pytestmark = [pytest.mark.services]


def test_catch_up_and_planned_overdue_notice_make_one_email(workers, smtp, make_obligation):
    # Logged 14 min 50 s after its deadline: the catch-up is due now, the planned overdue
    # notice (15 minutes after the deadline) ten seconds later.
    obligation = make_obligation(due_at=timezone.now() - timedelta(minutes=14, seconds=50))
    planned = obligation.reminders.get(offset_minutes=15)
    assert planned.status == "pending" and planned.due_at > timezone.now()
    workers.start()
    wait_for(lambda: len(smtp.handler.snapshot()) >= 2, 60, "the catch-up to owner and escalation")
    wait_for(
        lambda: Reminder.objects.get(pk=planned.pk).status != "pending",
        60,
        "the planned overdue notice to come due",
    )
    time.sleep(3)  # anything sent after the fold would arrive by now
    received = smtp.handler.snapshot()
    overdue = [r for r in received if "OVERDUE" in r.subject]
    assert sorted(a for r in overdue for a in r.rcpt_tos) == sorted(
        [obligation.incident.owner.email, ESCALATION]
    )
    planned.refresh_from_db()
    assert planned.status == "folded"
    assert planned.closed_reason.startswith("not sent: an overdue notice for this deadline went")
    assert obligation.reminders.filter(kind="daily_overdue", status="pending").count() == 1
