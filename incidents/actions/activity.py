"""The case's timeline: ``log_activity`` appends one entry, in the caller's transaction."""

from __future__ import annotations

import contextvars
from datetime import datetime
from typing import Any

from django.utils import timezone

from audit.context import current_request_id as audit_request_id

from ..models import Activity, Incident, Obligation
from . import hooks
from .common import _jsonable

# Set per request by middleware (the audit trail) so every Activity row carries its request id.
current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "breachclock_request_id", default=""
)


def log_activity(
    incident: Incident,
    kind: str,
    summary: str,
    *,
    actor=None,
    before: Any = None,
    after: Any = None,
    obligation: Obligation | None = None,
    at: datetime | None = None,
) -> Activity:
    """Append one entry to the case's timeline (in the caller's transaction).

    ``actor`` None means the system (a rule-book update, a scheduled reminder). Other apps log
    through this too (e.g. "reminder sent"); the request id comes from ``current_request_id``.
    """
    activity = Activity.objects.create(
        incident=incident,
        kind=kind,
        summary=summary,
        actor=actor if (actor is not None and actor.is_authenticated) else None,
        before=_jsonable(before),
        after=_jsonable(after),
        obligation=obligation,
        at=at or timezone.now(),
        # The request id comes from the audit trail's middleware when a request is being served.
        request_id=current_request_id.get() or audit_request_id(),
    )
    hooks.activity_written(activity)
    return activity
