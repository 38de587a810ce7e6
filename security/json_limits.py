"""JSON from outside, parsed with a bound on nesting.

``json.loads`` recurses once per level: a body of a thousand ``[`` exhausts Python's stack
(``RecursionError``, a 500), and a document a few hundred levels deep that does parse would
exhaust it later, in the code that walks it (validation, the audit record). No document this
product reads (facts, notes, decisions, rule fields) needs more than a handful of levels, so
anything deeper than ``MAX_DEPTH`` is refused as bad input, with a message that says so. Every
parser of outside JSON goes through ``loads``: the API's parser (``BoundedJSONParser``) and the
admin's JSON form fields (``BoundedJSONFormField``).
"""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32
TOO_DEEP = f"JSON nested more than {MAX_DEPTH} levels deep is not accepted."


class JSONTooDeep(ValueError):
    """A JSON document nested beyond ``MAX_DEPTH``."""

    def __init__(self):
        super().__init__(TOO_DEEP)


def depth(value) -> int:
    """How deeply lists and objects nest in ``value`` (a scalar is 0); no recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if deepest > MAX_DEPTH:
                break
            stack.extend((child, level + 1) for child in children)
    return deepest


def loads(text, **kwargs):
    """``json.loads`` that raises ``JSONTooDeep`` (a ``ValueError``) beyond ``MAX_DEPTH``."""
    try:
        value = json.loads(text, **kwargs)
    except RecursionError:
        raise JSONTooDeep() from None
    if depth(value) > MAX_DEPTH:
        raise JSONTooDeep()
    return value


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser with the nesting bound (the API's default parser, settings)."""

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", "utf-8")
        try:
            text = stream.read().decode(encoding) if stream is not None else ""
        except UnicodeDecodeError as exc:
            raise ParseError(f"JSON parse error - {exc}") from None
        try:
            return loads(text, parse_constant=_no_constant)
        except JSONTooDeep as exc:
            raise ParseError(str(exc)) from None
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from None


def _no_constant(name):
    # NaN and Infinity are not JSON (DRF's strict mode refuses them the same way).
    raise ValueError(f"{name} is not valid JSON")


class BoundedJSONFormField(forms.JSONField):
    """A form's JSON field (the admin's) with the nesting bound: a clear error, not a 500."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip() and not self.disabled:
            try:
                loads(value, cls=self.decoder)
            except JSONTooDeep as exc:
                raise ValidationError(str(exc), code="invalid") from None
            except ValueError:
                pass  # the usual "Enter a valid JSON." below
        return super().to_python(value)

    def bound_data(self, data, initial):
        # Re-displaying the form parses the typed text again: keep it as typed when too deep.
        if isinstance(data, str) and not self.disabled:
            try:
                loads(data, cls=self.decoder)
            except JSONTooDeep:
                return forms.fields.InvalidJSONInput(data)
            except ValueError:
                pass
        return super().bound_data(data, initial)
