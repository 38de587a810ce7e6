"""The webhooks settings page in a real browser: an internal address refused with the form kept,
a Slack hook added with its secret shown once, then listed without it. Screenshots go to the
system temp directory (``breachclock-webhooks*.png``)."""

from __future__ import annotations

import re

import pytest

from tests.browser.signing_in import person_who_signs_in, sign_in
from tests.browser.test_team_journey import SHOTS
from webhooks.models import Webhook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adding_a_slack_hook(page, live_server, settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []  # the product's default
    person_who_signs_in("carla.counsel", "counsel", first_name="Carla", last_name="Counsel")
    sign_in(page, "carla.counsel")
    page.goto("/accounts/profile/")
    page.click("a:has-text('Webhooks')")
    page.wait_for_url(re.compile(r"/settings/webhooks/$"))

    page.fill("#id_url", "http://127.0.0.1:9/")
    page.select_option("#id_format", "slack")
    page.click("button:has-text('Add the hook')")
    assert "127.0.0.1, a loopback address" in page.inner_text("main")
    assert page.input_value("#id_url") == "http://127.0.0.1:9/"  # what was typed is kept
    page.screenshot(path=str(SHOTS / "breachclock-webhooks-refused.png"), full_page=True)
    assert not Webhook.objects.exists()

    page.fill("#id_url", "https://93.184.215.14/services/T000/B000/XXXX")
    page.click("button:has-text('Add the hook')")
    secret = Webhook.objects.get().secret
    assert secret in page.inner_text("main")
    page.screenshot(path=str(SHOTS / "breachclock-webhooks-created.png"), full_page=True)

    page.click("a:has-text('Back to webhooks')")
    listing = page.inner_text("main")
    assert "93.184.215.14" in listing and "Slack incoming webhook" in listing
    assert secret not in listing
    page.screenshot(path=str(SHOTS / "breachclock-webhooks.png"), full_page=True)
    page.click("a:has-text('93.184.215.14')")
    assert "Nothing sent yet." in page.inner_text("main")
