"""The case record as data: the activity timeline (CSV, JSON) and the printable report's content.

Callers pass an incident they got through ``visible_to``; these functions read nothing else.
Every export names the case's privilege so the label travels with the file.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.utils import timezone

from .models import Activity, Incident, Note, TeamMember

PRIVILEGE_LABEL = (
    "PRIVILEGED & CONFIDENTIAL - ATTORNEY-CLIENT COMMUNICATION / ATTORNEY WORK PRODUCT"
)
ACTIVITY_FIELDS = [
    "at",
    "actor",
    "kind",
    "summary",
    "obligation",
    "before",
    "after",
    "request_id",
]
# A cell starting with one of these is a formula to a spreadsheet; prefix it so it stays text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z") if value else None


def spreadsheet_safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def activity_queryset(incident: Incident):
    return (
        Activity.objects.filter(incident=incident)
        .select_related("actor", "obligation")
        .order_by("at", "id")
    )


def activity_rows(incident: Incident):
    """Each timeline entry as a plain dict, in order (times in UTC)."""
    for entry in activity_queryset(incident).iterator(chunk_size=500):
        yield {
            "at": _iso(entry.at),
            "actor": entry.actor.get_username() if entry.actor_id else "system",
            "kind": entry.kind,
            "summary": entry.summary,
            "obligation": str(entry.obligation) if entry.obligation_id else None,
            "before": entry.before,
            "after": entry.after,
            "request_id": entry.request_id or None,
        }


def _header(incident: Incident) -> dict:
    return {
        "reference": incident.reference,
        "title": incident.title,
        "privileged": incident.privileged,
        "privilege_label": PRIVILEGE_LABEL if incident.privileged else None,
        "exported_at": _iso(timezone.now()),
    }


def activity_json(incident: Incident) -> str:
    from .conflicts import decisions_export

    body = {
        "incident": _header(incident),
        # Where the rules in play pull against each other, and counsel's decisions on them
        # (a decision on a conflict that no longer arises has "current": false).
        "conflicts": incident.conflicts,
        "conflict_decisions": decisions_export(incident),
        "activity": list(activity_rows(incident)),
    }
    return json.dumps(body, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def activity_csv(incident: Incident) -> str:
    """CSV with a comment line naming the case (and its privilege), then one row per entry.

    before/after are JSON in their cells; text that a spreadsheet would run as a formula is
    prefixed with a quote.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    label = f" - {PRIVILEGE_LABEL}" if incident.privileged else ""
    writer.writerow([spreadsheet_safe(f"# {incident.reference} {incident.title}{label}")])
    writer.writerow(ACTIVITY_FIELDS)
    for row in activity_rows(incident):
        for key in ("before", "after"):
            if row[key] is not None:
                row[key] = json.dumps(row[key], sort_keys=True, ensure_ascii=False)
        writer.writerow([spreadsheet_safe(row[name]) for name in ACTIVITY_FIELDS])
    return out.getvalue()


def report_data(incident: Incident) -> dict:
    """Everything the printable report (the evidence pack) shows, in a fixed number of queries.

    ``incident`` is re-read with its related rows; obligations come earliest deadline first,
    decided ones included, superseded ones flagged.
    """
    incident = (
        # The caller read ``incident`` through visible_to (page, API, e-mail); this re-reads it.
        Incident.objects.unrestricted("re-read of a case the caller may see")
        .filter(pk=incident.pk)
        .select_related("owner")
        .prefetch_related(
            "events__determined_by",
            "affected",
            "obligations__evidence",
            "attachments__uploaded_by",
            Prefetch("team", queryset=TeamMember.objects.select_related("user")),
            Prefetch("notes", queryset=Note.objects.select_related("author")),
        )
        .get()
    )
    from .conflicts import conflict_rows

    obligations = list(incident.obligations.all())
    return {
        "incident": incident,
        "privilege_label": PRIVILEGE_LABEL if incident.privileged else None,
        "facts": incident.facts_dict(),
        "events": list(incident.events.all()),
        "affected": list(incident.affected.all()),
        "team": list(incident.team.all()),
        "obligations": obligations,
        "open_obligations": [o for o in obligations if o.is_open],
        "decided_obligations": [o for o in obligations if not o.is_open],
        "notes": list(incident.notes.all()),
        "attachments": list(incident.attachments.all()),
        "activity": list(activity_queryset(incident)),
        "conflict_rows": conflict_rows(incident),
        "generated_at": timezone.now(),
    }
