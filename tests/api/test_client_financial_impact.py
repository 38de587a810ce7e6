"""DORA Art 19(3): a case records whether a major ICT-related incident has an impact on the
financial interests of the financial entity's clients - yes, no or not yet known - through the
API, the case form and the guided intake; the notice to clients follows it, the case page says it
in words and the facts export and evidence pack carry it."""

from __future__ import annotations

import pytest

from incidents.models import Activity, Incident
from tests.factories import facts

pytestmark = pytest.mark.django_db

DORA_ORG = {
    "role": "controller",
    "main_establishment": "DE",
    "established_in": ["DE"],
    "subject_to": ["dora:credit_institution"],
}
EVENTS = {
    "discovered_at": "2026-10-05T10:00:00+02:00",
    "classified_major_at": "2026-10-05T12:00:00+02:00",
}
CLIENTS = "EU-DORA-19-3-CLIENTS"


def _open(body):
    return {o["rule"]: o for o in body["obligations"] if o["status"] == "open"}


def _stored(pk) -> Incident:
    return Incident.objects.unrestricted("test").get(pk=pk)


def test_api_round_trip_of_the_three_states(as_counsel, counsel):
    # An older client sends the key without naming a format: read as format 2.
    doc = facts(organisation=DORA_ORG, events=EVENTS, client_financial_impact=True)
    del doc["format"]
    response = as_counsel.post("/api/v1/incidents", doc, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert CLIENTS in _open(body)
    assert "EU-DORA-19-NCA" in _open(body)
    url = f"/api/v1/incidents/{body['id']}"
    got = as_counsel.get(url).json()["facts"]
    assert got["client_financial_impact"] is True
    assert got["format"] == "breachclock.facts/2"
    assert _stored(body["id"]).client_financial_impact is True

    # Counsel finds no impact on clients' financial interests: the notice to clients goes.
    response = as_counsel.patch(url, {"client_financial_impact": False}, format="json")
    assert response.status_code == 200, response.content
    assert CLIENTS not in _open(response.json())
    assert "EU-DORA-19-NCA" in _open(response.json())
    assert as_counsel.get(url).json()["facts"]["client_financial_impact"] is False
    incident = _stored(body["id"])
    assert incident.client_financial_impact is False
    why = next(n["why"] for n in incident.not_applicable if n["rule"] == CLIENTS)
    assert "impact on the financial interests" in why
    change = Activity.objects.filter(incident_id=body["id"], kind="facts_changed").last()
    assert change.actor == counsel
    assert change.before["client_financial_impact"] is True
    assert change.after["client_financial_impact"] is False

    # Null: not yet known again - the notice is listed, saying why.
    response = as_counsel.patch(url, {"client_financial_impact": None}, format="json")
    assert response.status_code == 200, response.content
    assert CLIENTS in _open(response.json())
    assert "client_financial_impact" not in as_counsel.get(url).json()["facts"]
    incident = _stored(body["id"])
    assert incident.client_financial_impact is None
    why = " ".join(incident.obligations.get(rule_code=CLIENTS).why)
    assert "not yet known whether the incident has an impact" in why


def test_a_format_1_case_is_moved_to_format_2_by_the_key(as_counsel):
    body = as_counsel.post(
        "/api/v1/incidents", facts(organisation=DORA_ORG, events=EVENTS), format="json"
    ).json()
    url = f"/api/v1/incidents/{body['id']}"
    assert as_counsel.get(url).json()["facts"]["format"] == "breachclock.facts/1"
    assert CLIENTS in _open(body)  # not said: listed (the conservative reading)
    response = as_counsel.patch(url, {"client_financial_impact": False}, format="json")
    assert response.status_code == 200, response.content
    got = as_counsel.get(url).json()["facts"]
    assert got["format"] == "breachclock.facts/2"
    assert got["client_financial_impact"] is False
    assert CLIENTS not in _open(response.json())


def test_an_explicit_format_1_with_the_key_is_refused_naming_it(as_counsel):
    doc = facts(organisation=DORA_ORG, events=EVENTS, client_financial_impact=True)
    response = as_counsel.post("/api/v1/incidents", doc, format="json")
    assert response.status_code == 400
    assert "client_financial_impact" in response.content.decode()
    assert not Incident.objects.unrestricted("test").exists()


def test_a_non_boolean_is_refused(as_counsel):
    doc = facts(organisation=DORA_ORG, events=EVENTS, client_financial_impact="yes")
    doc["format"] = "breachclock.facts/2"
    response = as_counsel.post("/api/v1/incidents", doc, format="json")
    assert response.status_code == 400
    assert "client_financial_impact" in response.content.decode()


def test_facts_export_and_evidence_pack_carry_it(as_counsel, counsel):
    import json

    from incidents import exports
    from incidents.evidence_pack import build_pack

    doc = facts(organisation=DORA_ORG, events=EVENTS, client_financial_impact=False)
    doc["format"] = "breachclock.facts/2"
    body = as_counsel.post("/api/v1/incidents", doc, format="json").json()
    url = f"/api/v1/incidents/{body['id']}"
    as_counsel.patch(url, {"client_financial_impact": True}, format="json")
    incident = _stored(body["id"])
    assert exports.report_data(incident)["facts"]["client_financial_impact"] is True
    pack = build_pack(incident, requested_by=counsel)
    case = json.loads(pack.files["case.json"])
    assert case["facts"]["client_financial_impact"] is True


@pytest.mark.parametrize(
    "change",
    [
        {"client_financial_impact": "maybe"},
        {"client_financial_impact": 1},
        {"client_financial_impact": [True]},
    ],
)
def test_a_bad_patch_says_what_is_wrong_and_changes_nothing(as_counsel, change):
    doc = facts(organisation=DORA_ORG, events=EVENTS, client_financial_impact=False)
    doc["format"] = "breachclock.facts/2"
    body = as_counsel.post("/api/v1/incidents", doc, format="json").json()
    url = f"/api/v1/incidents/{body['id']}"
    entries = Activity.objects.filter(incident_id=body["id"]).count()
    response = as_counsel.patch(url, change, format="json")
    assert response.status_code == 400, response.content
    assert "client_financial_impact" in response.content.decode()
    assert _stored(body["id"]).client_financial_impact is False
    assert Activity.objects.filter(incident_id=body["id"]).count() == entries


def test_a_viewer_may_not_patch_it(client_for, counsel, viewer, open_case):
    from incidents.models import TeamMember

    doc = facts(organisation=DORA_ORG, events=EVENTS, client_financial_impact=True)
    doc["format"] = "breachclock.facts/2"
    incident = open_case(counsel, doc)
    TeamMember.objects.create(incident=incident, user=viewer, role="viewer")
    url = f"/api/v1/incidents/{incident.pk}"
    response = client_for(viewer).patch(url, {"client_financial_impact": False}, format="json")
    assert response.status_code == 403
    assert _stored(incident.pk).client_financial_impact is True
