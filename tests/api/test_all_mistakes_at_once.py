"""POST/PATCH /api/v1/incidents: every mistake of a request in one 400, keyed by field path."""

from __future__ import annotations

import pytest

from incidents.models import Activity, Incident
from tests.factories import facts

LIST = "/api/v1/incidents"


def test_four_mistakes_give_four_paths_and_suggest_gb_for_uk(as_counsel):
    doc = facts()
    doc["organisation"]["main_establishment"] = "UK"
    doc["organisation"]["subject_to"] = ["sec_registrnt"]
    doc["affected"] = {"XX": 10, "FR": -3, "US-CA": 600}
    response = as_counsel.post(LIST, doc, format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert set(body) == {
        "organisation.main_establishment",
        "organisation.subject_to.0",
        "affected.XX",
        "affected.FR",
    }, body
    assert all(isinstance(m, list) and m and isinstance(m[0], str) for m in body.values())
    assert "did you mean GB (United Kingdom)?" in body["organisation.main_establishment"][0]
    assert "did you mean sec_registrant" in body["organisation.subject_to.0"][0]
    assert "negative" in body["affected.FR"][0]
    assert not Incident.objects.unrestricted("test").exists() and not Activity.objects.exists()


def test_unknown_regime_key_is_refused_not_stored(as_counsel):
    doc = facts()
    doc["organisation"]["subject_to"] = ["hipaa_covered_entity", "quantum_bank"]
    body = as_counsel.post(LIST, doc, format="json").json()
    assert list(body) == ["organisation.subject_to.1"]
    # Refused by name; whether a near key is suggested ("did you mean ...") depends on the book.
    assert body["organisation.subject_to.1"][0].startswith("unknown regime key 'quantum_bank'")
    assert not Incident.objects.unrestricted("test").exists()


def test_a_regime_type_after_a_known_regime_is_accepted(as_counsel):
    doc = facts()
    doc["organisation"]["subject_to"] = ["dora:investment_firm", "sec_registrant"]
    assert as_counsel.post(LIST, doc, format="json").status_code == 201


def test_future_time_and_bad_code_come_together(as_counsel):
    doc = facts(title="", events={"aware_at": "2100-01-01T00:00:00Z"})
    doc["organisation"]["established_in"] = ["DE", "UK", "ZZ"]
    body = as_counsel.post(LIST, doc, format="json").json()
    assert set(body) == {
        "title",
        "events.aware_at",
        "organisation.established_in.1",
        "organisation.established_in.2",
    }, body
    assert "in the future" in body["events.aware_at"][0]


@pytest.mark.parametrize("field", ["data", "cause"])
def test_one_mistake_keeps_the_usual_shape(as_counsel, field):
    doc = facts(**{field: "nonsense" if field == "cause" else ["name", "ssnn"]})
    body = as_counsel.post(LIST, doc, format="json").json()
    assert len(body) == 1
    if field == "data":
        assert "did you mean ssn?" in body["data.1"][0]


def test_patch_refuses_an_unknown_regime_with_a_suggestion(as_counsel):
    pk = as_counsel.post(LIST, facts(), format="json").json()["id"]
    response = as_counsel.patch(
        f"{LIST}/{pk}",
        {"organisation": {"subject_to": ["nydfs_coverd_entity"]}},
        format="json",
    )
    assert response.status_code == 400
    assert "nydfs_covered_entity" in response.json()["organisation.subject_to.0"][0]
    assert Incident.objects.unrestricted("test").get(pk=pk).subject_to == []


def test_the_action_itself_refuses_an_unknown_regime(counsel):
    """Every door (forms, API, scripts) goes through the action, which checks too."""
    from incidents.actions import open_incident
    from jurisdictions.engine.facts import FactsError

    doc = facts()
    doc["organisation"]["subject_to"] = ["hipaa_coverd_entity"]
    with pytest.raises(FactsError, match="did you mean hipaa_covered_entity"):
        open_incident(doc, acting_user=counsel)
    assert not Incident.objects.unrestricted("test").exists()
