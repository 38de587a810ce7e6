"""The "Move target" page of the further information a phased notice still owes, attacked: only
the team who may change the case reaches it, bad input is refused with a clear message, and a
refusal changes nothing (target, reminders, timeline)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from incidents.choices import ActivityKind
from incidents.drafting.choices import Phase

from .conftest import obligation
from .test_follow_up_reminders import GDPR, _sent

pytestmark = pytest.mark.django_db


def _url(case, ob):
    return f"/incidents/{case.pk}/obligations/{ob.pk}/further-information-target/"


def _state(case, ob):
    ob.refresh_from_db()
    return (
        ob.follow_up_target_at,
        ob.deadline_version,
        sorted(ob.reminders.filter(status="pending").values_list("pk", flat=True)),
        case.activity.filter(kind=ActivityKind.TARGET_SET).count(),
    )


@pytest.fixture
def owed(three_places, counsel):
    ob = obligation(three_places, GDPR)
    _sent(ob, counsel, Phase.INITIAL, timezone.now() + timedelta(days=10))
    return ob


def _post(client, case, ob, **data):
    later = timezone.now() + timedelta(days=20)
    form = {
        "target_at": later.strftime("%Y-%m-%dT%H:%M"),
        "times_zone": "UTC",
        "reason": "BfDI agreed to wait for the forensic report",
    }
    follow = data.pop("follow", False)
    form.update(data)
    return client.post(_url(case, ob), form, follow=follow)


def test_someone_not_on_the_case_gets_a_404_and_changes_nothing(
    client, three_places, owed, outsider
):
    before = _state(three_places, owed)
    client.force_login(outsider)
    assert client.get(_url(three_places, owed)).status_code == 404
    assert _post(client, three_places, owed).status_code == 404
    assert _state(three_places, owed) == before


def test_a_viewer_gets_a_403_and_changes_nothing(client, three_places, owed, viewer):
    before = _state(three_places, owed)
    client.force_login(viewer)
    assert client.get(_url(three_places, owed)).status_code == 403
    assert _post(client, three_places, owed).status_code == 403
    assert _state(three_places, owed) == before


def test_a_post_without_the_csrf_token_is_refused(three_places, owed, counsel):
    before = _state(three_places, owed)
    client = Client(enforce_csrf_checks=True)
    client.force_login(counsel)
    assert _post(client, three_places, owed).status_code == 403
    assert _state(three_places, owed) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"target_at": "next tuesday"}, "Enter a valid date/time."),
        ({"target_at": "2026-02-30T10:00"}, "Enter a valid date/time."),
        ({"target_at": ""}, "This field is required."),
        ({"reason": ""}, "This field is required."),
        ({"reason": "x" * 2001}, "at most 2000 characters"),
        ({"times_zone": "Mars/Olympus"}, "Select a valid choice."),
        ({"target_at": "9999-12-31T23:59"}, "The year is out of range"),
    ],
    ids=["words", "no such day", "empty", "no reason", "huge reason", "zone", "year"],
)
def test_bad_input_is_refused_with_a_clear_message(
    client, three_places, owed, counsel, data, message
):
    before = _state(three_places, owed)
    client.force_login(counsel)
    response = _post(client, three_places, owed, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _state(three_places, owed) == before


def test_a_target_already_passed_is_refused(client, three_places, owed, counsel):
    """Moving the target into the past would send the overdue notice (and its escalation) at
    once: the page asks for a moment still to come."""
    before = _state(three_places, owed)
    client.force_login(counsel)
    past = timezone.now() - timedelta(minutes=2)
    response = _post(client, three_places, owed, target_at=past.strftime("%Y-%m-%dT%H:%M"))
    assert response.status_code == 200
    assert "must be in the future" in response.content.decode()
    assert _state(three_places, owed) == before


def test_an_obligation_that_owes_no_further_information_has_no_target_to_move(
    client, three_places, counsel
):
    ob = obligation(three_places, GDPR)  # open: nothing was sent in phases
    before = _state(three_places, ob)
    client.force_login(counsel)
    response = client.get(_url(three_places, ob), follow=True)
    assert "owes no further information" in response.content.decode()
    assert "The notice went out in phases" not in response.content.decode()
    response = _post(client, three_places, ob, follow=True)
    assert "owes no further information" in response.content.decode()
    assert _state(three_places, ob) == before


def test_a_reopened_obligation_no_longer_shows_further_information_owed(
    client, three_places, owed, counsel
):
    """Reopened, the notice itself is owed again: the case page does not still call it further
    information owed with the old target, nor offer to move that target."""
    from incidents import actions as case_actions

    client.force_login(counsel)
    page = client.get(f"/incidents/{three_places.pk}/").content.decode()
    assert "further information owed" in page and _url(three_places, owed) in page
    case_actions.reopen_obligation(owed, reason="recorded on the wrong case", acting_user=counsel)
    page = client.get(f"/incidents/{three_places.pk}/").content.decode()
    assert "further information owed" not in page
    assert _url(three_places, owed) not in page


def test_reopening_says_on_the_timeline_that_the_target_ended(three_places, owed, counsel):
    from incidents import actions as case_actions

    owed.refresh_from_db()
    target = owed.follow_up_target_at
    case_actions.reopen_obligation(owed, reason="recorded on the wrong case", acting_user=counsel)
    entry = three_places.activity.get(kind=ActivityKind.REOPENED_OBLIGATION)
    assert entry.actor == counsel
    assert entry.before["follow_up_target_at"] == target.isoformat().replace("+00:00", "Z")
    assert "follow_up_target_at" in entry.after and entry.after["follow_up_target_at"] is None


def test_recording_a_further_phase_takes_the_cases_lock(three_places, owed, counsel, monkeypatch):
    """A follow-up or final phase changes the obligation's target and deadline version: it
    takes the case's row lock like a Move target, a reopen or a recompute, so that one running
    at the same moment waits instead of overwriting it (PostgreSQL; SQLite serialises anyway).
    """
    from incidents.actions import common
    from incidents.drafting import actions

    locked = []
    real = common._lock
    monkeypatch.setattr(
        actions, "_lock", lambda incident: locked.append(incident.pk) or real(incident)
    )
    _sent(owed, counsel, Phase.FINAL)
    assert three_places.pk in locked
