"""Assessment, register and numbers in a real browser (Chromium).

Counsel assesses a Florida case under ENISA, then revises it under the US harm test to "no
reasonable likelihood of harm": the case gains the written-determination duty to the Department
of Legal Affairs (Fla. Stat. 501.171(4)(c)) with its deadline, the timeline says why. The privacy
office then reads the register (with the case's reasons), downloads it, and reads the numbers.

Screenshots go to ``/tmp/shots-assessment/`` for a person to look at (not in the repository).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.signing_in import person_who_signs_in, sign_in
from tests.factories import facts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/shots-assessment")


def test_assess_revise_register_and_numbers(page, chromium, live_server, rulebook):
    from incidents.actions import open_incident, record_notification

    SHOTS.mkdir(parents=True, exist_ok=True)
    counsel = person_who_signs_in(
        "carla.counsel", "counsel", first_name="Carla", last_name="Counsel"
    )
    person_who_signs_in("priya.privacy", "privacy office", first_name="Priya", last_name="Privacy")
    discovered = timezone.now().replace(second=0, microsecond=0) - timedelta(days=6)
    incident = open_incident(
        facts(
            title="Payroll file sent to the wrong bank",
            events={"occurred_at": None, "discovered_at": discovered.isoformat()},
            data=["name", "ssn", "financial_account"],
            organisation={"role": "controller", "main_establishment": None,
                          "established_in": ["US"], "subject_to": []},
            affected={"US-FL": 800, "US-NY": 40},
            risk_of_harm=None,
            cause="misdirected_disclosure",
        ),
        acting_user=counsel,
    )  # fmt: skip
    # A notice already given, so the numbers have a time to notify.
    ny = incident.obligations.filter(jurisdiction="US-NY").first()
    record_notification(
        ny, sent_at=discovered + timedelta(days=2), method="email", sent_to="NY AG",
        acting_user=counsel,
    )  # fmt: skip

    sign_in(page, "carla.counsel")
    page.goto(incident.get_absolute_url())
    page.click("#facts a:has-text('Assessment')")
    page.wait_for_url(re.compile(r"/assessment/$"))
    # ENISA is chosen: its factors show, the US factors are hidden (CSS only, no script).
    assert page.locator("fieldset.method-enisa").is_visible()
    assert not page.locator("fieldset.method-us").is_visible()
    page.select_option("#id_dpc_base", "financial")
    page.fill("#id_dpc_reason", "SSNs and bank account numbers of 840 employees")
    page.select_option("#id_ei", "maximum")
    page.select_option("#id_cb_confidentiality", "known")
    page.fill("#id_cb_confidentiality_reason", "One bank received the file")
    page.select_option("#id_cb_integrity", "none")
    page.select_option("#id_cb_availability", "none")
    page.fill("#id_rationale", "Financial identifiers went to one known outside recipient.")
    page.screenshot(path=str(SHOTS / "1-enisa-form.png"), full_page=True)
    page.click("button:has-text('Record this version')")
    page.wait_for_selector("text=Assessment version 1 recorded")
    in_force = page.locator("#in-force").inner_text()
    assert "High risk of harm" in in_force and "score 3.25" in in_force

    # Revise under the US harm test: the bank deleted the file and attested to it.
    page.check("#id_method_1")
    assert page.locator("fieldset.method-us").is_visible()
    assert not page.locator("fieldset.method-enisa").is_visible()
    page.select_option("#id_data", "identity")
    page.select_option("#id_encryption", "unencrypted")
    page.select_option("#id_acquirer", "trusted")
    page.fill("#id_acquirer_reason", "The recipient is a regulated bank")
    page.select_option("#id_misuse", "none")
    page.select_option("#id_mitigation", "full")
    page.fill("#id_mitigation_reason", "Deletion attested in writing on day 3")
    page.fill("#id_rationale", "No reasonable likelihood of identity theft or financial harm.")
    # Forgetting why it changes: kept, with the error, nothing recorded.
    page.click("button:has-text('Record this version')")
    assert "is required" in page.locator(".field-error").first.inner_text()
    assert page.locator("#id_acquirer").input_value() == "trusted"
    page.fill("#id_reason_for_change", "The bank's deletion attestation arrived")
    page.click("button:has-text('Record this version')")
    page.wait_for_selector("text=Assessment version 2 recorded")
    assert "No reasonable likelihood of harm" in page.locator("#in-force").inner_text()
    assert "Fla. Stat. 501.171(4)(c)" in page.locator("#in-force").inner_text()
    page.screenshot(path=str(SHOTS / "2-versions.png"), full_page=True)

    # The case: the determination is owed to the Department within 30 days, and the timeline
    # says why the clocks moved.
    page.goto(incident.get_absolute_url())
    row = page.locator("table.obligations tr", has_text="Department of Legal Affairs").first
    assert "Fla. Stat. 501.171(4)(c)" in row.inner_text() or row.is_visible()
    duty = incident.obligations.get(rule_code="US-FL-NOHARM")
    assert duty.status == "open" and duty.due_at is not None
    activity = page.locator("#activity").inner_text()
    assert "Risk-of-harm assessment v2" in activity
    assert "deletion attestation arrived" in activity
    page.screenshot(path=str(SHOTS / "3-case.png"), full_page=True)

    # The register entry: what it was, its effects and the remedial action.
    page.click("#facts a:has-text('Register entry')")
    page.select_option("#id_classification", "security_event")
    page.click("button:has-text('Save the register entry')")
    assert "Say why" in page.locator(".field-error").first.inner_text()  # kept, nothing saved
    page.select_option("#id_classification", "personal_data_breach")
    page.fill("#id_effects", "No misuse seen; employees offered credit monitoring.")
    page.fill("#id_remedial_action", "Bank deleted the file; payroll export now encrypted.")
    page.screenshot(path=str(SHOTS / "3b-register-entry.png"), full_page=True)
    page.click("button:has-text('Save the register entry')")
    page.wait_for_selector("text=Register entry saved")

    # The privacy office reads the register and the numbers.
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1366, "height": 900},
        accept_downloads=True, timezone_id="America/New_York",
    )  # fmt: skip
    office = context.new_page()
    sign_in(office, "priya.privacy")
    office.click(".actions a:has-text('Breach register')")
    office.wait_for_url(re.compile(r"/register/"))
    entry = office.locator(f"tr.register-row[data-reference='{incident.reference}']")
    text = entry.inner_text()
    assert "risk of harm: no reasonable likelihood of harm (us harm test" in text.lower()
    assert "No reasonable likelihood of identity theft" in text
    assert "NY" in text  # the notification made, and when
    assert "payroll export now encrypted" in text and "Personal data breach" in text
    office.screenshot(path=str(SHOTS / "4-register.png"), full_page=True)
    with office.expect_download() as download:
        office.click("#register-csv")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text())))
    assert rows[0][0] == "Reference" and rows[1][0] == incident.reference

    office.click("a:has-text('Numbers')")
    office.wait_for_url(re.compile(r"/numbers/"))
    assert office.locator("svg.chart").count() == 5
    assert "Individuals" in office.locator("#time-to-notify").inner_text()
    assert "48" in office.locator("#time-to-notify table").first.inner_text()  # hours, by the chart
    assert "Misdirected disclosure" in office.locator("#by-cause").inner_text()
    office.screenshot(path=str(SHOTS / "5-numbers.png"), full_page=True)
    assert not page.console_errors
    context.close()
