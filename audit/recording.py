"""Writing audit events: one function, explicit calls (never signals on model saves).

``record()`` writes in the caller's transaction, so a change and its audit row commit or roll back
together. Request id, address and user come from the request being served when not given.
"""

from __future__ import annotations

import json
import logging

from django.core.serializers.json import DjangoJSONEncoder

from audit.choices import Action
from audit.context import current_request
from audit.models import AuditEvent

log = logging.getLogger(__name__)


def _jsonable(value):
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, default=str))


def client_ip(request) -> str | None:
    """The client address as login throttling sees it (same proxy settings)."""
    if request is None:
        return None
    try:
        from axes.helpers import get_client_ip_address

        ip = get_client_ip_address(request)
    except Exception:  # noqa: BLE001 - a request-like object without META
        ip = None
    ip = ip or getattr(request, "META", {}).get("REMOTE_ADDR")
    return ip or None


def _actor_of(request):
    user = getattr(request, "user", None) if request is not None else None
    if user is not None and getattr(user, "is_authenticated", False):
        return user
    return None


def record(
    action: Action | str,
    *,
    actor=None,
    obj=None,
    incident=None,
    incident_id: int | None = None,
    summary: str = "",
    before=None,
    after=None,
    request=None,
    actor_username: str | None = None,
) -> AuditEvent:
    """Append one audit event. ``obj`` is any model instance; ``incident`` the case it concerns."""
    request = request if request is not None else current_request()
    if actor is None:
        actor = _actor_of(request)
    if incident is not None:
        incident_id = incident.pk
    object_type = object_id = object_repr = ""
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)
        object_repr = str(obj)[:200]
    meta = getattr(request, "META", {}) if request is not None else {}
    return AuditEvent.objects.create(
        action=str(action),
        actor_id=getattr(actor, "pk", None),
        actor_username=(
            actor_username
            if actor_username is not None
            else (actor.get_username() if actor is not None else "")
        )[:150],
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr,
        incident_id=incident_id,
        summary=summary[:500],
        request_id=getattr(request, "request_id", "") or "",
        ip_address=client_ip(request),
        user_agent=(meta.get("HTTP_USER_AGENT") or "")[:300],
        before=_jsonable(before),
        after=_jsonable(after),
    )


def record_case_view(request, incident) -> AuditEvent:
    return record(Action.CASE_VIEWED, request=request, obj=incident, incident=incident)


def record_case_export(request, incident, what: str) -> AuditEvent:
    """An export of a case (report, CSV, feed...): ``what`` names the format."""
    return record(
        Action.CASE_EXPORTED, request=request, obj=incident, incident=incident, summary=what
    )


# Activity kinds (incidents.choices.ActivityKind values) with an audit action of their own;
# every other kind is a change to the case.
_ACTIVITY_ACTIONS = {
    "team_added": Action.TEAM_CHANGED,
    "team_removed": Action.TEAM_CHANGED,
    "team_role_changed": Action.TEAM_CHANGED,
    "reminder_sent": Action.REMINDER_SENT,
    "exported": Action.CASE_EXPORTED,
    "legal_hold_set": Action.LEGAL_HOLD,
    "legal_hold_lifted": Action.LEGAL_HOLD,
    "personal_data_purged": Action.PERSONAL_DATA_PURGED,
}


def record_activity(activity) -> AuditEvent:
    """Mirror one case-timeline entry (``incidents.Activity``) into the audit trail."""
    target = activity.obligation if activity.obligation_id else activity.incident
    return record(
        _ACTIVITY_ACTIONS.get(activity.kind, Action.CHANGE),
        actor=activity.actor,
        obj=target,
        incident_id=activity.incident_id,
        summary=f"{activity.kind}: {activity.summary}",
        before=activity.before,
        after=activity.after,
    )
