"""Audit events as CSV or JSON, streamed so that a long trail never sits in memory."""

from __future__ import annotations

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder

from audit import disclosure

FIELDS = [
    "id",
    "at",
    "action",
    "actor_id",
    "actor_username",
    "object_type",
    "object_id",
    "object_repr",
    "incident_id",
    "summary",
    "request_id",
    "ip_address",
    "user_agent",
    "before",
    "after",
]

# A cell starting with one of these is a formula to a spreadsheet; prefix it so it stays text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _row(event) -> dict:
    row = {name: getattr(event, name) for name in FIELDS}
    row["at"] = event.at.isoformat()
    return row


class _Echo:
    def write(self, value):
        return value


def csv_lines(events, reader):
    """``reader``: the person exporting; case content they may not see is withheld."""
    writer = csv.writer(_Echo())
    yield writer.writerow(FIELDS)
    for event in disclosure.for_reader(events.iterator(chunk_size=1000), reader):
        row = _row(event)
        for key in ("before", "after"):
            if row[key] is not None:
                row[key] = json.dumps(row[key], cls=DjangoJSONEncoder, sort_keys=True)
        yield writer.writerow([spreadsheet_safe(row[name]) for name in FIELDS])


def json_chunks(events, reader):
    """A JSON array, one event per line (content withheld as in ``csv_lines``)."""
    yield "[\n"
    first = True
    for event in disclosure.for_reader(events.iterator(chunk_size=1000), reader):
        yield ("" if first else ",\n") + json.dumps(_row(event), cls=DjangoJSONEncoder)
        first = False
    yield "\n]\n"
