"""With the real worker and beat on Redis and a real SMTP server on loopback: the further
information of a notice given in phases (GDPR Art 33(4)) is reminded before its target and
escalated once the target passes, each reader told once, saying it is the further information
and not the notice; a case whose final phase was recorded gets nothing."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from incidents.models import Activity
from reminders.models import Reminder
from reminders.schedule import sync_reminders

from .conftest import ESCALATION, assert_each_once, expected_ids
from .harness import wait_for

pytestmark = [pytest.mark.services]

CITATION = "Regulation (EU) 2016/679 Art 33(1),(3)-(5)"


def _first_part_sent(obligation, target):
    """What drafting.actions.record_sent does for an initial phase (tests/drafting covers that
    door): notified, then the target for the rest on a new deadline version."""
    obligation.status = "notified"
    obligation.notified_at = timezone.now() - timedelta(days=1)
    obligation.save()
    sync_reminders([obligation])
    obligation.follow_up_target_at = target
    obligation.deadline_version += 1
    obligation.save()
    sync_reminders([obligation])
    return obligation


def _final_part_sent(obligation):
    obligation.follow_up_target_at = None
    obligation.deadline_version += 1
    obligation.save()
    sync_reminders([obligation])


def test_further_information_reminded_escalated_and_ended_by_the_final_phase(
    workers, smtp, make_obligation, make_incident, responder
):
    now = timezone.now()
    # The rest is owed in 59 minutes: its "1 hour before" reminder is due now.
    soon = _first_part_sent(
        make_obligation(make_incident(team=[responder]), due_at=now, citation=CITATION),
        now + timedelta(minutes=59),
    )
    # The target for the rest passed 15 minutes ago: the overdue notice, escalated.
    late = _first_part_sent(
        make_obligation(due_at=now, citation=CITATION), now - timedelta(minutes=15, seconds=5)
    )
    # Its final part went out before the worker came: nothing is owed, nothing is sent.
    done = _first_part_sent(
        make_obligation(due_at=now, citation=CITATION), now + timedelta(minutes=59)
    )
    _final_part_sent(done)
    expected = expected_ids([soon, late])
    assert len(expected) == 4  # soon: counsel and responder; late: counsel and escalation
    workers.start()
    wait_for(lambda: len(smtp.handler.snapshot()) >= len(expected), 90, "the four emails")
    time.sleep(3)  # a second copy would arrive by now
    assert_each_once(smtp, expected)
    received = smtp.handler.snapshot()
    assert len(received) == len(expected)

    by_address = {}
    for r in received:
        for address in r.rcpt_tos:
            by_address.setdefault(address, []).append(r)
    assert sorted(by_address) == sorted(
        ["counsel@example.org", "responder@example.org", ESCALATION]
    )
    [escalated] = by_address[ESCALATION]
    assert f"[{late.incident.reference}] Further information (internal target): OVERDUE" in (
        escalated.subject
    )
    for r in received:
        text = r.message.get_payload()[0].get_payload(decode=True).decode()
        assert r.subject.split("] ", 1)[1].startswith("Further information (internal target): ")
        assert text.startswith("FURTHER INFORMATION OWED - not the original notice.")
        assert f"the further information owed under {CITATION} is still to be sent" in text
        assert "Hamburg Commissioner for Data Protection" in text
        assert done.incident.reference not in r.subject

    # Each sent row and its timeline entry say what was owed.
    for obligation in (soon, late):
        sent = Reminder.objects.get(obligation=obligation, status="sent")
        assert sent.owed == "further_information"
        entry = Activity.objects.get(obligation=obligation, kind="reminder_sent")
        assert "further information owed under" in entry.summary
    assert Reminder.objects.filter(obligation=late, kind="daily_overdue", status="pending").exists()
    assert not Reminder.objects.filter(obligation=done, status="sent").exists()
