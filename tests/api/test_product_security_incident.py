"""Cyber Resilience Act Art 14(3)-(4): a case records a severe incident affecting the security of
the organisation's product, through the API and the case form, and its clocks follow the flag."""

from __future__ import annotations

from incidents.models import Activity, Incident
from tests.factories import facts

CRA_ORG = {
    "role": "controller",
    "main_establishment": "DE",
    "established_in": ["DE"],
    "subject_to": ["cra_manufacturer"],
}
# Aware Mon 5 Oct 2026 10:00 CEST: early warning +24 h, notification +72 h (elapsed UTC hours).
EVENTS = {"discovered_at": "2026-10-05T10:00:00+02:00"}


def _cra_duties(body):
    """The severe-incident duties still open (a row the law stops requiring is kept, closed as
    no longer required)."""
    return {
        o["rule"]: o
        for o in body["obligations"]
        if o["rule"].startswith("EU-CRA-14-4") and o["status"] == "open"
    }


def test_api_case_keeps_the_flag_and_its_clocks(as_counsel, counsel):
    doc = facts(organisation=CRA_ORG, events=EVENTS, product_security_incident=True)
    response = as_counsel.post("/api/v1/incidents", doc, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    duties = _cra_duties(body)
    assert duties["EU-CRA-14-4-EW"]["due_at"] == "2026-10-06T08:00:00Z"
    assert duties["EU-CRA-14-4-NOTIF"]["due_at"] == "2026-10-08T08:00:00Z"
    assert duties["EU-CRA-14-4-EW"]["jurisdiction"] == "DE"
    url = f"/api/v1/incidents/{body['id']}"
    assert as_counsel.get(url).json()["facts"]["product_security_incident"] is True
    assert (
        Incident.objects.unrestricted("test").get(pk=body["id"]).product_security_incident is True
    )

    # Counsel concludes the product was not affected: the flag goes, and so do its clocks.
    response = as_counsel.patch(url, {"product_security_incident": False}, format="json")
    assert response.status_code == 200, response.content
    assert not _cra_duties(response.json())
    assert "product_security_incident" not in as_counsel.get(url).json()["facts"]
    change = Activity.objects.filter(incident_id=body["id"], kind="facts_changed").last()
    assert change.actor == counsel
    assert change.before.get("product_security_incident") is True
    assert not change.after.get("product_security_incident")


def test_without_the_flag_no_severe_incident_clocks(as_counsel):
    doc = facts(organisation=CRA_ORG, events=EVENTS)
    body = as_counsel.post("/api/v1/incidents", doc, format="json").json()
    assert not _cra_duties(body)
    assert (
        "product_security_incident"
        not in as_counsel.get(f"/api/v1/incidents/{body['id']}").json()["facts"]
    )
