"""The case of the drafting tests: 600 California, 60 Massachusetts and 1,000 German residents,
main establishment DE, opened through the real engine and rule book, with an organisation
profile that gives the notices their contact point."""

from __future__ import annotations

import pytest

from incidents.actions import open_incident
from organisations.models import OrganisationProfile
from tests.factories import facts

SUMMARY = (
    "On 20 March 2026 an unauthorised person used a former contractor's account to copy the "
    "customer database of our online shop."
)


@pytest.fixture
def profile(db):
    return OrganisationProfile.objects.create(
        name="Acme Retail GmbH",
        main_establishment="DE",
        established_in=["DE"],
        default_roles=["controller"],
        address="Hauptstraße 1, 10115 Berlin, Germany",
        contact_point="Data Protection Officer, Dr. Ada Weber, privacy@acme.example, "
        "+49 30 1234 5678",
        toll_free_number="1-800-555-0199",
        signatory="Ada Weber, Data Protection Officer",
    )


@pytest.fixture
def three_places(counsel, responder, viewer, profile):
    """The case of the issue, with counsel owning it and a responder and a viewer on it."""
    from incidents import actions

    doc = facts(
        affected={"US-CA": 600, "US-MA": 60, "DE": 1000},
        data=["name", "ssn", "financial_account", "contact"],
    )
    case = open_incident(
        doc, acting_user=counsel, description=SUMMARY, organisation_profile=profile.pk
    )
    actions.add_team_member(case, responder, "responder", acting_user=counsel)
    actions.add_team_member(case, viewer, "viewer", acting_user=counsel)
    return case


def obligation(case, rule_code):
    return case.obligations.get(rule_code=rule_code)
