"""Reminders of a notice held by a law-enforcement hold (or the SEC national-security delay)
pause, even toward an internal target, and resume when the re-timed deadline comes; a notice the
hold does not reach keeps its reminders. Rows in the real database, written by sync_reminders."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from reminders.choices import ReminderStatus
from reminders.models import Reminder
from reminders.schedule import needs_reminders, sync_reminders


def pending(ob):
    return Reminder.objects.filter(obligation=ob, status=ReminderStatus.PENDING)


def hold(ob, waiting_for="law_enforcement_hold"):
    """What a recompute does when the hold is recorded: no due date, waiting for the hold."""
    ob.due_at, ob.waiting_for = None, waiting_for
    ob.deadline_version += 1
    ob.save()
    sync_reminders([ob])


@pytest.mark.parametrize("waiting_for", ["law_enforcement_hold", "national_security_delay"])
def test_held_notice_has_no_pending_reminders_and_gets_them_back_when_lifted(
    make_obligation, waiting_for
):
    texas = make_obligation(rule_code="US-TX-IND", recipient="individuals", jurisdiction="US-TX")
    assert pending(texas).count() == 6  # 72h, 24h, 4h, 1h before, at the deadline, overdue
    hold(texas, waiting_for)
    assert not pending(texas).exists()
    cancelled = Reminder.objects.filter(obligation=texas, status=ReminderStatus.CANCELLED)
    assert cancelled.count() == 6

    # Lifted: re-timed 30 days after the lift.
    texas.due_at, texas.waiting_for = timezone.now() + timedelta(days=30), ""
    texas.deadline_version += 1
    texas.save()
    sync_reminders([texas])
    rows = pending(texas)
    assert rows.count() == 6
    assert {r.deadline_version for r in rows} == {texas.deadline_version}
    assert all(r.deadline_at == texas.due_at for r in rows)


def test_a_held_notice_with_an_internal_target_still_pauses(make_obligation, counsel):
    ob = make_obligation(rule_code="US-TX-IND", recipient="individuals")
    ob.target_at = timezone.now() + timedelta(days=3)
    hold(ob)
    assert not needs_reminders(ob) and not pending(ob).exists()


def test_the_gdpr_notice_keeps_its_reminders(make_obligation, make_incident):
    incident = make_incident()
    gdpr = make_obligation(incident, rule_code="EU-GDPR-33-SA")
    texas = make_obligation(incident, rule_code="US-TX-IND", recipient="individuals")
    hold(texas)
    sync_reminders([gdpr])  # the same recompute: the GDPR deadline did not move
    assert pending(gdpr).count() == 6 and not pending(texas).exists()
