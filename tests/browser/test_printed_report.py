"""The case report printed from Chromium: the case reference and "Page N of M" on every page, the
privilege banner on every page of a privileged case (CSS page-margin boxes), one bullet per
line of the timeline's changes."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from incidents.models import Incident

pytestmark = [pytest.mark.browser]

BANNER = "PRIVILEGED & CONFIDENTIAL"


def _print(page, live_server, incident) -> list[str]:
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", "demo")
    page.fill("input[name=password]", "breachclock-demo")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/incidents/{incident.pk}/report/")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_every_printed_page_names_the_case_its_page_and_the_privilege(page, live_server, rulebook):
    call_command("seed_demo", verbosity=0)
    privileged = Incident.objects.unrestricted("test").get(privileged=True)
    pages = _print(page, live_server, privileged)
    assert len(pages) >= 3  # a real report runs over several pages
    for number, text in enumerate(pages, start=1):
        assert privileged.reference in text, number
        assert f"Page {number} of {len(pages)}" in text, number
        assert text.count(BANNER) == 1, number  # in the margin only, not again in the text
    # One marker per change line: the timeline's own dot is not repeated on nested lines.
    nested = page.evaluate(
        "getComputedStyle(document.querySelector('.activity-change li')).borderLeftStyle"
    )
    assert nested == "none"


def test_a_case_without_privilege_prints_no_banner(page, live_server, rulebook):
    call_command("seed_demo", verbosity=0)
    plain = Incident.objects.unrestricted("test").filter(privileged=False).first()
    pages = _print(page, live_server, plain)
    assert all(plain.reference in text and BANNER not in text for text in pages)
    assert f"Page 1 of {len(pages)}" in pages[0]
