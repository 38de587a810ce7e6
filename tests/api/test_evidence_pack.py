"""The evidence pack of a demo case: unzips, every hash in manifest.json verifies, the report
prints the banner, reference and "Page X of Y" on every page, and outsiders get 404."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from assessments.actions import record_assessment
from incidents import actions
from incidents.models import Incident, Obligation
from incidents.pdf import PRIVILEGE_BANNER

pytestmark = pytest.mark.django_db

ENISA_HIGH = {"dpc_base": "financial", "ei": "maximum", "cb_confidentiality": "unknown",
              "cb_integrity": "none", "cb_availability": "none", "malicious": True}  # fmt: skip
ENISA_LOW = {**ENISA_HIGH, "dpc_base": "simple", "ei": "limited",
             "cb_confidentiality": "exposed", "malicious": False}  # fmt: skip


@pytest.fixture
def demo_case(settings, tmp_path):
    """The demo's web-skimmer case, made privileged, with a filed notice and its proof."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", stdout=io.StringIO())
    demo = get_user_model().objects.get(username="demo")
    case = Incident.objects.unrestricted("test").get(title="Web skimmer on the checkout page")
    actions.update_details(case, acting_user=demo, privileged=True)
    record_assessment(
        case, method="enisa", answers=ENISA_HIGH, rationale="Card data taken by an attacker.",
        acting_user=demo,
    )  # fmt: skip
    proof = actions.add_attachment(
        case,
        SimpleUploadedFile(
            "filing.pdf", b"%PDF-1.4\n% the filed notice\n%%EOF\n", "application/pdf"
        ),
        acting_user=demo,
        kind="notification",
    )
    authority = (
        Obligation.objects.filter(incident=case, status="open", recipient="supervisory_authority")
        .order_by("due_at")
        .first()
    )
    actions.record_notification(
        authority,
        sent_at=timezone.now() - timedelta(minutes=5),
        method="portal",
        sent_to="Authority portal",
        reference="PORTAL-42",
        evidence=proof,
        acting_user=demo,
    )
    return case, demo, proof


def unzip(response) -> dict[str, bytes]:
    archive = zipfile.ZipFile(
        io.BytesIO(
            b"".join(response) if hasattr(response, "streaming_content") else response.content
        )
    )
    assert archive.testzip() is None
    return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}


def test_pack_unzips_and_every_hash_verifies(demo_case, client_for):
    case, demo, proof = demo_case
    response = client_for(demo).get(f"/api/v1/incidents/{case.pk}/evidence-pack")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    files = unzip(response)
    manifest = json.loads(files.pop("manifest.json"))
    assert set(manifest) == set(files)  # every other file, and nothing missing
    for name, digest in manifest.items():
        assert hashlib.sha256(files[name]).hexdigest() == digest, name
    # The proof of filing travels as filed: its digest is the one taken on upload.
    proof_name = next(n for n in files if n.startswith("files/") and n.endswith("filing.pdf"))
    assert manifest[proof_name] == proof.sha256
    notifications = json.loads(files["notifications.json"])
    filed = next(n for n in notifications if n["reference"] == "PORTAL-42")
    assert filed["proof"]["file"] == proof_name and filed["proof"]["sha256"] == proof.sha256
    obligations = json.loads(files["obligations.json"])
    assert all("how_the_date_was_computed" in ob for ob in obligations)
    assert any(ob["how_the_date_was_computed"]["steps"] for ob in obligations)
    decisions = json.loads(files["facts_at_decisions.json"])
    assert [d["kind"] for d in decisions].count("notification_recorded") == 2
    assert all(d["facts"]["risk_of_harm"] == "high" for d in decisions)
    assert json.loads(files["audit_trail.json"])  # the case's audit trail is in the pack
    versions = json.loads(files["assessments/assessments.json"])["versions"]
    assert [v["version"] for v in versions] == [1]
    assert versions[0]["method"].startswith("ENISA") and versions[0]["factors"]
    assert "assessment_recorded" in [d["kind"] for d in decisions]
    # A changed byte no longer matches its digest: the manifest shows tampering.
    tampered = files["case.json"].replace(b"Web skimmer", b"Web skimmex")
    assert hashlib.sha256(tampered).hexdigest() != manifest["case.json"]


def test_report_pages_carry_banner_reference_and_page_numbers(demo_case, client_for):
    case, demo, _ = demo_case
    files = unzip(client_for(demo).get(f"/api/v1/incidents/{case.pk}/evidence-pack"))
    pages = [
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(files["report.pdf"])).pages
    ]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert PRIVILEGE_BANNER in text
        assert case.reference in text
        assert f"Page {number} of {len(pages)}" in text
    whole = " ".join(pages)
    for heading in (
        "Decisions, with the facts as they stood at each",
        "Obligations, and how each date was computed",
        "Notifications made",
        "Reminders sent",
        "Version 1 (in force): ENISA severity",
        "Timeline of the case",
    ):
        assert heading in whole


def test_facts_at_each_decision_are_those_of_that_moment(demo_case, client_for):
    case, demo, _ = demo_case
    record_assessment(
        case, method="enisa", answers=ENISA_LOW, rationale="Only tokens were exposed.",
        reason_for_change="Forensics: card numbers were tokenised", acting_user=demo,
    )  # fmt: skip
    ob = Obligation.objects.filter(incident=case, status="open").first()
    actions.waive(ob, reason="counsel's decision", acting_user=demo)
    files = unzip(client_for(demo).get(f"/api/v1/incidents/{case.pk}/evidence-pack"))
    decisions = json.loads(files["facts_at_decisions.json"])
    waived = [d for d in decisions if d["kind"] == "waived"][-1]
    filed = [d for d in decisions if d["kind"] == "notification_recorded"][-1]
    assert waived["facts"]["risk_of_harm"] == "unlikely"
    assert filed["facts"]["risk_of_harm"] == "high"  # as it stood before the re-assessment


def test_outsider_gets_404_and_page_button_serves_the_same_pack(
    demo_case, client_for, outsider, client
):
    case, demo, _ = demo_case
    assert client_for(outsider).get(f"/api/v1/incidents/{case.pk}/evidence-pack").status_code == 404
    client.force_login(outsider)
    assert client.get(f"/incidents/{case.pk}/evidence-pack/").status_code == 404
    client.force_login(demo)
    page = client.get(f"/incidents/{case.pk}/")
    assert f'href="/incidents/{case.pk}/evidence-pack/"' in page.content.decode()
    response = client.get(f"/incidents/{case.pk}/evidence-pack/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "manifest.json" in unzip(response)
