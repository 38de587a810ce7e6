"""Glue between the facts form and the clock engine's answers, shared by the web views."""

from __future__ import annotations

import re

from django.utils import timezone

from accounts import timezones
from accounts.templatetags.when import ISO_INSTANT, instant, local_text
from jurisdictions.engine.rules import EVENTS

_EVENT_NAME = re.compile(r"\b(" + "|".join(EVENTS) + r")\b")

# A FactsError names a dotted path of the facts format; this says which form field shows it.
_PATH_TO_FIELD = {
    "organisation.roles": "role",
    "organisation.role": "role",
    "organisation.sectors": "sectors",
    "encryption.by_category": "encrypted_categories",
    "data_sets": "data_sets",
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

    def local(match) -> str:
        value = instant(match.group())
        return local_text(value) if value is not None else match.group()

    def event(match) -> str:
        # The label of the form's own field, else the facts form's name for that event: a
        # notification form has no "occurred_at" field, but its errors may name the event.
        from incidents.forms import EVENT_FIELDS

        field = form.fields.get(match.group())
        if field is not None and field.label:
            return f"“{field.label}”"
        labels = {name: text for name, text, _help in EVENT_FIELDS}
        return f"“{labels[match.group()]}”" if match.group() in labels else match.group()

    # The zone the times were typed in, where the form has one; else the viewer's own.
    typed_in = (getattr(form, "cleaned_data", None) or {}).get("times_zone")
    zone = timezones.zone(typed_in) if typed_in else timezone.get_current_timezone()
    with timezone.override(zone):
        return _EVENT_NAME.sub(event, ISO_INSTANT.sub(local, message))


def add_facts_error(form, error) -> None:
    """Show an engine ``FactsError`` next to the field it names (or above the form)."""
    path = getattr(error, "field", "")
    message = readable(getattr(error, "message", str(error)), form)
    field = field_for_path(path, form)
    if field is None:
        form.add_error(None, f"{path}: {message}" if path else message)
    else:
        form.add_error(field, message)
