"""Notes on a case."""

from __future__ import annotations

from django.db import transaction

from ..choices import ActivityKind
from ..models import Incident, Note
from .activity import log_activity
from .common import ActionError, _clean_text, _require_user

NOTE_MAX_LENGTH = 20000


@transaction.atomic
def add_note(
    incident: Incident,
    text: str,
    *,
    acting_user,
    privileged: bool = False,
    personal: bool = False,
) -> Note:
    """A note; ``personal`` marks one holding personal data, which the retention purge removes
    (so its text is not copied into the append-only timeline, only that it was added)."""
    _require_user(acting_user)
    text = _clean_text(text, "text", required=True, max_length=NOTE_MAX_LENGTH)
    # bool("false") is True: a client's string must not mark a note by accident.
    for name, value in (("privileged", privileged), ("personal", personal)):
        if not isinstance(value, bool):
            raise ActionError(name, "must be true or false")
    note = Note.objects.create(
        incident=incident, author=acting_user, text=text, privileged=privileged, personal=personal
    )
    log_activity(
        incident,
        ActivityKind.NOTE_ADDED,
        ("Privileged note added" if privileged else "Note added")
        + (" (personal data, removed when retention ends)" if personal else ""),
        actor=acting_user,
        after={
            "note": note.pk,
            "privileged": privileged,
            "personal": personal,
            **({} if personal else {"text": text}),
        },
    )
    return note
