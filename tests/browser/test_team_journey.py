"""The team in a real browser: add a colleague, change their role, hand the case to them, leave.

Every step is a form (no script confirm dialogs under the CSP). A screenshot of the team page
and of a confirmation go to the system temp directory (``breachclock-team*.png``).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from tests.browser.signing_in import person_who_signs_in, sign_in
from tests.conftest import make_person
from tests.factories import IncidentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(tempfile.gettempdir())


def test_handing_a_case_on_and_leaving_it(page, live_server):
    counsel = person_who_signs_in(
        "carla.counsel", "counsel", first_name="Carla", last_name="Counsel"
    )
    make_person("rui.responder", "responder", first_name="Rui", last_name="Responder")
    case = IncidentFactory(owner=counsel, title="Web skimmer on checkout")
    sign_in(page, "carla.counsel")

    # Add a colleague from the case page's team panel.
    page.goto(f"/incidents/{case.pk}/")
    page.click("#team >> a:has-text('Manage team')")
    page.fill("#id_username", "rui.responder")
    page.select_option("#id_role", "viewer")
    page.click("button:has-text('Add to the team')")
    page.wait_for_url(re.compile(r"/incidents/\d+/#team$"))

    # Change their role in place.
    page.click("#team >> a:has-text('Manage team')")
    row = page.locator("tr", has_text="Rui Responder")
    row.locator("select").select_option("responder")
    row.locator("button:has-text('Change role')").click()
    assert "rui.responder is now Responder" in page.inner_text(".messages")
    page.screenshot(path=str(SHOTS / "breachclock-team.png"), full_page=True)

    # The owner cannot leave yet; making Rui the owner (after a confirmation page) lets them.
    assert "make another member the owner first" in page.inner_text("tr:has-text('Carla')")
    page.goto(f"/incidents/{case.pk}/leave/")
    assert "You own this case, so you cannot leave it yet" in page.inner_text("main")
    page.goto(f"/incidents/{case.pk}/team/")
    page.locator("tr", has_text="Rui Responder").locator("a:has-text('Make owner')").click()
    page.screenshot(path=str(SHOTS / "breachclock-team-owner.png"))
    page.click("button:has-text('Make Rui Responder the owner')")
    assert "rui.responder now owns the case" in page.inner_text(".messages")
    page.locator("tr", has_text="Carla Counsel").locator("a:has-text('Leave this case')").click()
    page.click("button:has-text('Leave this case')")
    page.wait_for_url(re.compile(r"/incidents/$"))
    assert f"You left {case.reference}" in page.inner_text(".messages")
    assert page.locator(f"a:has-text('{case.reference}')").count() == 0
    assert page.request.get(f"/incidents/{case.pk}/").status == 404

    assert not [e for e in page.console_errors if "Content Security Policy" in e], (
        page.console_errors
    )
