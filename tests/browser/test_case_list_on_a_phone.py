"""On a phone (390 px) each case in the list is a card with every column labelled: the next
deadline and the open obligations are read without scrolling the table sideways, and the column
heads stay as sort links. At a desk (1280 px) the list is still a table."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.signing_in import sign_in
from tests.factories import IncidentFactory, ObligationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(tempfile.gettempdir())


def test_each_case_is_a_labelled_card_on_a_phone(page):
    owner = UserFactory(username="counsel")
    case = IncidentFactory(
        owner=owner,
        title="Ransomware at the claims-processing vendor with a long title to wrap",
        affected={"DE": 900, "US-CA": 600},
    )
    ObligationFactory(incident=case, due_at=timezone.now() + timedelta(hours=30))
    sign_in(page, "counsel")

    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/incidents/")
    page.screenshot(path=str(SHOTS / "case-list-phone-long.png"), full_page=True)
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


def _labels_and_values(page):
    """Each cell of the first card: where its label sits and where its value begins."""
    return page.locator("table.case-list tbody tr").first.evaluate(
        """tr => [...tr.cells].map(td => {
            const cell = td.getBoundingClientRect();
            const label = getComputedStyle(td, '::before');
            const range = document.createRange();
            range.selectNodeContents(td);
            const value = range.getClientRects()[0] || cell;
            return {label: td.dataset.label, cell: [cell.top, cell.bottom],
                    labelTop: cell.top + parseFloat(label.top || 0),
                    valueTop: value.top, valueLeft: value.left,
                    labelRight: cell.left + parseFloat(label.left) + parseFloat(label.width)};
        })"""
    )


def test_every_label_sits_beside_its_value_and_an_empty_list_is_not_indented(page):
    owner = UserFactory(username="counsel")
    case = IncidentFactory(owner=owner, title="Skimmer", affected={"DE": 900})
    ObligationFactory(incident=case, due_at=timezone.now() - timedelta(hours=3))  # overdue
    sign_in(page, "counsel")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/incidents/")
    page.screenshot(path=str(SHOTS / "case-list-phone.png"), full_page=True)
    cells = _labels_and_values(page)
    for cell in cells:
        # The label is on the value's first line, left of it; each cell below the one before.
        assert abs(cell["valueTop"] - cell["cell"][0]) < 12, cell
        assert cell["labelRight"] <= cell["valueLeft"] + 1, cell
    for above, below in zip(cells, cells[1:], strict=False):
        assert above["cell"][1] <= below["cell"][0] + 1, (above, below)

    page.goto("/incidents/?q=no-such-case")
    empty = page.locator("table.case-list td.empty")
    page.screenshot(path=str(SHOTS / "case-list-phone-empty.png"), full_page=True)
    table = page.locator("table.case-list").bounding_box()
    text = empty.evaluate(
        "td => { const r = document.createRange(); r.selectNodeContents(td);"
        " return r.getClientRects()[0].left; }"
    )
    # No label column for a row without labels: the sentence starts at the card's edge.
    assert text - table["x"] < 20, (text, table)
