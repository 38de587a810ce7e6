"""Every way a file reaches a case passes the same check (``security.uploads.validate_attachment``):
the web forms, the API's evidence upload, and the action every one of them ends in."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from incidents import actions
from incidents.models import Attachment
from tests.factories import ObligationFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%%EOF\n"
REFUSED = [
    ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    ("setup.exe", b"MZ\x90\x00" + b"\x00" * 64),
    ("page.html", b"<html><script>alert(1)</script></html>"),
    ("letter.pdf", b"<html>not a pdf</html>"),
]


def _notify(api_client, obligation, upload):
    return api_client.post(
        reverse("api:obligation-notified", args=[obligation.pk]),
        {
            "sent_at": "2026-03-28T10:00:00+00:00",
            "method": "portal",
            "sent_to": "BfDI online form",
            "evidence": upload,
        },
        format="multipart",
    )


@pytest.mark.parametrize("name, content", REFUSED, ids=[n for n, _ in REFUSED])
def test_api_evidence_upload_refuses_what_the_web_form_refuses(
    api_client, counsel, case, name, content
):
    obligation = ObligationFactory(incident=case)
    api_client.force_authenticate(counsel)
    response = _notify(api_client, obligation, SimpleUploadedFile(name, content))
    assert response.status_code == 400, response.content
    assert "evidence" in response.json()
    assert not Attachment.objects.exists()
    obligation.refresh_from_db()
    assert obligation.status == "open"  # nothing changed


def test_api_evidence_upload_keeps_the_size_limit(api_client, counsel, case, settings):
    settings.UPLOAD_MAX_ATTACHMENT_BYTES = 1024
    obligation = ObligationFactory(incident=case)
    api_client.force_authenticate(counsel)
    big = SimpleUploadedFile("letter.pdf", PDF + b"0" * 2048)
    response = _notify(api_client, obligation, big)
    assert response.status_code == 400
    assert "limit" in str(response.json()["evidence"])
    assert not Attachment.objects.exists()


def test_api_evidence_upload_accepts_a_real_pdf(api_client, counsel, case):
    obligation = ObligationFactory(incident=case)
    api_client.force_authenticate(counsel)
    response = _notify(api_client, obligation, SimpleUploadedFile("letter.pdf", PDF))
    assert response.status_code == 200, response.content
    assert Attachment.objects.get().name == "letter.pdf"


@pytest.mark.parametrize("name, content", REFUSED, ids=[n for n, _ in REFUSED])
def test_the_action_itself_refuses_any_other_caller(counsel, case, name, content):
    """A future door (a command, an import) that forgets the form check is still refused."""
    with pytest.raises(actions.ActionError) as refused:
        actions.add_attachment(case, SimpleUploadedFile(name, content), acting_user=counsel)
    assert refused.value.field == "file"
    assert not Attachment.objects.exists()


def test_the_action_applies_the_configured_size_limit(counsel, case, settings):
    settings.UPLOAD_MAX_ATTACHMENT_BYTES = 1024
    with pytest.raises(actions.ActionError, match="limit"):
        actions.add_attachment(
            case, SimpleUploadedFile("letter.pdf", PDF + b"0" * 2048), acting_user=counsel
        )
