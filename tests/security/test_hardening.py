"""Hardening: no copies of case data kept by browsers or proxies, a health probe that tells a
stranger only "ok" or "not ok", and API throttling with a 429 that says when to retry."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import ObligationFactory

pytestmark = pytest.mark.django_db


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_case_pages_exports_and_the_api_are_not_stored(client, api_client, counsel, case):
    ob = ObligationFactory(incident=case)
    client.force_login(counsel)
    pages = [
        reverse("dashboard"),
        reverse("incidents:list"),
        reverse("incidents:detail", args=[case.pk]),
        reverse("incidents:report", args=[case.pk]),
        reverse("incidents:edit", args=[case.pk]),
        reverse("incidents:calendar"),
        reverse("incidents:what_if"),
        reverse("reminders:snooze", args=[case.pk, ob.pk]),
        reverse("api:incident-activity-csv", args=[case.pk]),
        reverse("api:incidents"),
        reverse("api:incident", args=[case.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _no_store(response), f"{url}: {response.get('Cache-Control')}"
    # The API signed in by token as well, and its errors.
    api_client.force_authenticate(counsel)
    for url in (reverse("api:incidents"), "/api/v1/incidents/999999"):
        assert _no_store(api_client.get(url)), url


def test_audit_pages_are_not_stored(client, auditor):
    client.force_login(auditor)
    assert _no_store(client.get(reverse("audit:list")))


def test_health_tells_a_stranger_only_ok(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_health_tells_a_stranger_only_not_ok(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {"status": "not ok"}


def test_health_details_for_staff(client, counsel):
    counsel.is_staff = True
    counsel.save()
    client.force_login(counsel)
    body = client.get(reverse("health")).json()
    assert body["database"]["ok"] is True and body["status"] == "ok"


@pytest.fixture
def low_rates(settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"user": "3/minute", "anon": "2/minute"},
    }
    yield
    cache.clear()


def test_api_throttles_a_user_with_a_429_that_says_when(api_client, counsel, low_rates):
    api_client.force_authenticate(counsel)
    url = reverse("api:incidents")
    assert [api_client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = api_client.get(url)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 0 < wait <= 60
    assert refused.json()["detail"] == f"Too many requests: try again in {wait} seconds."
