"""The main journey in a real browser: sign in, open a case, add affected people, see the
deadlines, record a notification, download the report and the calendar feed.

Screenshots of the dashboard and the case page go to the system temp directory for a person
to look at (``breachclock-*.png``); they are not part of the repository.
"""

from __future__ import annotations

import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.browser.signing_in import person_who_signs_in, sign_in
from tests.factories import facts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BERLIN = ZoneInfo("Europe/Berlin")
SHOTS = Path(tempfile.gettempdir())


def wall(at: datetime) -> str:
    """A datetime-local input value: the wall time in Berlin."""
    return at.astimezone(BERLIN).strftime("%Y-%m-%dT%H:%M")


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def other_cases(user, now):
    """Two more cases so the dashboard has something overdue and something due within 24 h."""
    from incidents.actions import open_incident

    open_incident(
        facts(
            title="Ransomware on file server",
            events={"occurred_at": None, "discovered_at": iso(now - timedelta(hours=80))},
            affected={"DE": 1200},
        ),
        acting_user=user,
    )
    open_incident(
        facts(
            title="Misdirected payroll e-mail",
            cause="misdirected_disclosure",
            events={"occurred_at": None, "discovered_at": iso(now - timedelta(hours=60))},
            affected={"FR": 40},
        ),
        acting_user=user,
    )


def test_the_main_journey(page, live_server, rulebook):
    counsel = person_who_signs_in(
        "carla.counsel", "counsel", first_name="Carla", last_name="Counsel"
    )
    now = timezone.now()
    other_cases(counsel, now)

    # Sign in.
    page.goto("/")
    assert "/accounts/login/" in page.url
    sign_in(page, "carla.counsel", at=None)
    assert page.url.endswith("/")  # back where the person asked to go

    # Choose a time zone: every page shows it, UTC on hover.
    page.click("a.user-link")
    page.select_option("#id_time_zone", "Europe/Berlin")
    page.click("button:has-text('Save')")
    assert page.locator(".user-zone").inner_text() == "Europe/Berlin"

    # Open a case; a mistake is shown next to its field and nothing typed is lost.
    page.click("nav >> text=Dashboard")
    page.click("a:has-text('Open an incident')")
    page.fill("#id_title", "Web skimmer on checkout")
    page.fill("#id_description", "A script on the payment page copied card numbers.")
    page.fill("#id_occurred_at", wall(now - timedelta(days=3)))
    page.fill("#id_main_establishment", "DE")
    page.fill("#id_established_in", "DE")
    for category in ("name", "contact", "payment_card"):
        page.check(f"input[name=data][value={category}]")
    page.select_option("#id_risk_of_harm", "high")
    page.click("button:has-text('Open the incident')")
    assert "This field is required" in page.inner_text("#id_discovered_at_error")
    page.screenshot(path=str(SHOTS / "breachclock-open-form-error.png"))
    assert page.input_value("#id_title") == "Web skimmer on checkout"
    assert page.is_checked("input[name=data][value=payment_card]")
    page.fill("#id_discovered_at", wall(now - timedelta(hours=30)))
    page.click("button:has-text('Open the incident')")
    page.wait_for_url(re.compile(r"/incidents/\d+/$"))
    reference = page.inner_text(".page-head .case-ref")
    assert re.fullmatch(r"INC-\d{4}-\d{4}", reference)

    # Add affected people: typed, then a CSV of counts.
    page.click("a:has-text('Affected people')")
    page.fill("#id_counts", "DE 9000\nFR 3000")
    page.click("button:has-text('Save counts')")
    page.wait_for_url(re.compile(r"/incidents/\d+/$"))
    page.click("a:has-text('Affected people')")
    page.set_input_files(
        "#id_file",
        files=[{"name": "counts.csv", "mimeType": "text/csv",
                "buffer": b"jurisdiction,count\nUS-CA,600\nUS-TX,12000\n"}],
    )  # fmt: skip
    page.click("button:has-text('Upload counts')")
    page.wait_for_url(re.compile(r"/incidents/\d+/$"))
    affected = page.inner_text("#affected")
    assert "US-CA" in affected and "12000" in affected and "9000" in affected

    # See the deadlines: the obligations table, live countdowns and the clock picture.
    table = page.inner_text("table.obligations")
    assert "Supervisory authority" in table
    assert "California" in table
    assert page.locator("svg.timeline .now-line").count() == 1
    assert page.locator("svg.timeline circle.deadline").count() >= 2
    countdown = page.locator("table.obligations .countdown[data-due]").first
    assert re.search(r"(left|overdue by)", countdown.inner_text())
    page.locator("details.computation summary").first.click()
    assert page.locator("details.computation[open] li").count() >= 1
    # Local and UTC: the toggle switches every date on the page.
    first_time = page.locator("table.obligations td time[data-utc]").first
    assert first_time.inner_text().endswith(("CET", "CEST"))
    page.click(".js-zone-toggle")
    assert first_time.inner_text().endswith("UTC")
    page.click(".js-zone-toggle")
    assert first_time.inner_text().endswith(("CET", "CEST"))

    # Record a notification with its filing.
    page.locator("table.obligations a:has-text('Record notification')").first.click()
    page.fill("#id_sent_at", wall(now - timedelta(hours=2)))
    page.select_option("#id_method", "portal")
    page.fill("#id_sent_to", "BfDI online form")
    page.fill("#id_reference", "BfDI-2026-0815")
    page.set_input_files(
        "#id_evidence",
        files=[{"name": "filing.pdf", "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4 breach notification"}],
    )  # fmt: skip
    page.click("button:has-text('Record notification')")
    page.wait_for_url(re.compile(r"/incidents/\d+/#obligation-\d+$"))
    assert "Notification recorded" in page.inner_text(".messages")
    assert "ref. BfDI-2026-0815" in page.inner_text("table.obligations")
    assert page.locator("table.obligations .badge-notified").count() == 1
    page.screenshot(path=str(SHOTS / "breachclock-case.png"), full_page=True)
    page.locator("#obligations").screenshot(path=str(SHOTS / "breachclock-case-obligations.png"))
    page.locator("#clocks").screenshot(path=str(SHOTS / "breachclock-case-clocks.png"))
    case_url = page.url.split("#")[0]

    # The case report: the evidence pack, printable.
    page.click("a:has-text('Case report')")
    report = page.inner_text("article.report")
    for text in (
        "Obligations and their status",
        "BfDI-2026-0815",
        "Activity timeline",
        "Notification recorded",
        "CSV file counts.csv",
        reference,
    ):
        assert text in report, text  # fmt: skip
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    page.screenshot(path=str(SHOTS / "breachclock-report-print.png"), full_page=True)
    page.pdf(path=str(SHOTS / "breachclock-report.pdf"), format="A4")
    page.emulate_media(media="screen")

    # The calendar feed: create the secret link, download it, revoke it.
    page.goto(case_url)
    page.click("a:has-text('Calendar feed')")
    page.click("button:has-text('Create a feed link')")
    feed_url = page.input_value(".copy-field input")
    assert "/feeds/" in feed_url and feed_url.endswith(".ics")
    feed = page.request.get(feed_url)
    assert feed.ok
    assert feed.headers["content-type"].startswith("text/calendar")
    body = feed.text()
    assert "BEGIN:VCALENDAR" in body and reference in body
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('Revoke')")
    page.wait_for_selector("text=Feed link revoked")
    assert page.request.get(feed_url).status in (404, 410)

    # The dashboard: overdue first, in red, with live countdowns and counts per status.
    page.click("nav >> text=Dashboard")
    assert page.locator(".due-group-overdue tr.row-overdue").count() >= 1
    assert page.locator(".stat-overdue .stat-value").inner_text() != "0"
    page.screenshot(path=str(SHOTS / "breachclock-dashboard.png"), full_page=True)

    # The case list finds the case by its reference.
    page.click("nav >> text=Cases")
    page.fill("#id_q", reference)
    page.click("button:has-text('Filter')")
    assert page.locator("table.case-list tbody tr").count() == 1

    # The what-if calculator answers without opening a case.
    page.click("nav >> text=What-if")
    page.fill("#id_discovered_at", wall(now - timedelta(hours=10)))
    page.fill("#id_main_establishment", "IE")
    page.check("input[name=data][value=name]")
    page.check("input[name=data][value=ssn]")
    page.fill("#id_affected", "IE 20000\nUS-NY 800")
    page.click("button:has-text('Work out the deadlines')")
    assert "Obligations (" in page.inner_text("#results")
    page.screenshot(path=str(SHOTS / "breachclock-what-if.png"), full_page=True)

    # No page needed inline code: the Content-Security-Policy refused nothing.
    assert not [e for e in page.console_errors if "Content Security Policy" in e], (
        page.console_errors
    )
