"""DORA Art 19(3): whether a major ICT-related incident has an impact on the financial interests
of the financial entity's clients (facts key ``client_financial_impact``, format 2).

Three states, as the engine reads them: true (the notice to clients is owed), false (it is not)
and unknown (the key left out: the notice is listed, saying the facts do not settle it yet).
The case form asks it as a choice whose blank answer is "not yet known".
"""

from __future__ import annotations

from django import forms

KEY = "client_financial_impact"
FORMAT_2 = "breachclock.facts/2"
CITATION = "DORA Art 19(3)"

YES, NO = "yes", "no"
CHOICES = [
    ("", "Not yet known"),
    (YES, "Yes: clients' financial interests are affected"),
    (NO, "No: clients' financial interests are not affected"),
]


def form_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Impact on clients' financial interests",
        required=False,
        choices=CHOICES,
        help_text=f"{CITATION}: a financial entity tells its clients of a major ICT-related "
        "incident that has an impact on their financial interests. Not yet known: the notice "
        "to clients is listed until you say.",
    )


def from_form(value: str) -> bool | None:
    """The form's answer as the facts value."""
    return {YES: True, NO: False}.get(value or "")


def to_form(facts: dict) -> str:
    """The facts value as the form's answer."""
    value = (facts or {}).get(KEY)
    return "" if value is None else (YES if value else NO)


def with_format(doc: dict) -> dict:
    """``doc`` in format 2 when it states the impact and names no format: the key exists in
    format 2 only, and an older client sending it should not have to know that."""
    if isinstance(doc, dict) and doc.get(KEY) is not None and not doc.get("format"):
        return {**doc, "format": FORMAT_2}
    return doc


def impact_words(value: bool | None, subject_to=()) -> str:
    if value is True:
        return (
            "Yes: the incident has an impact on the financial interests of clients (notice to "
            f"clients, {CITATION})"
        )
    if value is False:
        return f"No impact on the financial interests of clients ({CITATION})"
    if any(
        str(key) == "dora_financial_entity" or str(key).startswith("dora") for key in subject_to
    ):
        return (
            "Not yet known whether the incident has an impact on the financial interests of "
            f"clients: the notice to clients ({CITATION}) is listed until it is"
        )
    return ""
