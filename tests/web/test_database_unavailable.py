"""While the database is away, people get a 503 "try again" page (JSON on the API), never a stack
trace; any other error stays a plain 500. The fault suite (tests/faults/test_database_faults.py)
shows the same with a real PostgreSQL stopped under a running web server."""

from __future__ import annotations

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_list(monkeypatch):
    def fail_with(exc):
        def page_of_cases(*args, **kwargs):
            raise exc

        monkeypatch.setattr("incidents.views.page_of_cases", page_of_cases)

    return fail_with


@pytest.mark.parametrize(
    "exc",
    [
        OperationalError("connection failed: server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
    ],
)
def test_a_lost_database_gives_a_try_again_page(counsel, failing_list, exc):
    client = Client(raise_request_exception=False)
    client.force_login(counsel)
    failing_list(exc)
    response = client.get("/incidents/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "Try again in a minute" in body and "Nothing was changed" in body
    assert "Traceback" not in body and "server closed" not in body


def test_the_api_says_the_same_in_json(counsel, monkeypatch):
    def lost(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr("incidents.api.views.IncidentListView.get", lost)
    client = Client(raise_request_exception=False)
    client.force_login(counsel)
    response = client.get("/api/v1/incidents")
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    assert response["Retry-After"] == "30"


def test_any_other_error_stays_a_plain_500(counsel, failing_list):
    client = Client(raise_request_exception=False)
    client.force_login(counsel)
    failing_list(ValueError("a bug"))
    response = client.get("/incidents/")
    assert response.status_code == 500
    assert "Try again in a minute" not in response.content.decode()


def test_health_answers_not_ok_when_the_database_is_away(client, monkeypatch):
    def down():
        return "database", False, {"error": "OperationalError", "vendor": "postgresql"}

    monkeypatch.setattr("config.health.check_database", down)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "not ok"}
