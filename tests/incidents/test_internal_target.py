"""Internal targets for obligations without a fixed deadline: action, reminders, feeds, page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from incidents import actions
from incidents.actions import ActionError
from incidents.choices import ActivityKind
from incidents.models import Activity, Obligation
from reminders.choices import ReminderStatus
from reminders.models import Reminder
from tests.factories import ObligationFactory


@pytest.fixture
def undue(case):
    """An open "without undue delay" obligation (no legal deadline)."""
    return ObligationFactory(
        incident=case,
        rule_code="EU-GDPR-34-DS",
        recipient="individuals",
        due_at=None,
        deadline_kind="no_fixed_deadline",
        timing_standard="without undue delay",
    )


def pending(ob):
    return Reminder.objects.filter(obligation=ob, status=ReminderStatus.PENDING)


def test_setting_a_target_is_logged_and_schedules_reminders(counsel, undue):
    assert not pending(undue).exists()
    target = timezone.now() + timedelta(days=5)
    ob = actions.set_internal_target(
        undue, target_at=target, reason="Agreed with DPO: letters by Friday", acting_user=counsel
    )
    assert ob.target_at == target and ob.target_set_by == counsel
    assert ob.deadline_version == 2
    rows = list(pending(ob))
    assert rows and {r.deadline_at for r in rows} == {target}
    assert {r.deadline_version for r in rows} == {2}
    entry = Activity.objects.get(obligation=ob, kind=ActivityKind.TARGET_SET)
    assert entry.actor == counsel
    assert entry.before["target_at"] is None
    assert entry.after["target_at"].startswith(target.astimezone(UTC).strftime("%Y-%m-%dT%H:%M"))
    assert "Agreed with DPO" in entry.summary


def test_changing_or_clearing_the_target_cancels_old_reminders(counsel, undue):
    first = timezone.now() + timedelta(days=5)
    actions.set_internal_target(undue, target_at=first, reason="first", acting_user=counsel)
    old_ids = set(pending(undue).values_list("pk", flat=True))
    second = first + timedelta(days=2)
    ob = actions.set_internal_target(undue, target_at=second, reason="later", acting_user=counsel)
    assert not pending(ob).filter(pk__in=old_ids).exists()
    assert Reminder.objects.filter(pk__in=old_ids, status=ReminderStatus.CANCELLED).count() == len(
        old_ids
    )
    assert {r.deadline_at for r in pending(ob)} == {second}
    ob = actions.set_internal_target(ob, target_at=None, reason="not needed", acting_user=counsel)
    assert ob.target_at is None and not pending(ob).exists()
    assert Reminder.objects.filter(obligation=ob, closed_reason="deadline removed").exists()


def test_notifying_cancels_target_reminders(counsel, undue):
    actions.set_internal_target(
        undue, target_at=timezone.now() + timedelta(days=3), reason="plan", acting_user=counsel
    )
    assert pending(undue).exists()
    actions.mark_not_required(undue, reason="no high risk after all", acting_user=counsel)
    assert not pending(undue).exists()


def test_target_refused_on_fixed_deadline_or_closed_or_bad_input(counsel, case, undue):
    fixed = ObligationFactory(incident=case)
    soon = timezone.now() + timedelta(days=1)
    with pytest.raises(ActionError) as exc:
        actions.set_internal_target(fixed, target_at=soon, reason="x", acting_user=counsel)
    assert exc.value.field == "target_at"
    with pytest.raises(ActionError) as exc:
        actions.set_internal_target(undue, target_at=soon, reason="  ", acting_user=counsel)
    assert exc.value.field == "reason"
    with pytest.raises(ActionError) as exc:
        actions.set_internal_target(
            undue, target_at=datetime(2026, 12, 1, 9, 0), reason="naive", acting_user=counsel
        )
    assert exc.value.field == "target_at"
    undue.refresh_from_db()
    assert undue.target_at is None and undue.deadline_version == 1
    assert not Activity.objects.filter(kind=ActivityKind.TARGET_SET).exists()


def test_recompute_keeps_a_target_set_by_a_person(counsel, open_case):
    incident = open_case(counsel)
    ob = incident.obligations.get(rule_code="EU-GDPR-34-DS")
    assert ob.due_at is None
    target = timezone.now() + timedelta(days=4)
    actions.set_internal_target(ob, target_at=target, reason="plan", acting_user=counsel)
    actions.recompute_obligations(incident, acting_user=counsel, reason="check")
    ob = Obligation.objects.get(pk=ob.pk)
    assert ob.target_at == target and ob.deadline_version == 2
    assert {r.deadline_at for r in pending(ob)} == {target}


def test_feed_shows_target_as_internal_target(client, counsel, undue):
    target = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
    actions.set_internal_target(undue, target_at=target, reason="plan", acting_user=counsel)
    token = actions.create_feed_token(counsel, acting_user=counsel)
    response = client.get(token.get_absolute_url())
    assert response.status_code == 200
    events = {str(e["uid"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}
    event = next(e for uid, e in events.items() if uid.startswith(f"obligation-{undue.pk}@"))
    assert event["dtend"].dt == target
    assert str(event["summary"]).startswith("Internal target")
    assert "not a legal deadline" in str(event["summary"])
    assert "internal target" in [str(c) for c in event["categories"].cats]


def test_case_page_form_sets_target_and_shows_errors(client, counsel, case, undue):
    client.force_login(counsel)
    page = client.get(case.get_absolute_url())
    url = reverse("incidents:target", args=[case.pk, undue.pk])
    assert url in page.content.decode()
    # Missing reason and an hour skipped by the spring clock change: both named, nothing saved.
    bad = client.post(
        url, {"target_at": "2027-03-28T02:30", "times_zone": "Europe/Berlin", "reason": ""}
    )
    assert bad.status_code == 200
    form = bad.context["form"]
    assert "reason" in form.errors and "target_at" in form.errors
    assert 'value="2027-03-28T02:30"' in bad.content.decode()  # what was typed is kept
    undue.refresh_from_db()
    assert undue.target_at is None
    ok = client.post(
        url, {"target_at": "2027-01-15T09:00", "times_zone": "Europe/Berlin", "reason": "plan"}
    )
    assert ok.status_code == 302
    undue.refresh_from_db()
    assert undue.target_at == datetime(2027, 1, 15, 8, 0, tzinfo=UTC)
    shown = client.get(case.get_absolute_url()).content.decode()
    assert "internal target" in shown


def test_dashboard_shows_target_and_countdown(client, counsel, undue):
    actions.set_internal_target(
        undue,
        target_at=timezone.now() + timedelta(days=2, hours=1),
        reason="p",
        acting_user=counsel,
    )
    client.force_login(counsel)
    html = client.get(reverse("dashboard")).content.decode()
    section = html.split("Without a fixed deadline", 1)[1]
    assert "internal target" in section
    assert "to the internal target" in section


def test_target_on_fixed_deadline_via_page_names_the_field(client, counsel, case):
    fixed = ObligationFactory(incident=case)
    client.force_login(counsel)
    response = client.post(
        reverse("incidents:target", args=[case.pk, fixed.pk]),
        {"target_at": "2027-01-15T09:00", "times_zone": "UTC", "reason": "plan"},
    )
    assert response.status_code == 200
    assert "fixed legal deadline" in str(response.context["form"].errors["target_at"])


def test_case_reminders_panel_and_snooze_cover_the_target(client, counsel, case, undue):
    actions.set_internal_target(
        undue, target_at=timezone.now() + timedelta(days=3), reason="plan", acting_user=counsel
    )
    client.force_login(counsel)
    html = client.get(case.get_absolute_url()).content.decode()
    assert reverse("reminders:snooze", args=[case.pk, undue.pk]) in html
    page = client.get(reverse("reminders:snooze", args=[case.pk, undue.pk])).content.decode()
    assert "internal target (not a legal deadline)" in page
