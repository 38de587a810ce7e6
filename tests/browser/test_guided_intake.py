"""The guided intake for the first hour: four short steps (what happened, when you knew, whose
data, where they live) open the same case the full form opens, with the full form one click
away and nothing typed lost when an answer is refused."""

from __future__ import annotations

import re
from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from incidents.models import Incident
from tests.browser.signing_in import person_who_signs_in, sign_in

pytestmark = [pytest.mark.browser]


def counsel_signed_in(page):
    counsel = person_who_signs_in(
        "carla.counsel", "counsel", first_name="Carla", last_name="Counsel"
    )
    sign_in(page, "carla.counsel")
    return counsel


def test_four_steps_open_the_same_case_as_the_full_form(page, live_server, rulebook):
    counsel = counsel_signed_in(page)
    page.click("a:has-text('Guided intake')")
    assert page.url.endswith("/incidents/new/guided/")
    steps = page.locator(".intake-step")
    assert page.locator("[data-intake-progress]").inner_text() == "Step 1 of 4"
    assert steps.nth(1).is_hidden()

    # 1. What happened. "Next" without a title stays on the step.
    page.click("[data-intake-next]")
    assert page.locator("[data-intake-progress]").inner_text() == "Step 1 of 4"
    page.fill("#id_title", "Laptop with payroll export stolen")
    page.select_option("#id_cause", "loss_or_theft")
    page.click("[data-intake-next]")

    # 2. When you knew (in Berlin time).
    assert page.locator("[data-intake-progress]").inner_text() == "Step 2 of 4"
    known = (timezone.now() - timedelta(hours=2)).astimezone(UTC).replace(second=0, microsecond=0)
    page.fill("#id_discovered_at", known.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_times_zone", "UTC")
    page.click("[data-intake-next]")

    # 3. Whose data; 4. where the people live.
    page.check("input[name=data][value=name]")
    page.check("input[name=data][value=national_id]")
    page.click("[data-intake-next]")
    assert page.locator("[data-intake-progress]").inner_text() == "Step 4 of 4"
    page.fill("#id_affected", "DE 120\nUS-CA 40")
    page.click("[data-intake-submit]")
    page.wait_for_url(re.compile(r"/incidents/\d+/$"))

    incident = Incident.objects.unrestricted("test").get(title="Laptop with payroll export stolen")
    assert incident.owner == counsel
    facts = incident.facts_dict()
    assert facts["events"]["discovered_at"] == known.isoformat().replace("+00:00", "Z")
    assert facts["affected"] == {"DE": 120, "US-CA": 40}
    assert set(facts["data"]) == {"name", "national_id"}
    assert facts["cause"] == "loss_or_theft"
    assert {o.rule_code for o in incident.obligations.all()} >= {"DE-GDPR-33-SA"}
    assert page.locator("table.obligations").is_visible()


def test_the_full_form_is_one_click_away_and_a_refusal_keeps_what_was_typed(
    page, live_server, rulebook
):
    counsel_signed_in(page)
    page.goto("/incidents/new/guided/")
    page.fill("#id_title", "Misdirected email")
    page.click("[data-intake-next]")
    page.fill("#id_discovered_at", "2999-01-01T10:00")  # in the future: refused by the server
    for _ in range(2):
        page.click("[data-intake-next]")
    page.fill("#id_affected", "FR 12")
    page.click("[data-intake-submit]")
    # Back on the guided form, on the step with the error, everything typed still there.
    assert page.locator("[data-intake-progress]").inner_text() == "Step 2 of 4"
    assert page.locator(".field-error").first.is_visible()
    assert page.input_value("#id_discovered_at") == "2999-01-01T10:00"
    assert page.input_value("#id_title") == "Misdirected email"
    assert page.input_value("#id_affected") == "FR 12"
    assert not Incident.objects.unrestricted("test").exists()
    page.click("#full-form-link")
    assert page.url.endswith("/incidents/new/")
