"""The drafting pages and API: who sees and does what, the exact API contract, outputs."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from incidents.drafting import actions
from incidents.drafting.models import NoticeDraft

from .conftest import obligation

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(three_places, counsel):
    return actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=counsel)


def _pages(draft):
    case, pk = draft.incident_id, draft.pk
    return [
        reverse("drafting:draft", args=[case, pk]),
        reverse("drafting:pdf", args=[case, pk]),
        reverse("drafting:docx", args=[case, pk]),
        reverse("drafting:filing", args=[case, pk]),
        reverse("drafting:letter", args=[case, 999999]),
    ]


def test_outsider_gets_404_for_every_draft_page_and_the_api(client, api_client, outsider, draft):
    client.force_login(outsider)
    for url in _pages(draft):
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("drafting:check", args=[draft.incident_id, draft.pk]),
        reverse("drafting:approve", args=[draft.incident_id, draft.pk]),
        reverse("drafting:start", args=[draft.incident_id, draft.obligation_id]),
    ):
        assert client.post(url, "{}", content_type="application/json").status_code == 404, url
    api_client.force_authenticate(outsider)
    assert api_client.get(f"/api/v1/drafts/{draft.pk}").status_code == 404
    assert (
        api_client.patch(f"/api/v1/drafts/{draft.pk}", {"text": "x"}, format="json").status_code
        == 404
    )
    assert (
        api_client.post(
            f"/api/v1/obligations/{draft.obligation_id}/drafts", {}, format="json"
        ).status_code
        == 404
    )
    assert (
        api_client.post(f"/api/v1/drafts/{draft.pk}/approve", {}, format="json").status_code == 404
    )
    assert NoticeDraft.objects.count() == 1


def test_viewer_reads_but_cannot_approve_page_or_api(client, api_client, viewer, draft):
    client.force_login(viewer)
    page = client.get(reverse("drafting:draft", args=[draft.incident_id, draft.pk]))
    assert page.status_code == 200
    assert b'id="approve"' not in page.content and b'id="draft-form"' not in page.content
    approve = reverse("drafting:approve", args=[draft.incident_id, draft.pk])
    assert client.post(approve).status_code == 403
    api_client.force_authenticate(viewer)
    assert (
        api_client.post(f"/api/v1/drafts/{draft.pk}/approve", {}, format="json").status_code == 403
    )
    assert (
        api_client.patch(f"/api/v1/drafts/{draft.pk}", {"text": "x"}, format="json").status_code
        == 403
    )
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.versions.count() == 1


def test_api_contract(api_client, counsel, three_places):
    api_client.force_authenticate(counsel)
    ob = obligation(three_places, "US-MA-IND")
    created = api_client.post(f"/api/v1/obligations/{ob.pk}/drafts", {}, format="json")
    assert created.status_code == 201
    body = created.json()
    assert {"id", "status", "text", "checklist"} <= set(body)
    assert body["status"] == "draft" and isinstance(body["text"], str)
    for item in body["checklist"]:
        assert {"element", "required", "satisfied"} <= set(item)
    got = api_client.get(f"/api/v1/drafts/{body['id']}")
    assert got.status_code == 200 and got.json()["text"] == body["text"]
    patched = api_client.patch(
        f"/api/v1/drafts/{body['id']}", {"text": body["text"] + "\nMore.\n"}, format="json"
    )
    assert patched.status_code == 200
    assert patched.json()["version"] == 2 and patched.json()["text"].endswith("More.\n")
    # Bad input: a clear 400 naming the field, nothing stored.
    bad = api_client.patch(f"/api/v1/drafts/{body['id']}", {"text": "  "}, format="json")
    assert bad.status_code == 400 and "text" in bad.json()
    unknown = api_client.patch(f"/api/v1/drafts/{body['id']}", {"txt": "a"}, format="json")
    assert unknown.status_code == 400 and "txt" in unknown.json()
    assert NoticeDraft.objects.get(pk=body["id"]).versions.count() == 2


def test_api_approve_and_record_sent(api_client, counsel, draft):
    api_client.force_authenticate(counsel)
    approved = api_client.post(f"/api/v1/drafts/{draft.pk}/approve", {}, format="json")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    sent_at = (timezone.now() - timedelta(minutes=2)).isoformat()
    sent = api_client.post(
        f"/api/v1/drafts/{draft.pk}/sent",
        {"sent_at": sent_at, "method": "letter", "sent_to": "Residents"},
        format="json",
    )
    assert sent.status_code == 200, sent.json()
    assert sent.json()["status"] == "sent"
    assert sent.json()["privileged"] is False


def test_the_schema_lists_the_draft_endpoints(api_client, counsel):
    api_client.force_authenticate(counsel)
    schema = api_client.get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = json.loads(schema.content)["paths"]
    assert "post" in paths["/api/v1/obligations/{id}/drafts"]
    assert {"get", "patch"} <= set(paths["/api/v1/drafts/{id}"])


def test_live_check_returns_the_checklist_of_unsaved_text(client, counsel, draft):
    client.force_login(counsel)
    url = reverse("drafting:check", args=[draft.incident_id, draft.pk])
    answer = client.post(url, json.dumps({"text": "nothing"}), content_type="application/json")
    assert answer.status_code == 200
    items = answer.json()["checklist"]
    assert any(i["key"] == "gaps" and i["satisfied"] for i in items)
    assert draft.versions.count() == 1  # checking saves nothing
    assert client.post(url, "not json", content_type="application/json").status_code == 400


def test_editor_saves_a_version_and_keeps_bad_input(client, counsel, draft):
    client.force_login(counsel)
    url = reverse("drafting:draft", args=[draft.incident_id, draft.pk])
    page = client.get(url)
    assert page.status_code == 200 and b"What the law requires" in page.content
    saved = client.post(url, {"text": draft.latest().text + "\nCounsel's line.\n"})
    assert saved.status_code == 302 and draft.versions.count() == 2
    refused = client.post(url, {"text": "   "})
    assert refused.status_code == 200 and draft.versions.count() == 2


def test_outputs_pdf_word_and_filing_sheet(client, counsel, three_places):
    client.force_login(counsel)
    de = actions.start_draft(obligation(three_places, "DE-GDPR-33-SA"), acting_user=counsel)
    pdf = client.get(reverse("drafting:pdf", args=[three_places.pk, de.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    assert "Nature of the personal data breach" in reader.pages[0].extract_text()
    word = client.get(reverse("drafting:docx", args=[three_places.pk, de.pk]))
    document = Document(io.BytesIO(word.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Nature of the personal data breach" in headings and "Contact point" in headings
    sheet = client.get(reverse("drafting:filing", args=[three_places.pk, de.pk]))
    html = sheet.content.decode()
    assert "GDPR Art 33" in html and "Acme Retail GmbH" in html and "to complete" in html
    assert "Germany: 1,000" in html and "Germany, United States" in html
    sheet_pdf = client.get(
        reverse("drafting:filing", args=[three_places.pk, de.pk]) + "?format=pdf"
    )
    assert sheet_pdf.content.startswith(b"%PDF-")


def test_case_page_offers_draft_notice_on_obligation_rows(client, counsel, viewer, draft):
    client.force_login(counsel)
    page = client.get(reverse("incidents:detail", args=[draft.incident_id])).content.decode()
    assert "Draft notice" in page and f"/drafts/{draft.pk}/" in page
    client.force_login(viewer)
    page = client.get(reverse("incidents:detail", args=[draft.incident_id])).content.decode()
    assert "Draft notice" not in page and f"/drafts/{draft.pk}/" in page


def test_letter_page_lists_each_variant_with_its_checklist(client, counsel, three_places):
    client.force_login(counsel)
    response = client.post(reverse("drafting:start_letter", args=[three_places.pk]))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "US-CA · US-CA-IND" in page and "US-MA · US-MA-IND" in page
    assert "M.G.L. c. 93H § 3(b)" in page and "required item" in page
