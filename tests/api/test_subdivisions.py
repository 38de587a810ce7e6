"""A case with people in Ontario, New South Wales and California opens from the form and the API;
the country's rules cover the subdivisions without rules of their own, and the why says so."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from incidents.models import Incident
from tests.factories import facts
from tests.web.test_forms import GOOD_CASE, field_error

pytestmark = pytest.mark.django_db

PEOPLE = {"CA-MB": 1200, "AU-VIC": 300, "US-CA": 600}
ONTARIO = (
    "1,200 residents of Manitoba (CA-MB) affected; no Manitoba rule in the rule book: "
    "Canada's rules apply"
)


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


def check_case(incident: Incident) -> None:
    assert {a.jurisdiction: a.count for a in incident.affected.all()} == PEOPLE
    whys = {o.rule_code: o.why for o in incident.obligations.all()}
    assert ONTARIO in whys["CA-PIPEDA-OPC"]
    assert any("(AU-VIC) affected" in line for line in whys["AU-NDB-ASSESS"])
    assert "US-CA-IND" in whys


def test_the_form_opens_the_case(login, counsel):
    post = {
        **GOOD_CASE,
        "data": ["name", "ssn"],
        "affected": "CA-MB 1200\nAU-VIC 300\nUS-CA 600",
    }
    response = login(counsel).post(reverse("incidents:create"), post)
    assert response.status_code == 302, field_error(response.content.decode(), "affected")
    check_case(Incident.objects.unrestricted("test").get(title=GOOD_CASE["title"]))
    page = html.unescape(login(counsel).get(response["Location"]).content.decode())
    assert ONTARIO in page


def test_the_api_opens_the_case(as_counsel):
    doc = facts(data=["name", "ssn"], affected=PEOPLE)
    response = as_counsel.post("/api/v1/incidents", doc, format="json")
    assert response.status_code == 201, response.content
    check_case(Incident.objects.unrestricted("test").get(pk=response.json()["id"]))
    assert any(
        ONTARIO in o["why"] for o in response.json()["obligations"] if o["rule"] == "CA-PIPEDA-OPC"
    )


def test_a_code_iso_does_not_have_is_named_and_nothing_is_stored(login, counsel, as_counsel):
    post = {**GOOD_CASE, "affected": "CA-ON 10\nCA-XX 5"}
    body = html.unescape(login(counsel).post(reverse("incidents:create"), post).content.decode())
    assert "'CA-XX'" in field_error(body, "affected")
    assert "Canada" in field_error(body, "affected")
    response = as_counsel.post(
        "/api/v1/incidents", facts(affected={"CA-ON": 10, "CA-XX": 5}), format="json"
    )
    assert response.status_code == 400
    assert "CA-XX" in response.content.decode()
    assert not Incident.objects.unrestricted("test").exists()
