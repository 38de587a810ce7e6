"""The regime tick-boxes of the facts form, in their named groups, at a desk (1280 px) and on a
phone (390 px): nothing runs off the side, each group's name sits above its boxes, and the
boxes of a group line up in columns at a desk and one under another on a phone. Each group is a
fieldset named by its legend, so a screen reader says the group's name with each of its boxes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from incidents.forms import SUBJECT_TO_GROUPS
from tests.browser.signing_in import person_who_signs_in, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(tempfile.gettempdir())
# The Canada group, wherever the form puts it, with as many boxes as it has keys.
CANADA = [group for group, _ in SUBJECT_TO_GROUPS].index("Canada")
CANADA_KEYS = dict(SUBJECT_TO_GROUPS)["Canada"]
PROBLEMS = (Path(__file__).parent / "layout_problems.js").read_text()


def test_the_regime_groups_fit_a_desk_and_a_phone(page, live_server, rulebook):
    person_who_signs_in("carla.counsel", "counsel")
    sign_in(page, "carla.counsel")

    for width, columns in ((1280, 3), (390, 1)):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/incidents/new/")
        assert page.evaluate(PROBLEMS) == []
        group = page.locator("#id_subject_to > fieldset").nth(CANADA)
        name = group.locator("> legend").first
        boxes = group.locator("> div")
        assert name.inner_text() == "Canada" and boxes.count() == len(CANADA_KEYS)
        # The accessible name of the group is its legend.
        canada = page.get_by_role("group", name="Canada", exact=True).locator("input")
        assert canada.count() == len(CANADA_KEYS)
        heading, first = name.bounding_box(), boxes.first.bounding_box()
        assert heading["y"] + heading["height"] <= first["y"] + 1  # the name above its boxes
        lefts = {round(boxes.nth(i).bounding_box()["x"]) for i in range(boxes.count())}
        # Columns at a desk (as many as fit), one under another on a phone.
        assert (len(lefts) >= columns) if width > 390 else (len(lefts) == 1), lefts
        # A ticked box is a tick on its own label, as the other tick-boxes are.
        page.locator(
            "label", has_text="Critical information infrastructure operator (China)"
        ).click()
        assert page.locator("#id_subject_to input[value=cn_ciio]").is_checked()
        page.locator("#id_subject_to").screenshot(path=str(SHOTS / f"regime-boxes-{width}.png"))
