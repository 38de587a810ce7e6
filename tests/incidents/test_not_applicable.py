"""The engine's "why not" list is kept on the case at each recompute and shown on the case page
and in the report."""

from __future__ import annotations

import pytest
from django.urls import reverse

from incidents import actions
from incidents.models import Incident
from tests.factories import facts


def test_open_incident_stores_the_not_applicable_list(counsel, open_case):
    incident = open_case(counsel, facts(risk_of_harm="risk"))
    stored = Incident.objects.unrestricted("test").get(pk=incident.pk).not_applicable
    assert stored, "a mere risk (not a high one) rules out the Art. 34 notice to individuals"
    codes = {entry["rule"] for entry in stored}
    assert "EU-GDPR-34-DS" in codes
    entry = next(e for e in stored if e["rule"] == "EU-GDPR-34-DS")
    assert entry["why"] and entry["jurisdiction"] and entry["recipient"]
    assert not incident.obligations.filter(rule_code="EU-GDPR-34-DS").exists()


def test_update_facts_refreshes_the_list(counsel, open_case):
    incident = open_case(counsel, facts(risk_of_harm="risk"))
    assert "EU-GDPR-34-DS" in {
        e["rule"] for e in Incident.objects.unrestricted("test").get(pk=incident.pk).not_applicable
    }
    actions.update_facts(
        incident, {"risk_of_harm": "high"}, acting_user=counsel, reason="forensics report"
    )
    after = Incident.objects.unrestricted("test").get(pk=incident.pk).not_applicable
    assert "EU-GDPR-34-DS" not in {e["rule"] for e in after}


@pytest.mark.parametrize("page", ["incidents:detail", "incidents:report"])
def test_case_page_and_report_show_rules_not_applicable(client, counsel, open_case, page):
    incident = open_case(counsel, facts(risk_of_harm="risk"))
    stored = Incident.objects.unrestricted("test").get(pk=incident.pk).not_applicable
    client.force_login(counsel)
    html = client.get(reverse(page, args=[incident.pk])).content.decode()
    assert f"Rules considered and not applicable ({len(stored)})" in html
    entry = next(e for e in stored if e["rule"] == "EU-GDPR-34-DS")
    assert "EU-GDPR-34-DS" in html
    from django.utils.html import escape

    assert escape(entry["why"]) in html
