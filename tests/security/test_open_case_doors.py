"""Opening a case: one permission (``incidents.add_incident``) guards the web form and the API.

Viewers, auditors, rules administrators and people with no role may not open a case through
either door; responders and counsel may through both.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from audit import roles
from incidents.models import Incident
from tests.conftest import make_person
from tests.factories import UserFactory, facts

pytestmark = pytest.mark.django_db


def person(kind: str):
    if kind == "no role":
        return UserFactory(username="nora.norole")
    if kind in ("auditor", "rules administrator"):
        user = UserFactory(username=kind.replace(" ", "."))
        name = roles.AUDITOR if kind == "auditor" else roles.RULES_ADMINISTRATOR
        roles.sync_roles(Group, Permission)
        user.groups.add(Group.objects.get(name=name))
        return user
    return make_person(kind.replace(" ", "."), kind)


WEB_FORM = {
    "title": "Opened through a side door",
    "description": "",
    "severity": "medium",
    "discovered_at": "2026-03-27T17:00",
    "role": "controller",
    "main_establishment": "DE",
}

REFUSED = ["viewer", "auditor", "rules administrator", "no role", "privacy office"]
ALLOWED = ["responder", "counsel"]


@pytest.mark.parametrize("kind", REFUSED)
def test_web_form_refuses_people_who_may_not_open_cases(client, kind):
    client.force_login(person(kind))
    url = reverse("incidents:create")
    assert client.get(url).status_code == 403
    response = client.post(url, WEB_FORM)
    assert response.status_code == 403
    assert not Incident.objects.unrestricted("test").exists()


@pytest.mark.parametrize("kind", REFUSED)
def test_api_refuses_the_same_people(api_client, kind):
    api_client.force_authenticate(person(kind))
    response = api_client.post(reverse("api:incidents"), facts(), format="json")
    assert response.status_code == 403
    assert not Incident.objects.unrestricted("test").exists()


@pytest.mark.parametrize("kind", ALLOWED)
def test_both_doors_open_for_responders_and_counsel(client, api_client, kind):
    user = person(kind)
    client.force_login(user)
    assert client.get(reverse("incidents:create")).status_code == 200
    api_client.force_authenticate(user)
    response = api_client.post(reverse("api:incidents"), facts(), format="json")
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("kind", REFUSED)
def test_the_dashboard_does_not_offer_the_button(client, kind):
    client.force_login(person(kind))
    assert reverse("incidents:create").encode() not in client.get(reverse("dashboard")).content
