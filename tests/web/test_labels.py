"""Readable labels: data categories, UTC times on the rule history, the report's changes."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse

from incidents import actions
from incidents.choices import DATA_CATEGORIES, DATA_CATEGORY_LABELS
from incidents.forms import DATA_CATEGORIES as FORM_CATEGORIES
from incidents.templatetags.casepages import changes, data_label
from tests.factories import facts


def test_every_data_category_has_one_label_used_by_the_form():
    assert set(DATA_CATEGORY_LABELS) == set(DATA_CATEGORIES)
    assert dict(FORM_CATEGORIES) == DATA_CATEGORY_LABELS
    assert data_label("ssn").startswith("SSN")
    assert data_label("drivers_license") == "Driver's licence"
    assert data_label("payment_card") == "Payment card numbers"


@pytest.mark.parametrize("page", ["incidents:detail", "incidents:report"])
def test_case_page_and_report_show_readable_data_categories(client, counsel, open_case, page):
    incident = open_case(counsel, facts(data=["name", "ssn", "drivers_license"]))
    client.force_login(counsel)
    html = client.get(reverse(page, args=[incident.pk])).content.decode()
    assert "SSN (Social Security number)" in html
    assert "Driver&#x27;s licence" in html or "Driver's licence" in html
    assert ">Ssn<" not in html and "Ssn," not in html and "Drivers license" not in html


def test_report_timeline_shows_field_old_to_new_not_json(client, counsel, open_case):
    incident = open_case(counsel)
    actions.change_status(incident, "investigating", acting_user=counsel, reason="skimmer removed")
    client.force_login(counsel)
    html = client.get(reverse("incidents:report", args=[incident.pk])).content.decode()
    activity = html.split('id="activity"', 1)[1]
    assert re.search(r"<b>Status</b>: \w+ &rarr; investigating", activity), activity[:2000]
    assert '{"' not in activity  # no raw JSON


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ({"status": "open"}, {"status": "closed"}, [("Status", "open", "closed")]),
        (
            {"due_at": "2026-03-30T16:00:00Z"},
            {"due_at": None, "reason": "x"},
            [("Due at", "2026-03-30 16:00 UTC", "(empty)"), ("Reason", "(empty)", "x")],
        ),
        (None, {"why": ["a", "b"]}, [("Why", "(empty)", "a; b")]),
        ({"same": 1, "moved": 1}, {"same": 1, "moved": 2}, [("Moved", "1", "2")]),
        (None, None, []),
    ],
)
def test_changes_filter(before, after, expected):
    rows = changes(SimpleNamespace(before=before, after=after))
    assert [(r["field"], r["before"], r["after"]) for r in rows] == expected
