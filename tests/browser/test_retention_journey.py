"""Retention in a real browser: counsel places a closed case on legal hold from the case page,
downloads the evidence pack with the page button (its hashes verify), and the privacy office's
purge preview leaves the held case out.

Screenshots go to ``/tmp/shots-retention/`` for a person to look at (not in the repository).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from incidents.models import Attachment, Note
from tests.browser.signing_in import person_who_signs_in, sign_in
from tests.factories import IncidentFactory, ObligationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/shots-retention")


def test_hold_evidence_pack_and_preview(page, live_server, rulebook, settings, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    settings.MEDIA_ROOT = tmp_path / "media"
    counsel = person_who_signs_in(
        "carla.counsel", "counsel", first_name="Carla", last_name="Counsel"
    )
    person_who_signs_in("priya.privacy", "privacy office", first_name="Priya", last_name="Privacy")
    case = IncidentFactory(
        owner=counsel,
        title="Lost laptop with patient letters",
        status="closed",
        closed_at=datetime(2019, 3, 4, 10, tzinfo=UTC),
        affected={"US-FL": 40},
        privileged=True,
    )
    ObligationFactory(incident=case, rule_code="US-FL-IND", jurisdiction="US-FL", status="notified")
    file = Attachment(incident=case, name="letters.csv", kind="affected_list", uploaded_by=counsel)
    file.file.save("letters.csv", ContentFile(b"name\nAda\n"), save=False)
    file.save()
    Note.objects.create(incident=case, author=counsel, text="Ada's phone", personal=True)

    sign_in(page, "carla.counsel")
    page.goto(case.get_absolute_url())
    panel = page.locator("#retention")
    assert "Not on legal hold" in panel.inner_text()
    # Closed in 2019, kept five years for Florida: the period has run.
    assert "The retention period ended on Mon 04 Mar 2024" in panel.inner_text()
    panel.locator("a:has-text('Place on legal hold')").click()
    page.click("button:has-text('Place on hold')")  # no reason: refused, nothing set
    assert "This field is required" in page.content()
    page.console_errors.clear()  # the refused form answers 400 on purpose
    page.fill("#id_reason", "Litigation hold: Doe v. Clinic, letter of 3 Dec")
    page.click("button:has-text('Place on hold')")
    page.wait_for_url(re.compile(r"#retention$"))
    held = page.locator("#retention").inner_text()
    assert "on legal hold" in held.lower() and "Doe v. Clinic" in held
    assert "the hold keeps everything until it is lifted" in held
    page.locator("#retention").screenshot(path=str(SHOTS / "case-retention-panel.png"))

    with page.expect_download() as download_info:
        page.click("a:has-text('Evidence pack (ZIP)')")
    data = Path(download_info.value.path()).read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    files = {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist()}
    manifest = json.loads(files.pop("manifest.json"))
    assert set(manifest) == set(files)
    assert all(hashlib.sha256(files[n]).hexdigest() == d for n, d in manifest.items())
    (SHOTS / "evidence-report.pdf").write_bytes(files["report.pdf"])

    page.context.clear_cookies()
    sign_in(page, "priya.privacy")
    page.goto("/retention/purge/")
    text = page.locator("main").inner_text() if page.locator("main").count() else page.content()
    assert case.reference not in text  # on hold: never listed
    page.screenshot(path=str(SHOTS / "purge-preview.png"), full_page=True)
    assert not page.console_errors
