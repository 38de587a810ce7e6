"""Addresses people type or browsers ask for lead somewhere useful, never to a 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_api_address_leads_to_its_documentation(login, counsel):
    response = login(counsel).get("/api/v1/")
    assert response.status_code == 302 and response["Location"] == reverse("api:docs")
    assert login(counsel).get(response["Location"]).status_code == 200


def test_favicon_ico_leads_to_the_apps_own_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
