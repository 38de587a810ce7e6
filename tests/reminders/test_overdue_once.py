"""One "overdue" email per deadline at a time: a notice written in place of moments that passed
unsent (a case opened late, the worker down) already says "overdue" and escalates; the planned
overdue notice a minute later is folded into it, and the daily repeat still goes."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from reminders.tasks import claim_due_reminders, fold_claimed, send_reminder

pytestmark = pytest.mark.django_db

DEADLINE = datetime(2030, 5, 1, 14, 0, tzinfo=UTC)


def _send_all():
    token, ids = claim_due_reminders()
    return [send_reminder(pk, token) for pk in fold_claimed(token, ids, timezone.now())]


def _at(hh_mm_ss: str, day: int = 1):
    return time_machine.travel(
        datetime.fromisoformat(f"2030-05-0{day}T{hh_mm_ss}+00:00"), tick=False
    )


def _overdue_mails():
    return [m for m in mail.outbox if "OVERDUE" in m.subject]


def test_a_case_logged_late_gets_one_overdue_email_not_two(make_obligation, settings):
    settings.ESCALATION_EMAIL = "dpo-escalation@example.org"
    # Logged 14 minutes after its deadline: "where things stand" is due now, the planned overdue
    # notice (15 minutes after the deadline) one minute later.
    with _at("14:14:00"):
        obligation = make_obligation(due_at=DEADLINE)
    planned = dict(obligation.reminders.values_list("offset_minutes", "due_at"))
    assert planned[15] == DEADLINE + timedelta(minutes=15)

    with _at("14:14:05"):
        assert _send_all() == ["sent"]
    first = _overdue_mails()
    assert sorted(m.to[0] for m in first) == ["counsel@example.org", "dpo-escalation@example.org"]
    assert "OVERDUE by 14 minutes" in first[0].subject

    with _at("14:15:05"):
        assert _send_all() == []  # the planned overdue notice: already said
    assert len(_overdue_mails()) == 2  # still the first two (one per reader)
    folded = obligation.reminders.get(offset_minutes=15)
    assert folded.status == "folded"
    assert folded.closed_reason == (
        "not sent: an overdue notice for this deadline went out at 2030-05-01 14:14 UTC"
    )

    # The daily series goes on, anchored on the deadline.
    daily = obligation.reminders.get(kind="daily_overdue", status="pending")
    assert daily.due_at == datetime(2030, 5, 2, 14, 15, tzinfo=UTC)
    mail.outbox.clear()
    with _at("14:15:05", day=2):
        assert _send_all() == ["sent"]
    assert "OVERDUE by 1 day 15 minutes" in _overdue_mails()[0].subject


def test_worker_down_over_the_deadline_catch_up_is_the_only_overdue_email(
    make_obligation, settings
):
    settings.REMINDER_STALE_AFTER_MINUTES = 5
    with _at("08:00:00"):
        obligation = make_obligation(due_at=DEADLINE)
    # Down from 13:50 to 14:14: the at-deadline reminder (14:00) is stale -> one catch-up now.
    with _at("14:14:30"):
        assert _send_all() == ["sent"]
    assert obligation.reminders.get(kind="catch_up").status == "sent"
    with _at("14:15:10"):
        assert _send_all() == []
    assert len(_overdue_mails()) == 1 + 1  # the catch-up to counsel and to escalation
    assert obligation.reminders.get(offset_minutes=15).status == "folded"


def test_an_on_time_at_deadline_email_does_not_fold_the_overdue_notice(make_obligation):
    # "Due now" at the deadline is not "overdue": the notice 15 minutes later is news.
    with _at("08:00:00"):
        obligation = make_obligation(due_at=DEADLINE)
    for at in ("14:00:10", "14:15:10"):
        with _at(at):
            assert _send_all() == ["sent"]
    assert "OVERDUE by 15 minutes" in mail.outbox[-1].subject
    assert obligation.reminders.get(offset_minutes=15).status == "sent"
