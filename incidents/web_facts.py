"""Glue between the facts form and the clock engine's answers, shared by the web views."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone

from accounts.templatetags.when import local_text
from jurisdictions.engine.rules import EVENTS

# An ISO 8601 instant with its offset, as the engine and the actions write them in messages.
_ISO_INSTANT = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})"
)
_EVENT_NAME = re.compile(r"\b(" + "|".join(EVENTS) + r")\b")

# A FactsError names a dotted path of the facts format; this says which form field shows it.
_PATH_TO_FIELD = {
    "organisation.role": "role",
    "organisation.main_establishment": "main_establishment",
    "organisation.established_in": "established_in",
    "organisation.subject_to": "subject_to_other",
    "encryption.encrypted": "encrypted",
    "encryption.key_compromised": "key_compromised",
    "risk_of_harm": "risk_of_harm",
    "cause": "cause",
    "data": "data",
    "affected": "affected",
    "systems": "systems",
    "customers": "customers",
    "rules_as_of": "rules_as_of",
}


def field_for_path(path: str, form) -> str | None:
    """The form field that shows an engine error at ``path``, or None for a form-wide error."""
    path = path or ""
    head = path.split("[", 1)[0]
    if head.startswith("events."):
        name = head.split(".", 1)[1].split(".", 1)[0]
        return name if name in EVENTS and name in form.fields else None
    for prefix, field in _PATH_TO_FIELD.items():
        if head == prefix or head.startswith(prefix + "."):
            return field if field in form.fields else None
    return None


def readable(message: str, form) -> str:
    """An engine message as the person filling the form reads it: instants in their own zone
    (the API and the command line keep ISO UTC), events by the labels of the form's fields."""

    def instant(match) -> str:
        try:
            value = datetime.fromisoformat(match.group().replace("Z", "+00:00"))
            if 1900 <= value.year <= 2200:  # the years a case can have
                return local_text(value)
        except (ValueError, OverflowError):
            pass
        return match.group()  # not a real date, or out of range: as written

    def event(match) -> str:
        field = form.fields.get(match.group())
        return f"“{field.label}”" if field is not None and field.label else match.group()

    # The zone the times were typed in, where the form has one; else the viewer's own.
    zone = (getattr(form, "cleaned_data", None) or {}).get("times_zone")
    with timezone.override(_zone(zone) or timezone.get_current_timezone()):
        return _EVENT_NAME.sub(event, _ISO_INSTANT.sub(instant, message))


def _zone(name) -> ZoneInfo | None:
    if isinstance(name, ZoneInfo):
        return name
    try:
        return ZoneInfo(name) if isinstance(name, str) and name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def add_facts_error(form, error) -> None:
    """Show an engine ``FactsError`` next to the field it names (or above the form)."""
    path = getattr(error, "field", "")
    message = readable(getattr(error, "message", str(error)), form)
    field = field_for_path(path, form)
    if field is None:
        form.add_error(None, f"{path}: {message}" if path else message)
    else:
        form.add_error(field, message)
