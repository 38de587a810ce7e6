"""``/api/v1/incidents/{id}/assessments``: read the versions, record one; same doors as the case."""

import pytest

from tests.assessments.test_record import FLORIDA, US_NO_HARM

pytestmark = pytest.mark.django_db


def test_record_and_read_assessments(api_client, open_case, counsel, viewer, outsider):
    from incidents.actions import add_team_member

    incident = open_case(counsel, FLORIDA)
    add_team_member(incident, viewer, "viewer", acting_user=counsel)
    url = f"/api/v1/incidents/{incident.pk}/assessments"
    api_client.force_authenticate(outsider)
    assert api_client.get(url).status_code == 404
    api_client.force_authenticate(viewer)
    body = {"method": "us_harm", "answers": US_NO_HARM, "rationale": "Deleted, attested."}
    assert api_client.post(url, body, format="json").status_code == 403
    api_client.force_authenticate(counsel)
    bad = api_client.post(url, {**body, "rationale": ""}, format="json")
    assert bad.status_code == 400 and "rationale" in str(bad.json())
    missing = api_client.post(url, {**body, "answers": {"data": "identity"}}, format="json")
    assert missing.status_code == 400 and "encryption" in str(missing.json())
    created = api_client.post(url, body, format="json")
    assert created.status_code == 201
    assert created.json()["risk_of_harm"] == "none" and created.json()["version"] == 1
    assert incident.obligations.filter(rule_code="US-FL-NOHARM", status="open").exists()
    api_client.force_authenticate(viewer)
    rows = api_client.get(url).json()
    assert [r["version"] for r in rows] == [1]
    assert rows[0]["result"]["factors"][0]["label"] == "Type of data"
