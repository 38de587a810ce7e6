"""Uploads are checked by size, name and content, and go back out only as downloads; API tokens
are listed and revoked by their owner and an administrator."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token

from audit.choices import Action
from audit.models import AuditEvent
from security.uploads import attachment_response, validate_attachment, validate_csv_upload
from tests.factories import UserFactory

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.mark.parametrize(
    "name, content",
    [("letter.pdf", PDF), ("screenshot.PNG", PNG), ("notes.txt", b"plain words\n")],
)
def test_allowed_attachments_pass(name, content):
    validate_attachment(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("page.html", b"<script>alert(1)</script>", "not accepted"),
        ("drawing.svg", b"<svg onload=alert(1)>", "not accepted"),
        ("run.exe", b"MZ\x90\x00", "not accepted"),
        ("noextension", b"data", "not accepted"),
        ("letter.pdf", b"<html><script>alert(1)</script>", "not a .pdf"),
        ("photo.png", b"GIF89a...", "not a .png"),
        ("notes.txt", b"MZ\x00\x00binary", "not the text"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_refused_attachments_name_the_reason(name, content, reason):
    with pytest.raises(ValidationError, match=reason):
        validate_attachment(SimpleUploadedFile(name, content))


def test_attachment_size_limit(settings):
    settings.UPLOAD_MAX_ATTACHMENT_BYTES = 1000
    with pytest.raises(ValidationError, match="limit"):
        validate_attachment(SimpleUploadedFile("big.pdf", PDF + b"0" * 1000))


def test_csv_upload_checks(settings):
    good = SimpleUploadedFile("counts.csv", "\ufeffjurisdiction,count\nDE,9000\n".encode())
    validate_csv_upload(good)
    for upload, reason in [
        (SimpleUploadedFile("counts.xlsx", b"PK\x03\x04"), "csv"),
        (SimpleUploadedFile("counts.csv", b"DE,\x00\x01"), "not a text"),
        (SimpleUploadedFile("counts.csv", "DE,9000".encode("utf-16")), "not a text|UTF-8"),
        (SimpleUploadedFile("counts.csv", b"DE,1", content_type="application/x-sh"), "not text"),
    ]:
        with pytest.raises(ValidationError, match=f"(?i){reason}"):
            validate_csv_upload(upload)
    settings.UPLOAD_MAX_CSV_BYTES = 10
    with pytest.raises(ValidationError, match="limit"):
        validate_csv_upload(SimpleUploadedFile("counts.csv", b"DE,9000\nFR,3000\n"))


@pytest.mark.parametrize(
    "filename, expected_type",
    [
        ("letter.pdf", "application/pdf"),
        ("evil.html", "application/octet-stream"),
        ("evil.svg", "application/octet-stream"),
    ],
)
def test_downloads_are_attachments_never_rendered(filename, expected_type):
    import io

    response = attachment_response(io.BytesIO(PDF), filename)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == expected_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_hostile_file_name_cannot_split_headers_or_climb_paths():
    import io

    response = attachment_response(io.BytesIO(PDF), '../../letter.pdf"\r\nX-Evil: 1')
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition and "\n" not in disposition and ".." not in disposition
    assert not response.has_header("X-Evil")


@pytest.mark.django_db
class TestApiTokens:
    def test_owner_sees_only_a_masked_token_of_their_own(self, client, responder, counsel):
        mine = Token.objects.create(user=responder)
        theirs = Token.objects.create(user=counsel)
        client.force_login(responder)
        page = client.get("/security/tokens/").content.decode()
        assert mine.key[:4] in page and mine.key not in page
        assert theirs.key[:4] not in page and "carla.counsel" not in page

    def test_owner_creates_a_token_seen_once(self, client, responder):
        client.force_login(responder)
        page = client.post("/security/tokens/new/")
        key = Token.objects.get(user=responder).key
        assert page.status_code == 200 and key in page.content.decode()
        assert "no-store" in page["Cache-Control"]
        assert key not in client.get("/security/tokens/").content.decode()
        again = client.post("/security/tokens/new/")
        assert again.status_code == 302 and Token.objects.get(user=responder).key == key
        assert AuditEvent.objects.filter(action=Action.TOKEN_CREATED, actor_id=responder.pk)

    def test_owner_revokes_their_token(self, client, responder):
        Token.objects.create(user=responder)
        client.force_login(responder)
        response = client.post(f"/security/tokens/{responder.pk}/revoke/")
        assert response.status_code == 302
        assert not Token.objects.filter(user=responder).exists()
        assert AuditEvent.objects.filter(action=Action.TOKEN_REVOKED, actor_id=responder.pk)

    def test_someone_else_cannot_revoke_or_even_learn_it_exists(self, client, responder, outsider):
        Token.objects.create(user=responder)
        client.force_login(outsider)
        assert client.post(f"/security/tokens/{responder.pk}/revoke/").status_code == 404
        assert Token.objects.filter(user=responder).exists()

    def test_revoking_needs_post(self, client, responder):
        Token.objects.create(user=responder)
        client.force_login(responder)
        assert client.get(f"/security/tokens/{responder.pk}/revoke/").status_code == 405
        assert Token.objects.filter(user=responder).exists()

    def test_administrator_lists_and_revokes_anyones(self, client, responder, counsel):
        Token.objects.create(user=responder)
        Token.objects.create(user=counsel)
        admin = UserFactory(username="ada.admin", is_superuser=True, is_staff=True)
        client.force_login(admin)
        page = client.get("/security/tokens/").content.decode()
        assert "rui.responder" in page and "carla.counsel" in page
        assert client.post(f"/security/tokens/{counsel.pk}/revoke/").status_code == 302
        assert not Token.objects.filter(user=counsel).exists()

    def test_a_revoked_token_no_longer_opens_the_api(self, client, responder):
        token = Token.objects.create(user=responder)
        client.force_login(responder)
        client.post(f"/security/tokens/{responder.pk}/revoke/")
        from rest_framework.authentication import TokenAuthentication
        from rest_framework.exceptions import AuthenticationFailed

        with pytest.raises(AuthenticationFailed):
            TokenAuthentication().authenticate_credentials(token.key)


@pytest.mark.django_db
def test_an_html_file_is_refused_on_the_case_page_and_nothing_is_stored(client, case, counsel):
    from incidents.models import Attachment

    client.force_login(counsel)
    response = client.post(
        f"/incidents/{case.pk}/notes/",
        {
            "text": "the attacker's page",
            "file": SimpleUploadedFile("phish.html", b"<script>alert(1)</script>"),
            "kind": "evidence",
        },
    )
    assert response.status_code == 200
    assert b"are not accepted" in response.content
    assert not Attachment.objects.filter(incident=case).exists()


@pytest.mark.django_db
def test_a_stored_file_downloads_as_an_attachment_that_runs_nothing(client, case, counsel):
    from incidents import actions

    attachment = actions.add_attachment(
        case, SimpleUploadedFile("letter.pdf", PDF), acting_user=counsel
    )
    client.force_login(counsel)
    response = client.get(f"/cases/{case.pk}/files/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF
    assert AuditEvent.objects.filter(action=Action.CASE_EXPORTED, incident_id=case.pk).exists()
