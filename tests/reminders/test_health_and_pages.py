"""What people and probes see: the /health/ reminders line, the dashboard line, the case page's
reminders panel with delivery failures, and the snooze page."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from incidents.models import Activity
from reminders.health import check_reminders
from reminders.models import DispatchHeartbeat, Reminder

pytestmark = pytest.mark.django_db


def test_health_is_ok_with_nothing_due_and_no_beat_yet():
    name, ok, details = check_reminders()
    assert (name, ok) == ("reminders", True)
    assert details["oldest_due_unsent_age_s"] is None and details["last_beat_run"] is None


def test_health_degrades_when_reminders_wait_and_the_beat_is_silent(make_obligation, client):
    obligation = make_obligation(due_in=timedelta(minutes=59))
    Reminder.objects.filter(obligation=obligation, due_at__lte=timezone.now()).update(
        due_at=timezone.now() - timedelta(minutes=12)
    )
    DispatchHeartbeat.objects.create(
        name="dispatch_due_reminders", last_run_at=timezone.now() - timedelta(minutes=9)
    )
    Reminder.objects.filter(obligation=obligation, offset_minutes=0).update(
        status="failed", closed_at=timezone.now()
    )
    name, ok, details = check_reminders()
    assert ok is False
    assert 700 < details["oldest_due_unsent_age_s"] < 760
    assert 530 < details["last_beat_age_s"] < 560
    assert details["failures_24h"] == 1
    assert set(details["problems"]) == {
        "reminders are due and not going out",
        "the reminder dispatcher has not run recently",
    }
    from django.contrib.auth import get_user_model

    # The details are for staff; anyone else reads only "not ok" (tests/security/test_hardening).
    client.force_login(get_user_model().objects.create_user("sid.staff", is_staff=True))
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["reminders"]["ok"] is False


def test_dashboard_shows_the_reminder_health_line(client, counsel):
    DispatchHeartbeat.objects.create(name="dispatch_due_reminders", last_run_at=timezone.now())
    client.force_login(counsel)
    page = client.get("/").content.decode()
    assert 'id="reminder-health"' in page
    assert "none waiting" in page and "last dispatch 0" in page
    assert "0 delivery failures in 24 hours" in page


def test_case_page_shows_next_reminder_and_delivery_failures(client, counsel, make_obligation):
    obligation = make_obligation(due_in=timedelta(hours=30))
    failed = obligation.reminders.get(offset_minutes=-4320)
    Reminder.objects.filter(pk=failed.pk).update(
        status="failed",
        failed_recipients={"leaver@example.net": "550 b'Mailbox does not exist'"},
        closed_at=timezone.now(),
    )
    client.force_login(counsel)
    page = client.get(obligation.incident.get_absolute_url()).content.decode()
    assert 'id="reminders"' in page
    assert "Delivery failures" in page and "leaver@example.net" in page
    assert "Mailbox does not exist" in page
    assert "before the deadline" in page  # the next one, 24 h before
    assert f"/incidents/{obligation.incident.pk}/obligations/{obligation.pk}/snooze/" in page


def _snooze_url(obligation):
    return f"/incidents/{obligation.incident.pk}/obligations/{obligation.pk}/snooze/"


def test_snooze_page_names_the_bad_field_keeps_the_input_and_changes_nothing(
    client, counsel, make_obligation
):
    obligation = make_obligation(due_in=timedelta(hours=30))
    client.force_login(counsel)
    assert client.get(_snooze_url(obligation)).status_code == 200
    response = client.post(
        _snooze_url(obligation),
        {"until": "2020-01-01T10:00", "times_zone": "Europe/Berlin", "reason": "Call booked"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Snooze until a time in the future." in page
    assert "Call booked" in page and "2020-01-01T10:00" in page
    assert not obligation.reminder_snoozes.exists()
    assert set(obligation.reminders.values_list("status", flat=True)) == {"pending"}


@time_machine.travel(datetime(2031, 3, 8, 9, 0, tzinfo=UTC), tick=False)
def test_snoozing_from_the_page_is_logged_with_who_and_why(client, counsel, make_obligation):
    obligation = make_obligation(due_at=datetime(2031, 3, 10, 12, 0, tzinfo=UTC))
    client.force_login(counsel)
    response = client.post(
        _snooze_url(obligation),
        {
            "until": "2031-03-09T14:00",
            "times_zone": "Europe/Berlin",
            "reason": "Waiting for the forensic report",
        },
    )
    assert response.status_code == 302
    snooze = obligation.reminder_snoozes.get()
    assert snooze.until == datetime(2031, 3, 9, 13, 0, tzinfo=UTC)  # 14:00 CET
    assert snooze.created_by == counsel
    entry = Activity.objects.get(kind="reminder_snoozed")
    assert entry.actor == counsel and "forensic report" in entry.summary
    assert obligation.reminders.get(offset_minutes=-1440).status == "snoozed"


def test_outsiders_cannot_snooze(client, outsider, make_obligation):
    obligation = make_obligation(due_in=timedelta(hours=30))
    client.force_login(outsider)
    response = client.post(
        _snooze_url(obligation),
        {"until": "2031-03-09T14:00", "times_zone": "UTC", "reason": "x"},
    )
    assert response.status_code in (403, 404)
    assert not obligation.reminder_snoozes.exists()
