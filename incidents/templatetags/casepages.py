"""Small display helpers for the case pages."""

from django import template

register = template.Library()


@register.filter
def label(value):
    """``supervisory_authority`` -> ``Supervisory authority``: vocabulary keys as words."""
    if value in (None, ""):
        return "—"
    text = str(value).replace("_", " ").replace(":", ": ")
    return text[:1].upper() + text[1:]


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
