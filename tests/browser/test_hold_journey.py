"""A law-enforcement hold in a real browser: a case with German and Texas residents, the hold
recorded from the case page, the "Conflicts and precedence" panel naming the GDPR duty that keeps
running, counsel's decision, the lift, and the Texas notice timed from the lift.

Screenshots go to ``/tmp/shots-law-product/`` for a person to look at (not in the repository).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.signing_in import person_who_signs_in, sign_in
from tests.factories import facts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/shots-law-product")


def utc_wall(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def residents_row(page, state):
    return (
        page.locator("table.obligations tr", has_text=f"{state} · ")
        .filter(has_text="Individuals")
        .first
    )


def texas_row(page):
    return residents_row(page, "US-TX")


def test_hold_decision_and_lift(page, live_server, rulebook):
    from incidents.actions import open_incident
    from incidents.models import Incident

    SHOTS.mkdir(parents=True, exist_ok=True)
    counsel = person_who_signs_in(
        "carla.counsel", "counsel", first_name="Carla", last_name="Counsel"
    )
    now = timezone.now().replace(second=0, microsecond=0)
    discovered = now - timedelta(days=3)
    incident = open_incident(
        facts(
            title="Customer database exfiltrated",
            events={"occurred_at": None, "discovered_at": discovered.isoformat()},
            data=["name", "contact", "payment_card", "ssn"],
            # Colorado holds its residents' notice too, then allows 30 days after the lift.
            affected={"DE": 1000, "US-TX": 600, "US-CO": 300},
        ),
        acting_user=counsel,
    )
    gdpr_due = incident.obligations.get(rule_code="DE-GDPR-33-SA").due_at

    sign_in(page, "carla.counsel")
    page.goto(incident.get_absolute_url())
    panel = page.locator("#conflicts")
    assert "No conflict between the rules in play" in panel.inner_text()
    before_texas = texas_row(page).inner_text()

    # Record the hold: a written request the day after discovery.
    panel.locator("a:has-text('Record a hold')").click()
    page.fill("#id_requested_at", utc_wall(discovered + timedelta(days=1)))
    page.select_option("#id_times_zone", "UTC")
    page.check("input[name=written][value=yes]")
    page.fill("#id_agency", "FBI Houston field office")
    page.fill("#id_reason", "Call from the case agent; letter to follow")
    page.screenshot(path=str(SHOTS / "01-hold-form.png"), full_page=True)
    page.click("button:has-text('Record the hold')")
    page.wait_for_url(re.compile(r"/incidents/\d+/#conflicts$"))

    panel_text = page.locator("#conflicts").inner_text()
    assert "written request by FBI Houston field office" in panel_text
    assert "DE-GDPR-33-SA" in panel_text and "allow" in panel_text
    assert "waiting for" in texas_row(page).inner_text()
    assert "waiting for" in residents_row(page, "US-CO").inner_text()
    assert (
        Incident.objects.unrestricted("test")
        .get(pk=incident.pk)
        .obligations.get(rule_code="DE-GDPR-33-SA")
        .due_at
        == gdpr_due
    )
    page.screenshot(path=str(SHOTS / "02-case-held.png"), full_page=True)
    page.locator("#conflicts").screenshot(path=str(SHOTS / "03-panel-held.png"))

    # Counsel's decision on the GDPR conflict.
    page.locator("#conflicts article", has_text="DE-GDPR-33-SA").locator(
        "a:has-text('Record decision')"
    ).click()
    page.fill("#id_decision", "Notify the BfDI within 72 hours as GDPR requires; tell the FBI.")
    page.click("button:has-text('Record decision')")
    page.wait_for_url(re.compile(r"#conflicts$"))
    panel_text = page.locator("#conflicts").inner_text()
    assert "Notify the BfDI within 72 hours" in panel_text
    assert "Decision by Carla Counsel" in panel_text
    page.locator("#conflicts").screenshot(path=str(SHOTS / "04-panel-decided.png"))

    # Lift the hold: the Texas notice is timed from the lift.
    page.locator("#conflicts a:has-text('Lift it')").click()
    lifted = now - timedelta(hours=2)
    page.fill("#id_lifted_at", utc_wall(lifted))
    page.select_option("#id_times_zone", "UTC")
    page.click("button:has-text('Lift the hold')")
    page.wait_for_url(re.compile(r"#conflicts$"))
    after_texas = texas_row(page).inner_text()
    assert "waiting for" not in after_texas and after_texas != before_texas
    assert "lifted" in page.locator("#conflicts").inner_text()
    # Colorado: 30 calendar days after the lift, shown as a date on the page.
    colorado = (
        Incident.objects.unrestricted("test")
        .get(pk=incident.pk)
        .obligations.get(rule_code="US-CO-IND")
    )
    assert colorado.clock_start_at == lifted
    assert lifted + timedelta(days=30) <= colorado.due_at <= lifted + timedelta(days=31, hours=8)
    row = residents_row(page, "US-CO").inner_text()
    assert "waiting for" not in row and colorado.due_at.strftime("%d %b %Y") in row
    page.screenshot(path=str(SHOTS / "05-case-lifted.png"), full_page=True)
    page.locator("#obligations").screenshot(path=str(SHOTS / "06-obligations-lifted.png"))

    # The report carries the hold and the decision.
    page.click("a:has-text('Case report')")
    report = page.inner_text("article.report")
    assert "Conflicts and precedence" in report and "Notify the BfDI within 72 hours" in report
    page.screenshot(path=str(SHOTS / "07-report.png"), full_page=True)
    page.locator("table.conflicts").screenshot(path=str(SHOTS / "08-report-conflicts.png"))

    # Changes coming to the law: the dashboard card and the page it leads counsel to.
    page.click("nav >> text=Dashboard")
    card = page.locator("#changes-coming")
    assert "Changes coming to the law" in card.inner_text()
    card.screenshot(path=str(SHOTS / "09-dashboard-card.png"))
    card.locator("a:has-text('Open cases they would change')").click()
    page.wait_for_url(re.compile(r"/rules/changes-coming/$"))
    assert "Pending, no date yet" in page.inner_text("body")
    page.screenshot(path=str(SHOTS / "10-changes-coming.png"), full_page=True)
    assert not page.console_errors
