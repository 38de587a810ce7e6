"""Input no field can hold is refused with a 400 that names where it was, before it reaches the
database (PostgreSQL cannot store or compare a NUL character: that was a 500)."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, named",
    [
        ("/api/v1/incidents?owner=a%00b", "owner"),
        ("/api/v1/incidents?q=%00", "q"),
        ("/rules/?q=gdpr%00", "q"),
        ("/incidents/?q=x%00", "q"),
        ("/rules/GDPR%00/", "address"),
    ],
)
def test_nul_in_the_address_is_a_400_naming_it(client, counsel, url, named):
    client.force_login(counsel)
    response = client.get(url)
    assert response.status_code == 400
    assert named in response.content.decode()


def test_nul_in_a_json_body_is_a_400_naming_the_field_and_nothing_is_stored(client, counsel):
    from incidents.models import Incident

    client.force_login(counsel)
    body = json.dumps(
        {"title": "evil\u0000title", "events": {"discovered_at": "2026-03-27T17:00Z"}}
    )
    response = client.post("/api/v1/incidents", body, content_type="application/json")
    assert response.status_code == 400
    assert "title" in response.json()
    assert not Incident.objects.unrestricted("test").exists()


def test_nul_in_a_form_field_is_refused(client, counsel, case):
    client.force_login(counsel)
    response = client.post(f"/incidents/{case.pk}/notes/", {"text": "a\x00b"})
    assert response.status_code == 400
    assert "text" in response.content.decode()
