"""Small display helpers for the case pages."""

import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def label(value):
    """``supervisory_authority`` -> ``Supervisory authority``: vocabulary keys as words."""
    if value in (None, ""):
        return "—"
    from jurisdictions.engine.vocabulary import label as vocabulary_label

    return vocabulary_label(str(value))


@register.filter
def event_label(value):
    """An event key as the facts form names it: ``ransom_paid_at`` -> ``Ransom paid``."""
    from incidents.forms import EVENT_FIELDS

    labels = {name: text for name, text, _help in EVENT_FIELDS}
    return labels.get(value) or label(value)


@register.filter
def data_label(value):
    """A data category key as people read it: ``ssn`` -> ``SSN (Social Security number)``."""
    from jurisdictions.engine.vocabulary import data_label as vocabulary_data_label

    return vocabulary_data_label(str(value))


@register.filter
def get(mapping, key):
    """``{{ counts|get:status }}``: look up a key a template only knows at run time."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def person(user):
    """A person's full name, else their username; ``—`` for nobody (the system)."""
    if user is None or user == "":
        return "—"
    return user.get_full_name() or user.get_username()


@register.filter
def as_json(value):
    """Before/after values of the timeline as compact JSON (what an auditor can read and diff)."""
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _vocabulary_words(value: str) -> str:
    """A stored vocabulary key (``payment_card``, ``external_attack``) as its label; any other
    text as it is."""
    from jurisdictions.engine import vocabulary

    if value in vocabulary.DATA_CATEGORY_LABELS:
        return vocabulary.data_label(value)
    if value in vocabulary.LABELS:
        return vocabulary.LABELS[value]
    if value in vocabulary.CAUSE_WORDS:
        return value.replace("_", " ").capitalize()
    return value


_ISO_UTC = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d(\.\d+)?)?(Z|\+00:00)$")


def readable(value) -> str:
    """A before/after value as a person reads it (lists joined, UTC instants as "... UTC")."""
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        match = _ISO_UTC.match(value)
        if match:
            return f"{match.group(1)} {match.group(2)} UTC"
        return _vocabulary_words(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(readable(v) for v in value)
    if isinstance(value, dict):
        if "text" in value:  # a computation step
            return readable(value["text"])
        return ", ".join(f"{label(k)}: {readable(v)}" for k, v in value.items())
    return str(value)


@register.filter
def changes(entry):
    """A timeline entry's before/after as ``[{field, before, after}]`` rows ("field: old -> new"),
    fields in the order they were logged."""
    before, after = entry.before, entry.after
    if not isinstance(before, dict) or not isinstance(after, dict):
        if before in (None, {}) and after in (None, {}):
            return []
        if isinstance(after, dict) and before in (None, {}):
            before = {}
        elif isinstance(before, dict) and after in (None, {}):
            after = {}
        else:
            return [{"field": "Value", "before": readable(before), "after": readable(after)}]
    keys = list(before) + [k for k in after if k not in before]
    return [
        {"field": label(k), "before": readable(before.get(k)), "after": readable(after.get(k))}
        for k in keys
        if before.get(k) != after.get(k) or k not in before or k not in after
    ]


@register.filter
def labels(keys):
    """A list of vocabulary keys (regimes, sectors) as their labels, joined: "SEC registrant,
    NIS2 important entity"."""
    from jurisdictions.engine.vocabulary import label as vocabulary_label

    return ", ".join(vocabulary_label(str(k)) for k in keys or ())


@register.filter
def css_string(value) -> str:
    """``value`` as the inside of a CSS string ("..."): quotes, backslashes and line breaks
    escaped, so a case reference can be printed in a page margin (``@page`` content)."""
    out = []
    for char in str(value):
        if char in '"\\' or char in "\n\r\f" or ord(char) < 32 or char in "<>":
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    # Everything that could end the string or the rule is escaped above: safe in a stylesheet.
    return mark_safe("".join(out))  # noqa: S308
