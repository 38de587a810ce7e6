"""Recording and lifting a law-enforcement hold from the case page, and through the API's facts
PATCH: permissions (viewer 403, outsider 404), wall-clock times in the chosen zone, errors next to
their field with nothing saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from incidents.choices import ActivityKind
from incidents.models import Activity, Incident, TeamMember
from tests.incidents.test_holds import de_and_texas, obligation

HOLD = "law_enforcement_hold"


@pytest.fixture
def texas_case(counsel, viewer, open_case):
    incident = open_case(counsel, de_and_texas())
    TeamMember.objects.create(incident=incident, user=viewer, role="viewer")
    return incident


def hold_url(incident, lift=False):
    return reverse("incidents:hold_lift" if lift else "incidents:hold", args=[incident.pk, HOLD])


FORM = {
    "requested_at": "2026-11-21T10:00",
    "times_zone": "America/Chicago",
    "written": "yes",
    "agency": "FBI Houston",
    "reason": "Call from SA Smith, ref 123",
}


def test_counsel_records_and_lifts_a_hold_from_the_case_page(login, counsel, texas_case):
    client = login(counsel)
    assert client.get(hold_url(texas_case)).status_code == 200
    response = client.post(hold_url(texas_case), FORM)
    assert response.status_code == 302, response.content.decode()[:2000]
    incident = Incident.objects.unrestricted("test").get(pk=texas_case.pk)
    # 10:00 in Chicago (CST, UTC-6) on 21 November is 16:00 UTC.
    assert incident.holds[HOLD] == {
        "requested_at": "2026-11-21T16:00:00Z",
        "lifted_at": None,
        "written": True,
        "agency": "FBI Houston",
    }
    assert obligation(incident, "US-TX-IND").waiting_for == HOLD
    page = client.get(incident.get_absolute_url()).content.decode()
    panel = page[page.index('id="conflicts"') : page.index('id="obligations"')]
    assert "written request by FBI Houston" in panel and "in force" in panel
    assert hold_url(incident, lift=True) in panel
    assert "Call from SA Smith" in page  # the timeline entry's reason

    response = client.post(
        hold_url(incident, lift=True),
        {"lifted_at": "2026-11-25T10:00", "times_zone": "America/Chicago", "reason": "cleared"},
    )
    assert response.status_code == 302
    incident = Incident.objects.unrestricted("test").get(pk=texas_case.pk)
    assert incident.holds[HOLD]["lifted_at"] == "2026-11-25T16:00:00Z"
    assert obligation(incident, "US-TX-IND").waiting_for == ""
    assert Activity.objects.filter(incident=incident, kind=ActivityKind.HOLD_LIFTED).exists()


def test_a_lift_before_the_request_is_refused_next_to_its_field(login, counsel, texas_case):
    client = login(counsel)
    client.post(hold_url(texas_case), FORM)
    response = client.post(
        hold_url(texas_case, lift=True),
        {"lifted_at": "2026-11-20T10:00", "times_zone": "America/Chicago"},
    )
    assert response.status_code == 200
    assert "must not be before requested_at" in response.content.decode()
    assert (
        Incident.objects.unrestricted("test").get(pk=texas_case.pk).holds[HOLD]["lifted_at"] is None
    )


def test_a_hold_without_an_agency_is_refused(login, counsel, texas_case):
    response = login(counsel).post(hold_url(texas_case), {**FORM, "agency": ""})
    assert response.status_code == 200
    assert Incident.objects.unrestricted("test").get(pk=texas_case.pk).holds == {}


@pytest.mark.parametrize(("who", "status"), [("viewer", 403), ("outsider", 404)])
def test_who_may_not_record_or_lift(request, login, counsel, texas_case, who, status):
    login(counsel).post(hold_url(texas_case), FORM)
    client = login(request.getfixturevalue(who))
    assert client.get(hold_url(texas_case)).status_code == status
    assert client.post(hold_url(texas_case), {**FORM, "agency": "Other"}).status_code == status
    lift = {"lifted_at": "2026-11-25T10:00", "times_zone": "UTC"}
    assert client.post(hold_url(texas_case, lift=True), lift).status_code == status
    held = Incident.objects.unrestricted("test").get(pk=texas_case.pk).holds[HOLD]
    assert held["agency"] == "FBI Houston" and held["lifted_at"] is None


def test_unknown_kind_of_delay_is_404(login, counsel, texas_case):
    url = reverse("incidents:hold", args=[texas_case.pk, "vacation"])
    assert login(counsel).get(url).status_code == 404
