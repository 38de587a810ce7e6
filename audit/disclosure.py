"""What a reader of the trail is shown of case content (audit/README.md, "What an auditor sees").

Every event shows that something happened, to which case, by whom, when and from where. Its
content (``object_repr``, ``summary``, ``before``/``after``) may carry a case's title,
description or privileged note text, so it is shown only to a reader who may see that case
(``Incident.objects.visible_to``); for other readers it is withheld in memory, as the rows are
read. The rows themselves never change (they cannot: the trail is append-only).

The audit pages, both exports and the admin all read the trail through ``for_reader``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

WITHHELD = "(withheld)"
CHUNK = 1000


def _visible_cases(user, incident_ids: set[int]) -> set[int]:
    from incidents.models import Incident
    from incidents.queries import sees_all

    if not incident_ids:
        return set()
    if sees_all(user):
        return incident_ids
    return set(
        Incident.objects.visible_to(user).filter(pk__in=incident_ids).values_list("pk", flat=True)
    )


def _keys_only(value):
    if value is None:
        return None
    if isinstance(value, dict):
        return dict.fromkeys(value, WITHHELD)
    return WITHHELD


def _summary_kind(summary: str) -> str:
    """Keep the case-timeline kind ("note_added: ...") - what happened, not what was written."""
    from incidents.choices import ActivityKind

    kind, sep, _ = (summary or "").partition(":")
    if sep and kind in ActivityKind.values:
        return kind
    return WITHHELD if summary else ""


def withhold(event) -> None:
    """Blank the content of one event, in memory only."""
    event.object_repr = ""
    event.summary = _summary_kind(event.summary)
    event.before = _keys_only(event.before)
    event.after = _keys_only(event.after)
    event.content_withheld = True


def for_reader(events: Iterable, user) -> Iterator:
    """The events, with the content of cases ``user`` may not see withheld (a query per chunk)."""
    chunk = []
    for event in events:
        chunk.append(event)
        if len(chunk) >= CHUNK:
            yield from _apply(chunk, user)
            chunk = []
    yield from _apply(chunk, user)


def _apply(chunk, user):
    visible = _visible_cases(user, {e.incident_id for e in chunk if e.incident_id is not None})
    for event in chunk:
        event.content_withheld = False
        if event.incident_id is not None and event.incident_id not in visible:
            withhold(event)
        yield event
