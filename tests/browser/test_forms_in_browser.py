"""The case form in Chromium: a jurisdiction code shows its name as it is typed (CA is Canada,
US-CA is California), a common mistake says which code was meant, and every bad line of the
affected-people box is named in one answer. Screenshots: ``breachclock-forms-*.png``."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import person_who_signs_in, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(tempfile.gettempdir())


def test_codes_are_named_as_typed_and_every_bad_line_is_listed(page, live_server, rulebook):
    person_who_signs_in("carla.counsel", "counsel")
    sign_in(page, "carla.counsel")

    page.goto("/incidents/new/")
    page.fill("#id_affected", "CA 1,200\nUS-CA 600\nUK 40\nCA 5")
    names = page.locator("#id_affected_places")
    expect(names).to_contain_text("CA → Canada")
    expect(names).to_contain_text("US-CA → California (United States)")
    expect(names).to_contain_text("UK → not an ISO code: did you mean GB (United Kingdom)?")
    expect(names).to_contain_text("(listed twice)")
    page.fill("#id_main_establishment", "UK")
    expect(page.locator("#id_main_establishment_places")).to_contain_text("did you mean GB")
    page.fill("#id_title", "Payroll export")
    page.fill("#id_discovered_at", "2026-03-27T17:00")
    page.screenshot(path=str(SHOTS / "breachclock-forms-1-typing.png"), full_page=True)
    page.click("text=Open the incident")
    errors = page.locator("#id_affected_error")
    expect(errors).to_contain_text("Line 3")
    expect(errors).to_contain_text("Line 4: CA (Canada) is already on line 1")
    assert "Line 1" not in errors.inner_text()  # "1,200" is a count
    expect(page.locator("#id_main_establishment_error")).to_contain_text("did you mean GB")
    assert page.input_value("#id_affected") == "CA 1,200\nUS-CA 600\nUK 40\nCA 5"
    page.screenshot(path=str(SHOTS / "breachclock-forms-2-errors.png"), full_page=True)
    assert not [m for m in page.console_errors if "404" not in m], page.console_errors
