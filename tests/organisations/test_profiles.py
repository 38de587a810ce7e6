"""Organisation profiles: kept by the privacy office (audited), picked by whoever opens cases,
prefilling the organisation facts; a case keeps a snapshot a later edit never rewrites."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from audit.models import AuditEvent
from incidents import actions as case_actions
from incidents.actions import ActionError
from incidents.models import Activity, Incident
from organisations.actions import save_profile
from organisations.models import OrganisationProfile
from tests.factories import facts
from tests.web.test_forms import GOOD_CASE

pytestmark = pytest.mark.django_db

NORTHWIND = {
    "name": "Northwind Cloud GmbH",
    "affiliates": ["Northwind Cloud Ltd"],
    "main_establishment": "IE",
    "established_in": ["IE", "CA-ON"],
    "subject_to": ["nis2_important_entity"],
    "sectors": ["saas"],
    "default_roles": ["controller", "processor"],
}


@pytest.fixture
def profile(privacy_officer):
    return save_profile(None, dict(NORTHWIND), acting_user=privacy_officer)


def api(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


# --------------------------------------------------------------------------- editing profiles


@pytest.mark.parametrize(
    ("persona", "may_edit"),
    [("privacy_officer", True), ("counsel", False), ("responder", False), ("viewer", False)],
)
def test_only_the_privacy_office_edits_profiles(request, client, persona, may_edit):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.get(reverse("organisations:create"))
    assert response.status_code == (200 if may_edit else 403)
    post = {"name": "Acme Ltd", "roles": "controller", "established_in": "GB", "active": "on"}
    response = client.post(reverse("organisations:create"), post)
    assert response.status_code == (302 if may_edit else 403)
    assert OrganisationProfile.objects.filter(name="Acme Ltd").exists() == may_edit
    if not may_edit:
        with pytest.raises(ActionError):
            save_profile(None, {"name": "Beta"}, acting_user=user)
        # ... but they may see the profiles, to pick one.
        assert client.get(reverse("organisations:list")).status_code == 200


def test_a_change_is_attributed_with_before_and_after(profile, privacy_officer, client):
    save_profile(profile, {"established_in": ["IE"]}, acting_user=privacy_officer)
    event = AuditEvent.objects.filter(object_id=str(profile.pk), summary__contains="changed").get()
    assert event.actor_username == privacy_officer.get_username()
    assert event.before["established_in"] == ["IE", "CA-ON"]
    assert event.after["established_in"] == ["IE"]
    client.force_login(privacy_officer)
    page = html.unescape(client.get(profile.get_absolute_url()).content.decode())
    assert "organisation profile changed: established_in" in page


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"established_in": ["CA-XX"]}, "established_in"),
        ({"main_establishment": "ZZ"}, "main_establishment"),
        ({"sectors": ["Health"]}, "sectors"),
        ({"default_roles": ["owner"]}, "default_roles"),
        ({"contract_clauses": ["US-CA-IND"]}, "contract_clauses"),  # a statute, not a clause
        ({"name": " "}, "name"),
    ],
)
def test_bad_profile_values_are_named_and_nothing_changes(profile, privacy_officer, values, field):
    before = profile.state()
    with pytest.raises(ActionError) as caught:
        save_profile(profile, values, acting_user=privacy_officer)
    assert caught.value.field == field
    profile.refresh_from_db()
    assert profile.state() == before


def test_the_form_names_a_bad_code(privacy_officer, client):
    client.force_login(privacy_officer)
    post = {"name": "Acme", "roles": "controller", "established_in": "CA-XX"}
    body = html.unescape(client.post(reverse("organisations:create"), post).content.decode())
    assert "'CA-XX'" in body and "Canada" in body
    assert not OrganisationProfile.objects.filter(name="Acme").exists()


# --------------------------------------------------------------------------- picking one


def test_the_case_form_prefills_the_profile_and_the_case_keeps_a_snapshot(profile, counsel, client):
    client.force_login(counsel)
    url = reverse("incidents:create")
    page = html.unescape(client.get(url, {"profile": profile.pk}).content.decode())
    assert 'name="main_establishment"' in page and 'value="IE"' in page
    assert (
        'value="IE, CA-ON"' in page and f'name="organisation_profile" value="{profile.pk}"' in page
    )
    post = {
        **GOOD_CASE,
        "organisation_profile": str(profile.pk),
        "facts_format": "breachclock.facts/2",
        "role": "both",
        "main_establishment": "IE",
        "established_in": "IE, CA-ON",
        "subject_to": ["nis2_important_entity"],
        "sectors": "saas",
    }
    response = client.post(url, post)
    assert response.status_code == 302, response.content.decode()[:2000]
    incident = Incident.objects.unrestricted("test").get()
    assert incident.organisation_profile == profile
    assert incident.organisation_snapshot["name"] == "Northwind Cloud GmbH"
    assert incident.organisation_snapshot["established_in"] == ["IE", "CA-ON"]
    facts = incident.facts_dict()
    assert facts["organisation"]["roles"] == ["controller", "processor"]
    opened = Activity.objects.get(incident=incident, kind="opened")
    assert opened.after["organisation_profile"] == {"id": profile.pk, "name": profile.name}


def test_a_later_edit_of_the_profile_never_rewrites_a_past_case(profile, counsel, privacy_officer):
    incident = case_actions.open_incident(
        facts(organisation={}), acting_user=counsel, organisation_profile=profile
    )
    snapshot = dict(incident.organisation_snapshot)
    stored = incident.facts_dict()
    save_profile(
        profile,
        {"main_establishment": "DE", "established_in": ["DE"], "sectors": []},
        acting_user=privacy_officer,
    )
    incident.refresh_from_db()
    assert incident.organisation_snapshot == snapshot
    assert incident.organisation_snapshot["main_establishment"] == "IE"
    assert incident.facts_dict() == stored
    body = api(counsel).get(f"/api/v1/incidents/{incident.pk}").json()
    assert body["organisation_profile"]["main_establishment"] == "IE"
    assert body["facts"]["organisation"]["main_establishment"] == "IE"


def test_the_api_prefills_what_the_facts_do_not_state(profile, counsel):
    doc = facts(organisation={"established_in": ["IE"]}, organisation_profile=profile.pk)
    response = api(counsel).post("/api/v1/incidents", doc, format="json")
    assert response.status_code == 201, response.content
    incident = Incident.objects.unrestricted("test").get(pk=response.json()["id"])
    org = incident.facts_dict()["organisation"]
    assert org["established_in"] == ["IE"]  # stated: wins
    assert org["main_establishment"] == "IE"  # from the profile
    assert org["roles"] == ["controller", "processor"] and org["sectors"] == ["saas"]
    assert incident.facts_dict()["format"] == "breachclock.facts/2"
    rules = {o["rule"] for o in response.json()["obligations"]}
    assert "IE-GDPR-33-SA" in rules  # lead authority from the profile's main establishment


@pytest.mark.parametrize(
    ("persona", "status"),
    [("counsel", 201), ("responder", 201), ("viewer", 403), ("privacy_officer", 403)],
)
def test_only_those_who_may_open_cases_can_pick(request, profile, persona, status):
    user = request.getfixturevalue(persona)
    doc = facts(organisation_profile=profile.pk)
    response = api(user).post("/api/v1/incidents", doc, format="json")
    assert response.status_code == status, response.content
    if status != 201:
        with pytest.raises(ActionError) as caught:
            case_actions.open_incident(facts(), acting_user=user, organisation_profile=profile)
        assert caught.value.field == "organisation_profile"
        assert not Incident.objects.unrestricted("test").exists()


def test_an_inactive_or_unknown_profile_is_refused(profile, counsel, privacy_officer):
    save_profile(profile, {"active": False}, acting_user=privacy_officer)
    for value in (profile.pk, 999999, "1"):
        response = api(counsel).post(
            "/api/v1/incidents", facts(organisation_profile=value), format="json"
        )
        assert response.status_code == 400
        assert "organisation_profile" in response.content.decode()
    assert not Incident.objects.unrestricted("test").exists()
