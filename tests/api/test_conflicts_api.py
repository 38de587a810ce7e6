"""Conflicts between rules in the case API: the ``conflicts`` key (and the decisions) on
``GET /api/v1/incidents/{id}``, recording a decision, and the OpenAPI schema."""

from __future__ import annotations

import json

import pytest

from incidents.models import ConflictDecision, Incident, TeamMember
from tests.factories import facts
from tests.incidents.test_conflicts import GDPR_KEEPS_RUNNING, recompute_with


@pytest.fixture
def conflicted(counsel, viewer, open_case):
    incident = open_case(counsel, facts())
    TeamMember.objects.create(incident=incident, user=viewer, role="viewer")
    recompute_with(incident, [GDPR_KEEPS_RUNNING])
    return Incident.objects.unrestricted("test").get(pk=incident.pk)


def test_no_conflict_is_an_empty_list(as_counsel, counsel, open_case):
    incident = open_case(counsel, facts())
    data = as_counsel.get(f"/api/v1/incidents/{incident.pk}").json()
    assert data["conflicts"] == [] and data["conflict_decisions"] == []


def test_detail_lists_the_conflicts(as_counsel, conflicted):
    data = as_counsel.get(f"/api/v1/incidents/{conflicted.pk}").json()
    assert data["conflicts"] == [GDPR_KEEPS_RUNNING]


def test_counsel_records_a_decision(as_counsel, counsel, conflicted):
    url = f"/api/v1/incidents/{conflicted.pk}/conflicts/decisions"
    response = as_counsel.post(
        url, {"key": GDPR_KEEPS_RUNNING["key"], "decision": "Notify on time."}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["decision"] == "Notify on time." and body["decided_by"] == counsel.username
    assert body["current"] is True and body["rules"] == ["EU-GDPR-33-SA"]
    data = as_counsel.get(f"/api/v1/incidents/{conflicted.pk}").json()
    assert data["conflict_decisions"][0]["decision"] == "Notify on time."


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"key": "hold_not_allowed:EU-GDPR-33-SA", "decision": ""}, "decision"),
        ({"key": "nope", "decision": "x"}, "key"),
        ({"decision": "x"}, "key"),
        ({"key": "hold_not_allowed:EU-GDPR-33-SA", "decision": "x", "who": "me"}, "who"),
    ],
)
def test_bad_decisions_are_400_naming_the_field(as_counsel, conflicted, body, field):
    url = f"/api/v1/incidents/{conflicted.pk}/conflicts/decisions"
    response = as_counsel.post(url, body, format="json")
    assert response.status_code == 400 and field in json.dumps(response.json())
    assert not ConflictDecision.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("viewer", 403), ("outsider", 404)])
def test_who_may_not_decide(request, client_for, conflicted, who, status):
    client = client_for(request.getfixturevalue(who))
    url = f"/api/v1/incidents/{conflicted.pk}/conflicts/decisions"
    body = {"key": GDPR_KEEPS_RUNNING["key"], "decision": "x"}
    assert client.post(url, body, format="json").status_code == status
    assert not ConflictDecision.objects.exists()


def test_outsider_cannot_read_the_conflicts(client_for, outsider, conflicted):
    assert client_for(outsider).get(f"/api/v1/incidents/{conflicted.pk}").status_code == 404


def test_schema_documents_conflicts_and_holds(as_counsel):
    schema = json.loads(
        as_counsel.get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json").content
    )
    parts = schema["components"]["schemas"]
    assert "conflicts" in parts["IncidentDetail"]["properties"]
    assert "conflict_decisions" in parts["IncidentDetail"]["properties"]
    assert "law_enforcement_hold" in parts["PatchedIncidentPatchRequest"]["properties"]
    assert "/api/v1/incidents/{id}/conflicts/decisions" in schema["paths"]
