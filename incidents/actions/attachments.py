"""Files stored on a case, each with its SHA-256."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from security.uploads import validate_attachment

from ..choices import ActivityKind, AttachmentKind
from ..models import Attachment, Incident
from .activity import log_activity
from .common import ActionError, _choice, _clean_text, _require_user


@transaction.atomic
def add_attachment(
    incident: Incident,
    upload: UploadedFile,
    *,
    acting_user,
    kind: str = AttachmentKind.EVIDENCE,
    privileged: bool = False,
    name: str | None = None,
) -> Attachment:
    """Store a file on the case with its SHA-256, so a filing can later be shown unaltered."""
    _require_user(acting_user)
    _choice(kind, AttachmentKind, "kind")
    if upload is None:
        raise ActionError("file", "choose a file")
    # The one upload check (allow-list by name and first bytes, size limit), here as well as in
    # the forms and serializers: every path that stores a file ends in this function.
    try:
        validate_attachment(upload)
    except ValidationError as exc:
        raise ActionError("file", " ".join(exc.messages)) from None
    size = upload.size
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    display = _clean_text(name or upload.name, "name", required=True, max_length=200)
    display = display.replace("/", "_").replace("\\", "_")
    attachment = Attachment(
        incident=incident,
        name=display,
        content_type=(getattr(upload, "content_type", "") or "")[:100],
        size=size,
        sha256=digest.hexdigest(),
        kind=kind,
        privileged=bool(privileged),
        uploaded_by=acting_user,
    )
    attachment.file.save(display, upload, save=False)
    attachment.save()
    log_activity(
        incident,
        ActivityKind.ATTACHMENT_ADDED,
        f"Attached {display} ({AttachmentKind(kind).label.lower()})",
        actor=acting_user,
        after={"attachment": attachment.pk, "name": display, "sha256": attachment.sha256},
    )
    return attachment
