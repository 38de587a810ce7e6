"""On a phone (390 px) each case in the list is a card with every column labelled: the next
deadline and the open obligations are read without scrolling the table sideways, and the column
heads stay as sort links. At a desk (1280 px) the list is still a table."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import IncidentFactory, ObligationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def _sign_in(page, username):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form [type=submit]")
    page.wait_for_load_state()


def test_each_case_is_a_labelled_card_on_a_phone(page):
    owner = UserFactory(username="counsel")
    case = IncidentFactory(
        owner=owner,
        title="Ransomware at the claims-processing vendor with a long title to wrap",
        affected={"DE": 900, "US-CA": 600},
    )
    ObligationFactory(incident=case, due_at=timezone.now() + timedelta(hours=30))
    _sign_in(page, "counsel")

    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/incidents/")
    table = page.locator("table.case-list")
    # Nothing in the list reaches past the window: no sideways scrolling inside the table.
    widths = table.evaluate("t => [t.scrollWidth, t.clientWidth, window.innerWidth]")
    assert widths[0] <= widths[1] + 1 and widths[1] <= widths[2], widths
    deadline = page.locator("table.case-list tbody td[data-label='Next deadline']").first
    box = deadline.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    # The cell carries its label, shown before the value.
    label = deadline.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Next deadline"'
    assert deadline.inner_text().strip() != "—"
    # The sort links are still there; the unlinked heads are not.
    assert page.locator("table.case-list thead a", has_text="Next deadline").is_visible()
    assert not page.locator("table.case-list thead th", has_text="Owner").is_visible()

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/incidents/")
    display = page.locator("table.case-list tbody tr").first.evaluate(
        "tr => getComputedStyle(tr).display"
    )
    assert display == "table-row"
    assert page.locator("table.case-list thead th", has_text="Owner").is_visible()
