"""The webhooks settings page and the admin: add (secret once), refuse internal addresses with the
form kept, the delivery log, remove; only the hook's owner sees it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from webhooks.models import Delivery, Webhook

pytestmark = pytest.mark.django_db
PUBLIC = "https://93.184.215.14/hooks/bc"


@pytest.fixture(autouse=True)
def by_default(settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []


def add(client, url=PUBLIC, **extra):
    data = {"url": url, "format": "slack", "events": ["obligation.due_soon"], **extra}
    return client.post(reverse("webhooks:settings"), data)


def test_add_shows_the_secret_once(client, counsel):
    client.force_login(counsel)
    response = add(client)
    hook = Webhook.objects.get()
    assert response.status_code == 200
    assert hook.secret in response.content.decode()
    page = client.get(reverse("webhooks:settings")).content.decode()
    assert "93.184.215.14" in page and hook.secret not in page


def test_an_internal_address_is_refused_and_the_form_kept(client, counsel):
    client.force_login(counsel)
    response = add(client, url="http://127.0.0.1:9/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "127.0.0.1, a loopback address" in page
    assert 'value="http://127.0.0.1:9/"' in page
    assert not Webhook.objects.exists()


def test_the_delivery_log_and_removal(client, counsel, case, outsider):
    from webhooks.actions import create_webhook
    from webhooks.models import Event

    hook, _ = create_webhook(counsel, url=PUBLIC, events=["case.opened"])
    event = Event.objects.create(name="case.opened", key="k", incident=case)
    Delivery.objects.create(
        webhook=hook,
        event=event,
        status="failed",
        attempts=3,
        response_status=404,
        latency_ms=12,
        last_error="answered 404 (refused; not retried)",
    )
    client.force_login(counsel)
    page = client.get(reverse("webhooks:deliveries", args=[hook.pk])).content.decode()
    for shown in (case.reference, "Failed", "answered 404 (refused; not retried)", "12 ms"):
        assert shown in page

    client.force_login(outsider)
    assert client.get(reverse("webhooks:deliveries", args=[hook.pk])).status_code == 404
    assert client.post(reverse("webhooks:delete", args=[hook.pk])).status_code == 404

    client.force_login(counsel)
    client.post(reverse("webhooks:delete", args=[hook.pk]))
    assert not Webhook.objects.exists()


def test_a_viewer_may_not_add_hooks(client, viewer):
    client.force_login(viewer)
    page = client.get(reverse("webhooks:settings")).content.decode()
    assert "Only people whose role may open cases can add webhooks." in page
    add(client)
    assert not Webhook.objects.exists()


def test_the_admin_adds_a_hook_through_the_same_checks(client, counsel):
    counsel.is_superuser = counsel.is_staff = True
    counsel.save()
    client.force_login(counsel)
    url = reverse("admin:webhooks_webhook_add")
    data = {"url": "http://10.0.0.5/hook", "format": "json", "events": ["case.opened"]}
    refused = client.post(url, data)
    assert "a private network address" in refused.content.decode()
    assert not Webhook.objects.exists()
    response = client.post(url, {**data, "url": PUBLIC}, follow=True)
    hook = Webhook.objects.get()
    assert hook.created_by == counsel and hook.events == ["case.opened"]
    assert f"shown only this once: {hook.secret}" in response.content.decode()
    change = client.get(reverse("admin:webhooks_webhook_change", args=[hook.pk]))
    assert change.status_code == 200 and hook.secret not in change.content.decode()
