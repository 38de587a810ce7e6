"""Sending one claimed reminder in-process (locmem mail): content, Message-ID, lease re-check,
stale folding, the overdue series, rendering failures and the timeline entry."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from reminders.models import Reminder
from reminders.tasks import claim_due_reminders, dispatch_due_reminders, send_reminder

pytestmark = pytest.mark.django_db


def _send_all():
    """What the beat and the worker do, in-process: dispatch, then run each queued send."""
    token, ids = claim_due_reminders()
    from reminders.tasks import fold_claimed

    return [send_reminder(pk, token) for pk in fold_claimed(token, ids, timezone.now())]


def test_reminder_email_names_case_authority_deadline_and_link(
    make_obligation, make_incident, responder, settings
):
    settings.SITE_URL = "https://breachclock.example"
    incident = make_incident(team=[responder])
    obligation = make_obligation(incident, due_in=timedelta(minutes=59))
    assert _send_all() == ["sent"]
    assert sorted(m.to[0] for m in mail.outbox) == ["counsel@example.org", "responder@example.org"]
    message = mail.outbox[0]
    body = message.body
    assert re.match(
        rf"\[{incident.reference}\] Due in 5[89] minutes: notify supervisory authority - "
        r"GDPR Art\. 33 - Hamburg Commissioner for Data Protection$",
        message.subject,
    )
    assert "Hamburg Commissioner for Data Protection (supervisory authority)" in body
    assert obligation.due_at.strftime("%H:%M UTC") in body
    assert "Europe/Berlin" in body  # the authority's local time
    assert "Personal data of 9000 people in Germany" in body  # why it applies
    assert f"https://breachclock.example/incidents/{incident.pk}/" in body
    html = message.alternatives[0][0]
    assert "Web skimmer on checkout" in html and "Open the case" in html
    assert message.extra_headers["Message-ID"].startswith("<reminder.")


def test_privileged_case_email_carries_only_what_is_needed_to_act(make_obligation, make_incident):
    incident = make_incident(privileged=True, title="Insider at Acme payroll, J. Doe")
    make_obligation(incident, due_in=timedelta(minutes=59))
    assert _send_all() == ["sent"]
    message = mail.outbox[0]
    everything = message.subject + message.body + message.alternatives[0][0]
    for secret in ("Insider", "J. Doe", "9000 people", "9,000 customers", "Art. 33 notice"):
        assert secret not in everything
    assert message.subject.startswith(f"[Privileged] [{incident.reference}] ")
    assert "Hamburg Commissioner" in message.body
    assert "privileged" in message.body
    assert f"/incidents/{incident.pk}/" in message.body


def test_the_reader_time_zone_comes_from_the_profile(make_obligation, make_incident, counsel):
    from accounts.models import UserProfile

    UserProfile.objects.update_or_create(user=counsel, defaults={"time_zone": "America/New_York"})
    make_obligation(due_at=datetime(2030, 1, 15, 17, 0, tzinfo=UTC), schedule=True)
    with time_machine.travel(datetime(2030, 1, 15, 16, 0, 30, tzinfo=UTC), tick=False):
        _send_all()
    body = mail.outbox[0].body
    assert "Tuesday 15 January 2030, 12:00 EST (UTC-0500)" in body
    assert "[America/New_York]" in body


def test_message_id_is_stable_and_the_activity_is_logged(make_obligation):
    from incidents.models import Activity

    obligation = make_obligation(due_in=timedelta(minutes=59))
    reminder = obligation.reminders.get(status="pending", due_at__lte=timezone.now())
    _send_all()
    reminder.refresh_from_db()
    assert reminder.status == "sent" and reminder.sent_at is not None
    assert reminder.delivered_to == ["counsel@example.org"]
    from reminders.emails import message_id

    assert mail.outbox[0].extra_headers["Message-ID"] == message_id(
        reminder.pk, "counsel@example.org"
    )
    entry = Activity.objects.get(incident=obligation.incident, kind="reminder_sent")
    assert entry.actor is None and entry.obligation == obligation
    assert entry.after["to"] == ["counsel@example.org"]


def test_a_task_without_the_current_lease_sends_nothing(make_obligation):
    make_obligation(due_in=timedelta(minutes=59))
    old_token, ids = claim_due_reminders()
    # The lease ran out and another dispatcher claimed the row again.
    Reminder.objects.filter(pk__in=ids).update(leased_until=timezone.now())
    new_token, again = claim_due_reminders()
    assert again == ids
    assert send_reminder(ids[0], old_token) == "not mine"
    assert mail.outbox == []
    assert send_reminder(ids[0], new_token) == "sent"
    # A redelivered copy of the same task after sending: nothing more.
    assert send_reminder(ids[0], new_token) == "not mine"
    assert len(mail.outbox) == 1


def test_a_reminder_for_a_closed_obligation_is_cancelled_not_sent(make_obligation):
    obligation = make_obligation(due_in=timedelta(minutes=59))
    token, ids = claim_due_reminders()
    obligation.status = "notified"
    obligation.save(update_fields=["status"])
    assert send_reminder(ids[0], token) == "cancelled"
    assert mail.outbox == []


def test_stale_reminders_fold_into_one_catch_up_notice(make_obligation, settings):
    settings.REMINDER_STALE_AFTER_MINUTES = 30
    with time_machine.travel(datetime(2030, 5, 1, 8, 0, tzinfo=UTC), tick=False):
        obligation = make_obligation(due_at=datetime(2030, 5, 1, 14, 0, tzinfo=UTC))
    # The worker was down from 09:00 to 13:45: the 4 h reminder (10:00) and the 1 h reminder
    # (13:00, 45 minutes ago) are both stale.
    with time_machine.travel(datetime(2030, 5, 1, 13, 45, tzinfo=UTC), tick=False):
        assert _send_all() == ["sent"]
    statuses = dict(obligation.reminders.values_list("offset_minutes", "status"))
    assert statuses[-240] == statuses[-60] == "folded"
    catch_up = obligation.reminders.get(kind="catch_up")
    assert catch_up.status == "sent" and catch_up.offset_minutes == -15
    assert len(mail.outbox) == 1
    assert "Due in 15 minutes:" in mail.outbox[0].subject


def test_several_due_rows_of_one_obligation_send_only_the_latest(make_obligation):
    with time_machine.travel(datetime(2030, 5, 1, 8, 0, tzinfo=UTC), tick=False):
        obligation = make_obligation(due_at=datetime(2030, 5, 1, 14, 0, tzinfo=UTC))
    with time_machine.travel(datetime(2030, 5, 1, 14, 5, tzinfo=UTC), tick=False):
        assert _send_all() == ["sent"]
    statuses = dict(obligation.reminders.values_list("offset_minutes", "status"))
    assert statuses[-240] == "folded"  # 10:00, stale
    assert statuses[-60] == "folded"  # 13:00, superseded by the at-deadline one
    assert statuses[0] == "sent"
    # Sent five minutes after the deadline: overdue in the subject and the body alike.
    assert "OVERDUE by 5 minutes:" in mail.outbox[0].subject
    assert mail.outbox[0].body.startswith("OVERDUE: this notification deadline passed 5 minutes")


def test_overdue_notice_goes_to_escalation_and_schedules_the_next_daily(make_obligation, settings):
    settings.ESCALATION_EMAIL = "dpo-escalation@example.org"
    with time_machine.travel(datetime(2030, 5, 1, 8, 0, tzinfo=UTC), tick=False):
        obligation = make_obligation(due_at=datetime(2030, 5, 1, 14, 0, tzinfo=UTC))
    for at in ("14:00:10", "14:15:10"):
        with time_machine.travel(datetime.fromisoformat(f"2030-05-01T{at}+00:00"), tick=False):
            _send_all()
    overdue = [m for m in mail.outbox if "OVERDUE" in m.subject]
    assert sorted(m.to[0] for m in overdue) == ["counsel@example.org", "dpo-escalation@example.org"]
    assert "escalated to you" in next(m for m in overdue if m.to[0].startswith("dpo")).body
    daily = obligation.reminders.get(kind="daily_overdue")
    assert daily.due_at == datetime(2030, 5, 2, 14, 15, tzinfo=UTC)
    mail.outbox.clear()
    with time_machine.travel(datetime(2030, 5, 2, 14, 15, 5, tzinfo=UTC), tick=False):
        assert _send_all() == ["sent"]
    assert "OVERDUE by 1 day 15 minutes:" in mail.outbox[0].subject
    assert obligation.reminders.filter(kind="daily_overdue", status="pending").get().due_at == (
        datetime(2030, 5, 3, 14, 15, tzinfo=UTC)
    )


def test_a_rendering_failure_fails_that_row_only_and_alerts(make_obligation, settings):
    from incidents.models import Activity

    settings.ESCALATION_EMAIL = "dpo-escalation@example.org"
    broken = make_obligation(due_in=timedelta(minutes=59))
    fine = make_obligation(due_in=timedelta(minutes=59))
    broken.reminders.filter(due_at__lte=timezone.now()).update(kind="legacy_kind")
    assert sorted(_send_all()) == ["render failed", "sent"]
    row = broken.reminders.get(kind="legacy_kind")
    assert row.status == "failed" and "could not render" in row.last_error
    assert fine.reminders.filter(status="sent").count() == 1
    alert = next(m for m in mail.outbox if "could not be delivered" in m.subject)
    assert sorted(alert.to) == ["counsel@example.org", "dpo-escalation@example.org"]
    assert Activity.objects.filter(incident=broken.incident, kind="reminder_failed").exists()


def test_dispatch_updates_the_heartbeat(make_obligation, django_capture_on_commit_callbacks):
    from reminders.models import DispatchHeartbeat

    make_obligation(due_in=timedelta(minutes=59))
    make_obligation(due_in=timedelta(days=9))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert dispatch_due_reminders() == 1
    assert len(callbacks) == 1  # the send is queued only once the claim has committed
    beat = DispatchHeartbeat.objects.get()
    assert beat.last_claimed == 1
    assert timezone.now() - beat.last_run_at < timedelta(seconds=5)


def test_subjects_say_the_time_left(make_obligation):
    make_obligation(due_in=timedelta(hours=3, minutes=59, seconds=50), rule_code="X")
    assert _send_all() == ["sent"]
    assert re.search(r"\] Due in 3 hours 59 minutes: ", mail.outbox[0].subject)


def test_internal_target_email_says_it_is_not_a_legal_deadline(make_obligation, counsel):
    from incidents.actions import set_internal_target

    obligation = make_obligation(schedule=False, rule_code="EU-GDPR-34-DS")
    obligation.due_at = None
    obligation.timing_standard = "without undue delay"
    obligation.save()
    set_internal_target(
        obligation,
        target_at=timezone.now() + timedelta(minutes=50),
        reason="letters out today",
        acting_user=counsel,
    )
    assert _send_all() == ["sent"]
    message = mail.outbox[0]
    assert "Internal target (not a legal deadline)" in message.subject
    assert message.body.startswith("INTERNAL TARGET - not a legal deadline.")
    assert '"without undue delay"' in message.body
    assert "Target:" in message.body and "Deadline:" not in message.body
    assert "Internal target &ndash; not a legal deadline" in message.alternatives[0][0]


def test_at_deadline_sent_on_time_says_due_now_in_subject_and_body(make_obligation):
    with time_machine.travel(datetime(2030, 5, 1, 8, 0, tzinfo=UTC), tick=False):
        make_obligation(due_at=datetime(2030, 5, 1, 14, 0, tzinfo=UTC))
    with time_machine.travel(datetime(2030, 5, 1, 14, 0, 20, tzinfo=UTC), tick=False):
        assert _send_all() == ["sent"]
    message = mail.outbox[0]
    assert "] Due now: notify supervisory authority" in message.subject
    assert message.body.startswith("This notification deadline is now.")
    assert "OVERDUE" not in message.body and "overdue" not in message.body.split("--")[0]


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (
            200,
            "[INC-1] Due in 3 hours: notify supervisory authority - GDPR Art. 33 - "
            "Hamburg Commissioner for Data Protection",
        ),
        (80, "[INC-1] Due in 3 hours: notify supervisory authority - GDPR Art. 33"),
        (50, "[INC-1] Due in 3 hours: notify supervisory authority"),
        (10, "[INC-1] Due in 3 hours: notify supervisory authority"),
    ],
)
def test_long_subjects_drop_whole_parts_never_cut_words(limit, expected):
    from reminders.emails import reminder_subject

    subject = reminder_subject(
        reference="INC-1",
        when="Due in 3 hours",
        recipient_label="supervisory authority",
        authority="Hamburg Commissioner for Data Protection",
        regime="GDPR Art. 33",
        limit=limit,
    )
    assert subject == expected


def test_privileged_subject_starts_with_the_marker_and_names_no_regime():
    from reminders.emails import reminder_subject

    subject = reminder_subject(
        reference="INC-9",
        when="OVERDUE by 2 hours",
        recipient_label="individuals",
        authority="",
        regime="",
        privileged=True,
    )
    assert subject == "[Privileged] [INC-9] OVERDUE by 2 hours: notify individuals"


def test_the_delivery_alert_goes_to_no_owner_who_may_no_longer_read_the_case(
    make_obligation, make_incident, responder, settings
):
    """The alert names the case, its authority and deadline: like the reminders themselves it
    reaches the owner only while they may open the case (a deactivated account gets nothing)."""
    settings.ESCALATION_EMAIL = "dpo-escalation@example.org"
    broken = make_obligation(make_incident(team=[responder]), due_in=timedelta(minutes=59))
    owner = broken.incident.owner
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    broken.reminders.filter(due_at__lte=timezone.now()).update(kind="legacy_kind")
    assert _send_all() == ["render failed"]
    alert = next(m for m in mail.outbox if "could not be delivered" in m.subject)
    assert alert.to == ["dpo-escalation@example.org"]
