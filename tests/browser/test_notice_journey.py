"""A notice from draft to evidence, in Chromium: draft the Massachusetts residents' notice from
its obligation, edit it and watch the checklist change (the number of residents typed in is
flagged, then removed), fill the gaps, approve as counsel, record it as sent, open the PDF, and
find the approved text among the case's evidence.

Screenshots go to the system temp directory (``breachclock-notice-*.png``) and the PDF with
them (``breachclock-notice.pdf``), to be looked at page by page.
"""

from __future__ import annotations

import io
import re
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from incidents import actions as case_actions
from incidents.drafting.checklist import GAP_RE
from incidents.drafting.models import NoticeTemplate, NoticeTemplateChange
from incidents.drafting.seed import seed_templates
from organisations.models import OrganisationProfile
from tests.browser.signing_in import person_who_signs_in, sign_in
from tests.factories import facts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(tempfile.gettempdir())
WHAT_WE_DO = (
    "We closed the account that was misused, reset every staff password and engaged forensic "
    "investigators."
)
MONITORING = "24 months of credit monitoring (enrol at www.example.com/enrol, code ABC123)"


def fill_gaps(text: str) -> str:
    return GAP_RE.sub(
        lambda m: MONITORING if "credit monitoring" in m.group(1) else WHAT_WE_DO, text
    )


def checklist_item(page, key):
    return page.locator(f"#checklist li[data-key='{key}']")


def test_draft_edit_approve_send_and_find_the_evidence(page, live_server, rulebook):
    seed_templates(NoticeTemplate, NoticeTemplateChange)  # a flushed database has none
    counsel = person_who_signs_in(
        "carla.counsel", "counsel", first_name="Carla", last_name="Counsel"
    )
    profile = OrganisationProfile.objects.create(
        name="Acme Retail GmbH",
        main_establishment="DE",
        established_in=["DE"],
        default_roles=["controller"],
        address="Hauptstraße 1, 10115 Berlin",
        contact_point="Privacy Office, privacy@acme.example, 1-800-555-0199",
        signatory="Ada Weber, Data Protection Officer",
    )
    case = case_actions.open_incident(
        facts(
            affected={"US-CA": 600, "US-MA": 60, "DE": 1000},
            data=["name", "ssn", "financial_account", "contact"],
        ),
        acting_user=counsel,
        description="A former contractor's account was used to copy the customer database.",
        organisation_profile=profile.pk,
    )
    sign_in(page, "carla.counsel")

    # Draft notice, from the obligation's row on the case page.
    page.goto(f"/incidents/{case.pk}/")
    page.click("button[data-draft-notice='US-MA-IND']")
    page.wait_for_url(re.compile(r"/incidents/\d+/drafts/\d+/$"))
    assert "Notice of Data Breach" in page.input_value("textarea[name=text]")
    assert "police report" in page.input_value("textarea[name=text]").lower()
    assert "missing" in checklist_item(page, "gaps").get_attribute("class")
    page.screenshot(path=str(SHOTS / "breachclock-notice-draft.png"), full_page=True)

    # Type the number of residents in: the checklist flags it while typing (nothing saved).
    original = page.input_value("textarea[name=text]")
    assert "ok" in checklist_item(page, "resident_count").get_attribute("class")
    page.locator("textarea[name=text]").press("End")
    page.locator("textarea[name=text]").type("\nThis affected 60 Massachusetts residents.")
    expect(checklist_item(page, "resident_count")).to_have_class(re.compile(r"\bmissing\b"))
    assert "60 Massachusetts residents" in checklist_item(page, "resident_count").inner_text()
    page.screenshot(path=str(SHOTS / "breachclock-notice-flagged.png"), full_page=True)

    # Take it out again and fill the gaps: every required item is there.
    page.fill("textarea[name=text]", fill_gaps(original))
    expect(page.locator("#checklist-summary")).to_have_class("checklist-ready")
    assert "ok" in checklist_item(page, "resident_count").get_attribute("class")
    page.click("#save-version")
    assert "Saved as version 2" in page.inner_text(".messages")

    # Counsel approves the version.
    page.click("#approve")
    assert "Approved" in page.inner_text(".messages")
    assert page.text_content("#draft-status") == "Approved"
    page.screenshot(path=str(SHOTS / "breachclock-notice-approved.png"), full_page=True)

    # Record the notification.
    page.click("#record-sent")
    sent = timezone.localtime(timezone.now() - timedelta(minutes=10))
    page.fill("#id_sent_at", sent.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_times_zone", "UTC")
    page.select_option("#id_method", "letter")
    page.fill("#id_sent_to", "Massachusetts residents, by first-class mail")
    page.screenshot(path=str(SHOTS / "breachclock-notice-record.png"), full_page=True)
    page.click("#confirm-sent")
    page.wait_for_url(re.compile(r"/incidents/\d+/#obligation-\d+$"))
    assert "Recorded as sent" in page.inner_text(".messages")

    # Open the PDF of the approved version.
    page.goto(page.url.split("#")[0])
    files = page.locator("a[href*='/files/']")
    names = files.all_inner_texts()
    pdf_name = next(n for n in names if n.endswith(".pdf") and "US-MA-IND" in n)
    txt_name = next(n for n in names if n.endswith(".txt") and "US-MA-IND" in n)
    pdf_link = page.locator(f"a:has-text('{pdf_name}')").first.get_attribute("href")
    pdf = page.request.get(pdf_link)
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF-")
    (SHOTS / "breachclock-notice.pdf").write_bytes(pdf.body())
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.body())).pages]
    assert "Notice of Data Breach" in pages[0] and WHAT_WE_DO[:40] in " ".join(pages)
    assert all(case.reference in p and f"of {len(pages)}" in p for p in pages)

    # The approved text is on the case's evidence, exactly.
    txt_link = page.locator(f"a:has-text('{txt_name}')").first.get_attribute("href")
    evidence = page.request.get(txt_link).text()
    assert evidence == fill_gaps(original).replace("\r\n", "\n")
    assert "60 Massachusetts residents" not in evidence
    page.locator("#obligation-" + str(case.obligations.get(rule_code="US-MA-IND").pk)).screenshot(
        path=str(SHOTS / "breachclock-notice-obligation-row.png")
    )
    page.screenshot(path=str(SHOTS / "breachclock-notice-case.png"), full_page=True)
    assert not [e for e in page.console_errors if "Content Security Policy" in e], (
        page.console_errors
    )
