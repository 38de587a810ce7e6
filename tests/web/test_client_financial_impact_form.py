"""DORA Art 19(3) on the case form and the guided intake: yes, no or not yet known whether the
incident has an impact on the financial interests of clients; the case page says it in words."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from incidents.models import Incident
from tests.web.test_forms import GOOD_CASE

pytestmark = pytest.mark.django_db

CLIENTS = "EU-DORA-19-3-CLIENTS"


DORA_FORM = {
    **GOOD_CASE,
    "subject_to_other": "dora:credit_institution",
    "classified_major_at": "2026-03-27T19:00",
}


@pytest.mark.parametrize(
    ("answer", "stored", "owed", "words"),
    [
        ("yes", True, True, "Yes: the incident has an impact on the financial interests"),
        ("no", False, False, "No impact on the financial interests of clients"),
        ("", None, True, "Not yet known whether the incident has an impact"),
    ],
)
def test_case_form_round_trip(login, counsel, answer, stored, owed, words):
    client = login(counsel)
    response = client.post(
        reverse("incidents:create"), {**DORA_FORM, "client_financial_impact": answer}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    incident = Incident.objects.unrestricted("test").get()
    assert incident.client_financial_impact is stored
    facts_now = incident.facts_dict()
    assert facts_now.get("client_financial_impact") is stored
    if stored is not None:
        assert facts_now["format"] == "breachclock.facts/2"
    codes = {o.rule_code for o in incident.obligations.all()}
    assert (CLIENTS in codes) is owed
    page = html.unescape(client.get(response["Location"]).content.decode())
    assert "Clients' financial interests" in page and words in page
    # The edit form shows the answer given, and an edit changes it.
    edit = reverse("incidents:edit", args=[incident.pk])
    body = client.get(edit).content.decode()
    assert f'<option value="{answer}" selected>' in body
    form = {k: v for k, v in DORA_FORM.items() if k != "affected"}
    form.update(
        facts_format=facts_now["format"],
        client_financial_impact="no" if answer != "no" else "yes",
    )
    response = client.post(edit, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    incident.refresh_from_db()
    assert incident.client_financial_impact is (answer == "no")
    codes = {o.rule_code for o in incident.obligations.filter(status="open")}
    assert (CLIENTS in codes) is (answer == "no")


def test_case_page_is_silent_where_dora_does_not_concern_the_case(login, counsel):
    client = login(counsel)
    response = client.post(reverse("incidents:create"), GOOD_CASE)
    page = html.unescape(client.get(response["Location"]).content.decode())
    assert "Clients' financial interests" not in page


def test_guided_intake_asks_it(login, counsel):
    page = login(counsel).get(reverse("incidents:create_guided")).content.decode()
    assert 'name="client_financial_impact"' in page


@pytest.mark.parametrize("before", ["yes", "no"])
def test_edit_form_back_to_not_yet_known_clears_it_on_the_timeline(login, counsel, before):
    from incidents.models import Activity

    client = login(counsel)
    response = client.post(
        reverse("incidents:create"), {**DORA_FORM, "client_financial_impact": before}
    )
    incident = Incident.objects.unrestricted("test").get()
    form = {k: v for k, v in DORA_FORM.items() if k != "affected"}
    form.update(facts_format="breachclock.facts/2", client_financial_impact="")
    response = client.post(reverse("incidents:edit", args=[incident.pk]), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    incident.refresh_from_db()
    assert incident.client_financial_impact is None
    assert CLIENTS in {o.rule_code for o in incident.obligations.filter(status="open")}
    change = Activity.objects.filter(incident=incident, kind="facts_changed").last()
    assert change.actor == counsel
    assert change.before["client_financial_impact"] is (before == "yes")
    assert change.after["client_financial_impact"] is None


def test_a_viewer_cannot_set_it_by_form_or_api(login, counsel, viewer):
    from rest_framework.test import APIClient

    response = login(counsel).post(
        reverse("incidents:create"), {**DORA_FORM, "client_financial_impact": "yes"}
    )
    incident = Incident.objects.unrestricted("test").get()
    incident.team.create(user=viewer, role="viewer")
    form = {k: v for k, v in DORA_FORM.items() if k != "affected"}
    form.update(facts_format="breachclock.facts/2", client_financial_impact="no")
    response = login(viewer).post(reverse("incidents:edit", args=[incident.pk]), form)
    assert response.status_code in (403, 404)
    api = APIClient()
    api.force_authenticate(viewer)
    response = api.patch(
        f"/api/v1/incidents/{incident.pk}", {"client_financial_impact": False}, format="json"
    )
    assert response.status_code == 403
    incident.refresh_from_db()
    assert incident.client_financial_impact is True
