"""breachclock.facts/2 through the API, the what-if endpoint and ``manage.py clocks``: a SaaS
company's controller and processor duties; the case keeps the format it was given."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from incidents.models import Activity, Incident
from tests.factories import facts

V2 = "breachclock.facts/2"
DATA_SETS = [
    {
        "name": "customers' admins",
        "role": "controller",
        "data": ["name", "payment_card"],
        "affected": {"US-CA": 600},
    },
    {
        "name": "end users of customers",
        "role": "processor",
        "data": ["name", "contact"],
        "affected": {"DE": 9000, "FR": 3000},
        "controller": "Acme GmbH",
    },
]


def saas(**extra):
    doc = facts(format=V2, data_sets=DATA_SETS, **extra)
    for key in ("data", "affected"):
        doc.pop(key)
    doc["organisation"] = {
        "roles": ["controller", "processor"],
        "main_establishment": None,
        "established_in": ["DE"],
        "subject_to": [],
        "sectors": ["saas"],
    }
    return doc


def test_open_a_format_2_case_and_read_it_back_as_given(as_counsel):
    response = as_counsel.post("/api/v1/incidents", saas(), format="json")
    assert response.status_code == 201, response.content
    rules = {o["rule"]: o for o in response.json()["obligations"]}
    assert 'as controller for data set "customers\' admins"' in rules["US-CA-IND"]["why"]
    assert any("controller: Acme GmbH" in line for line in rules["EU-GDPR-33-2-PROC"]["why"])
    assert "DE-GDPR-33-SA" not in rules  # the Germans are the customer's data subjects
    incident = Incident.objects.unrestricted("test").get(pk=response.json()["id"])
    stored = as_counsel.get(f"/api/v1/incidents/{incident.pk}").json()["facts"]
    assert stored["format"] == V2
    assert stored["data_sets"] == DATA_SETS
    assert stored["organisation"]["roles"] == ["controller", "processor"]
    assert stored["organisation"]["sectors"] == ["saas"]
    assert "data" not in stored and "affected" not in stored  # made by the data sets
    # The case list still filters on where people live: the rows hold the totals.
    assert {a.jurisdiction: a.count for a in incident.affected.all()} == {
        "US-CA": 600,
        "DE": 9000,
        "FR": 3000,
    }


def test_a_format_1_case_stays_format_1(as_counsel):
    body = as_counsel.post("/api/v1/incidents", facts(), format="json").json()
    stored = as_counsel.get(f"/api/v1/incidents/{body['id']}").json()["facts"]
    assert stored["format"] == "breachclock.facts/1"
    assert stored["organisation"]["role"] == "controller"
    assert "roles" not in stored["organisation"] and "data_sets" not in stored


def test_patch_upgrades_a_case_to_both_roles_and_records_it(as_counsel, counsel):
    body = as_counsel.post("/api/v1/incidents", facts(), format="json").json()
    url = f"/api/v1/incidents/{body['id']}"
    response = as_counsel.patch(
        url,
        {
            "format": V2,
            "organisation": {"roles": ["controller", "processor"]},
            "encryption": {"by_category": {"payment_card": {"encrypted": True}}},
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    rules = {o["rule"] for o in response.json()["obligations"]}
    assert "EU-GDPR-33-2-PROC" in rules and "DE-GDPR-33-SA" in rules
    activity = Activity.objects.filter(incident_id=body["id"], kind="facts_changed").last()
    assert activity.actor == counsel
    assert activity.before["format"] == "breachclock.facts/1"
    assert activity.after["organisation"]["roles"] == ["controller", "processor"]
    assert activity.after["encryption"]["by_category"] == {
        "payment_card": {"encrypted": True, "key_compromised": False}
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"organisation": {"roles": ["processor"]}}, "organisation.roles"),  # format not said
        ({"format": V2, "data_sets": [{"name": "x", "role": "boss"}]}, "data_sets.0.role"),
    ],
)
def test_a_bad_format_2_change_is_named_and_changes_nothing(as_counsel, change, field):
    body = as_counsel.post("/api/v1/incidents", facts(), format="json").json()
    url = f"/api/v1/incidents/{body['id']}"
    before = as_counsel.get(url).json()["facts"]
    response = as_counsel.patch(url, change, format="json")
    assert response.status_code == 400
    assert field in response.content.decode()
    assert as_counsel.get(url).json()["facts"] == before


def test_what_if_endpoint_reads_format_2(as_counsel):
    response = as_counsel.post("/api/v1/clocks", saas(), format="json")
    assert response.status_code == 200, response.content
    rules = {o["rule"] for o in response.json()["obligations"]}
    assert {"US-CA-IND", "EU-GDPR-33-2-PROC"} <= rules


@pytest.mark.django_db
def test_the_clocks_command_reads_both_formats(tmp_path):
    for doc in (facts(), saas()):
        path = tmp_path / "facts.json"
        path.write_text(json.dumps(doc))
        out = io.StringIO()
        call_command("clocks", str(path), stdout=out)
        rules = {o["rule"] for o in json.loads(out.getvalue())["obligations"]}
        assert "US-CA-IND" in rules
        assert ("EU-GDPR-33-2-PROC" in rules) == (doc["format"] == V2)


def test_openapi_schema_documents_format_2(as_counsel):
    schema = as_counsel.get("/api/v1/schema", HTTP_ACCEPT="application/json").content.decode()
    for word in ("data_sets", "by_category", "roles", "sectors", V2):
        assert word in schema
