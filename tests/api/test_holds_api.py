"""A law-enforcement hold through the API: the facts PATCH records it (a partial object merges
with the stored hold, so ``{"lifted_at": ...}`` lifts it), viewers may not, bad input is a 400
naming the field with nothing changed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from incidents.choices import ActivityKind
from incidents.models import Activity, Incident, TeamMember
from tests.incidents.test_holds import de_and_texas

HOLD = "law_enforcement_hold"


@pytest.fixture
def texas_case(counsel, viewer, open_case):
    incident = open_case(counsel, de_and_texas())
    TeamMember.objects.create(incident=incident, user=viewer, role="viewer")
    return incident


def test_api_patch_records_and_lifts_the_hold(client_for, counsel, viewer, texas_case):
    url = reverse("api:incident", args=[texas_case.pk])
    body = {HOLD: {"requested_at": "2026-11-21T16:00:00Z", "written": True, "agency": "FBI"}}
    response = client_for(counsel).patch(url, body, format="json")
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["facts"][HOLD]["agency"] == "FBI"
    assert any("DE-GDPR-33-SA" in c["rules"] for c in data["conflicts"])
    held = next(o for o in data["obligations"] if o["rule"] == "US-TX-IND" and not o["stage"])
    assert held["waiting_for"] == HOLD and held["due_at"] is None
    assert Activity.objects.filter(kind=ActivityKind.HOLD_RECORDED).count() == 1

    # A partial object merges with the stored hold: lifting it.
    response = client_for(counsel).patch(
        url, {HOLD: {"lifted_at": "2026-11-25T16:00:00Z"}}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["facts"][HOLD]["lifted_at"] == "2026-11-25T16:00:00Z"
    assert response.json()["facts"][HOLD]["agency"] == "FBI"

    denied = client_for(viewer).patch(url, {HOLD: None}, format="json")
    assert denied.status_code == 403
    assert (
        Incident.objects.unrestricted("test").get(pk=texas_case.pk).holds[HOLD]["agency"] == "FBI"
    )


def test_api_bad_hold_names_the_field(client_for, counsel, texas_case):
    url = reverse("api:incident", args=[texas_case.pk])
    response = client_for(counsel).patch(
        url, {HOLD: {"requested_at": "2026-11-21T16:00", "agency": "FBI"}}, format="json"
    )
    assert response.status_code == 400
    assert "law_enforcement_hold.requested_at" in str(response.json())
    assert Incident.objects.unrestricted("test").get(pk=texas_case.pk).holds == {}
