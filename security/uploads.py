"""What may be uploaded, and how a stored upload goes back out.

Two kinds of upload exist: CSV files of affected-people counts (parsed, never stored as-is) and
case attachments (the letter or filing sent to an authority, evidence). Each has a size limit and
an allow-list of types checked on the name AND on the first bytes, so a script renamed to .pdf is
refused. An attachment is only ever returned by ``attachment_response``: as a download
(``Content-Disposition: attachment``), as an opaque type, with ``nosniff`` and a sandboxing CSP,
so a browser neither renders nor runs it.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat

# extension -> leading bytes it must start with (None: a text format, checked for NUL bytes)
ATTACHMENT_TYPES: dict[str, tuple[bytes, ...] | None] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".zip": (b"PK\x03\x04",),
    ".msg": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".txt": None,
    ".csv": None,
    ".eml": None,
}
CSV_CONTENT_TYPES = {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", ""}


def _head(upload, size: int = 8192) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _check_size(upload, limit: int, what: str) -> None:
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            f"The {what} is {filesizeformat(upload.size)}; the limit is {filesizeformat(limit)}.",
            code="too_large",
        )
    if not upload.size:
        raise ValidationError(f"The {what} is empty.", code="empty")


def validate_csv_upload(upload) -> None:
    """A CSV of counts: .csv (or .txt), small, UTF-8 text (a spreadsheet's BOM is fine)."""
    _check_size(upload, settings.UPLOAD_MAX_CSV_BYTES, "CSV file")
    if PurePath(upload.name or "").suffix.lower() not in (".csv", ".txt"):
        raise ValidationError("Upload a .csv file.", code="type")
    if (getattr(upload, "content_type", "") or "").split(";")[0] not in CSV_CONTENT_TYPES:
        raise ValidationError("Upload a .csv file (this one is not text).", code="type")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if b"\x00" in data:
        raise ValidationError("This is not a text CSV file.", code="type")
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "Save the CSV file as UTF-8 and upload it again.", code="encoding"
        ) from None


def validate_attachment(upload) -> None:
    """An attachment: an allowed type whose content matches its name, within the size limit."""
    _check_size(upload, settings.UPLOAD_MAX_ATTACHMENT_BYTES, "attachment")
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        allowed = ", ".join(sorted(ATTACHMENT_TYPES))
        raise ValidationError(
            f"Files of type {suffix or '(none)'} are not accepted; use {allowed}.", code="type"
        )
    magic = ATTACHMENT_TYPES[suffix]
    head = _head(upload)
    if magic is None:
        if b"\x00" in head:
            raise ValidationError(f"This file is not the text its name ({suffix}) says.")
    elif not head.startswith(magic):
        raise ValidationError(f"This file's content is not a {suffix} file.")


def safe_download_name(name: str) -> str:
    """The last path component, without control characters or quotes."""
    base = PurePath(name or "attachment").name
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '"\\/')
    return cleaned[:150] or "attachment"


def attachment_response(fileobj, filename: str) -> FileResponse:
    """Return a stored upload as a download that no browser will render or execute."""
    name = safe_download_name(filename)
    guessed, _ = mimetypes.guess_type(name)
    # Only inert types keep their name; anything a browser might interpret is octet-stream.
    inert = {"application/pdf", "image/png", "image/jpeg", "text/csv", "text/plain"}
    content_type = guessed if guessed in inert else "application/octet-stream"
    response = FileResponse(fileobj, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # If it is ever opened in a tab anyway, it runs nothing and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
