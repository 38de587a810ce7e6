"""A rule change whose summary carries a long unbroken word (a URL, a citation with no spaces)
must not push the rules console sideways on a phone: the breadcrumbs at the top of the change and
history pages repeat the summary, outside the content box that already wraps."""

from __future__ import annotations

from pathlib import Path

import pytest

from jurisdictions.models import RuleChange
from tests.browser.signing_in import sign_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROBLEMS = (Path(__file__).parent / "layout_problems.js").read_text()
LONG = "https://legislature.example.gov/statutes/" + "section-" * 12 + "notice"
# Summaries as the importer writes them, for the longest codes in the shipped book.
SUMMARIES = [
    f"Rule changed: source {LONG}",
    *(
        template.format(code)
        for code in ("EU-EPRIVACY-611-SUBSCRIBERS", "US-NYDFS-500-17C-WRITTEN", "W" * 40)
        for template in (
            "new rule {} (version 1) (installed with the product)",
            "Rule {} created (installed with the product)",
        )
    ),
]


def test_long_summary_wraps_on_a_phone(page):
    UserFactory(username="root", is_staff=True, is_superuser=True)
    changes = [
        RuleChange.objects.create(
            action=RuleChange.Action.IMPORTED,
            summary=summary,
            before={"source_url": "https://a.example/"},
            after={"source_url": LONG},
        )
        for summary in SUMMARIES
    ]
    page.set_viewport_size({"width": 390, "height": 900})
    sign_in(page, "root", at="/admin/login/")
    problems = []
    for change in changes:
        for suffix in ("change/", "history/"):
            page.goto(f"/admin/jurisdictions/rulechange/{change.pk}/{suffix}")
            assert page.locator("#content").count() == 1
            problems += [f"{change.summary} {suffix}: {p}" for p in page.evaluate(PROBLEMS)]
    assert problems == []
