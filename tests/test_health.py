import pytest


@pytest.fixture
def staff_client(client, django_user_model):
    """The details are for staff (anyone else reads only "ok"/"not ok": test_hardening)."""
    client.force_login(django_user_model.objects.create_user("sid.staff", is_staff=True))
    return client


@pytest.mark.django_db
def test_health_reports_database_and_broker(staff_client):
    response = staff_client.get("/health/")
    body = response.json()
    assert response.status_code == 200, body
    assert body["database"]["ok"] is True
    assert body["broker"]["ok"] is True
    assert body["status"] == "ok"


@pytest.mark.django_db
def test_health_reports_unreachable_broker_as_degraded(staff_client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = staff_client.get("/health/")
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False
