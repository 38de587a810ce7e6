"""``/api/v1/webhooks``: create (secret shown once), list, delete, the delivery log; who may."""

from __future__ import annotations

import pytest

from webhooks.models import Webhook

PUBLIC = "https://93.184.215.14/hooks/breachclock"


@pytest.fixture(autouse=True)
def by_default(settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []  # the product's default


def create(client, **body):
    return client.post(
        "/api/v1/webhooks",
        {"url": PUBLIC, "events": ["obligation.due_soon"], **body},
        format="json",
    )


def test_a_hook_to_loopback_is_refused_with_400_and_nothing_stored(client_for, counsel):
    response = create(client_for(counsel), url="http://127.0.0.1:9/")
    assert response.status_code == 400
    message = response.json()["url"][0]
    assert "127.0.0.1, a loopback address" in message
    assert "WEBHOOK_ALLOWED_HOSTS" in message
    assert not Webhook.objects.exists()


def test_the_metadata_address_is_refused(client_for, counsel):
    response = create(client_for(counsel), url="http://169.254.169.254/latest/meta-data/")
    assert response.status_code == 400
    assert "link-local (cloud metadata)" in response.json()["url"][0]


def test_a_public_hook_is_created_with_its_secret_shown_once(client_for, counsel):
    client = client_for(counsel)
    response = create(client, format="slack", events=["obligation.overdue", "case.opened"])
    assert response.status_code == 201
    body = response.json()
    assert body["secret"].startswith("whsec_") and len(body["secret"]) > 40
    assert body["events"] == ["case.opened", "obligation.overdue"]  # the product's order
    assert (body["url"], body["format"], body["team"]) == (PUBLIC, "slack", None)
    hook = Webhook.objects.get(pk=body["id"])
    assert hook.created_by == counsel and hook.secret == body["secret"]

    listed = client.get("/api/v1/webhooks").json()
    assert [h["id"] for h in listed] == [hook.pk]
    assert "secret" not in listed[0]
    one = client.get(f"/api/v1/webhooks/{hook.pk}").json()
    assert "secret" not in one
    assert body["secret"] not in client.get("/api/v1/webhooks").content.decode()


def test_delete_removes_the_hook(client_for, counsel):
    client = client_for(counsel)
    hook_id = create(client).json()["id"]
    assert client.delete(f"/api/v1/webhooks/{hook_id}").status_code == 204
    assert not Webhook.objects.exists()
    assert client.delete(f"/api/v1/webhooks/{hook_id}").status_code == 404


def test_a_hook_belongs_to_its_creator(client_for, counsel, responder):
    hook_id = create(client_for(counsel)).json()["id"]
    other = client_for(responder)
    assert other.get("/api/v1/webhooks").json() == []
    assert other.get(f"/api/v1/webhooks/{hook_id}").status_code == 404
    assert other.get(f"/api/v1/webhooks/{hook_id}/deliveries").status_code == 404
    assert other.delete(f"/api/v1/webhooks/{hook_id}").status_code == 404
    assert Webhook.objects.filter(pk=hook_id).exists()


def test_only_a_role_that_may_open_cases_creates_hooks(client_for, viewer, privacy_officer):
    for person in (viewer, privacy_officer):
        response = create(client_for(person))
        assert response.status_code == 403
        assert "open cases" in response.json()["detail"]
    assert not Webhook.objects.exists()


@pytest.mark.parametrize(
    "body, field, words",
    [
        ({"events": []}, "events", "choose at least one"),
        ({"events": ["obligation.due"]}, "events", "unknown event 'obligation.due'"),
        ({"format": "xml"}, "format", "must be one of: json, minimal, slack, teams"),
        ({"url": ""}, "url", "is required"),
        ({"team": "INC-1999-0001"}, "team", "no case INC-1999-0001 that you can see"),
        ({"colour": "red"}, "colour", "unknown field"),
    ],
)
def test_bad_input_names_the_field(client_for, counsel, body, field, words):
    response = create(client_for(counsel), **body)
    assert response.status_code == 400
    assert words in response.json()[field][0]
    assert not Webhook.objects.exists()


def test_team_narrows_to_a_case_the_creator_can_see(client_for, counsel, case, outsider):
    response = create(client_for(counsel), team=case.reference)
    assert response.status_code == 201 and response.json()["team"] == case.reference
    refused = create(client_for(outsider), team=str(case.pk))
    assert refused.status_code == 400  # a case outside reach is not named or accepted


def test_a_form_body_is_refused(client_for, counsel):
    response = client_for(counsel).post(
        "/api/v1/webhooks", {"url": PUBLIC, "events": "case.opened"}, format="multipart"
    )
    assert response.status_code == 415
