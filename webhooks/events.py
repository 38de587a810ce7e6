"""Turning changes to cases into webhook events, in the transaction of the change.

``incidents.actions.hooks`` calls ``from_activity`` for every timeline entry and
``obligations_changed`` once per transaction that changed obligations; the reminder sender calls
``reminder_due`` at each reminder time. Each writes an ``Event`` and one ``Delivery`` row per hook
that wants it, and queues the sending once the transaction commits: a change that rolls back
sends nothing, one that commits is sent even if the queue message is lost (the beat finds the
row).
"""

from __future__ import annotations

import threading
import uuid

from django.db import transaction
from django.db.models import Q

from incidents.choices import ActivityKind
from incidents.holds import HOLD_KEYS, LABELS

from .choices import EventName
from .models import Delivery, Event, Webhook

# Cases opened in the current transaction (per thread): their first obligations are part of
# "case.opened", not a separate "obligations.changed".
_opened = threading.local()


def may_receive(hook: Webhook, incident) -> str | None:
    """Why ``hook`` must not carry events of ``incident`` now, or None if it may.

    Checked when the event happens and again before each delivery: a person who left the case
    team (or lost their role) stops receiving its events at once.
    """
    from incidents.models import Incident, TeamMember

    if hook.team_id is not None and hook.team_id != incident.pk:
        return "the hook is for another case's team"
    owner = hook.created_by
    if not Incident.objects.visible_to(owner).filter(pk=incident.pk).exists():
        return "the hook's owner can no longer see this case"
    if (
        incident.privileged
        and not TeamMember.objects.filter(incident_id=incident.pk, user_id=owner.pk).exists()
    ):
        # Seeing every case (the privacy office) is not being on a privileged case's team.
        return "a privileged case goes only to hooks of its own team"
    return None


def emit(name: str, incident, *, obligation=None, key: str | None = None, data=None) -> int:
    """Record event ``name`` for every hook that wants it; returns the number of deliveries."""
    # A handful of hooks per installation: the event list is filtered here, not in SQL (a JSON
    # "contains" is not available on SQLite).
    hooks = Webhook.objects.filter(Q(team__isnull=True) | Q(team_id=incident.pk))
    wanting = [
        hook
        for hook in hooks.select_related("created_by")
        if name in hook.events and may_receive(hook, incident) is None
    ]
    if not wanting:
        return 0
    with transaction.atomic():
        event, created = Event.objects.get_or_create(
            key=key or f"{name}.{uuid.uuid4()}",
            defaults={
                "name": name,
                "incident": incident,
                "obligation": obligation,
                "data": data or {},
            },
        )
        if not created:
            return 0  # already emitted (a retried reminder, a replayed task)
        rows = Delivery.objects.bulk_create(Delivery(webhook=h, event=event) for h in wanting)
        ids = [row.pk for row in rows]
        transaction.on_commit(lambda: _queue(ids), robust=True)
    return len(ids)


def _queue(ids: list[int]) -> None:
    from .tasks import deliver

    deliver.delay(ids)


def _opened_now() -> set:
    if not hasattr(_opened, "ids") or len(_opened.ids) > 1000:  # rolled-back opens pile up
        _opened.ids = set()
    return _opened.ids


def _scope() -> tuple[str, ...]:
    """Where in the transaction we are: the savepoints open now. The case's opening and its
    first recompute share its outermost one; a later change in the same test transaction (or a
    request after a rollback) does not."""
    return tuple(transaction.get_connection().savepoint_ids)


def _opened_in_this_change(incident) -> bool:
    here = _scope()
    return any(
        (pk, created) == (incident.pk, incident.created_at) and here[: len(scope)] == scope
        for pk, created, scope in _opened_now()
    )


def from_activity(activity) -> None:
    """Events that one timeline entry stands for (``hooks.activity_written``)."""
    incident = activity.incident
    if activity.kind == ActivityKind.OPENED:
        marker = (incident.pk, incident.created_at, _scope())
        _opened_now().add(marker)
        transaction.on_commit(lambda: _opened_now().discard(marker))
        emit(EventName.CASE_OPENED, incident, key=f"case.opened.{incident.pk}")
    elif activity.kind == ActivityKind.NOTIFICATION_RECORDED and activity.obligation_id:
        emit(
            EventName.OBLIGATION_NOTIFIED,
            incident,
            obligation=activity.obligation,
            key=f"activity.{activity.pk}",
        )
    elif activity.kind in (ActivityKind.HOLD_RECORDED, ActivityKind.HOLD_LIFTED):
        after = activity.after or {}
        for hold in (k for k in HOLD_KEYS if k in after):
            lifted = activity.kind == ActivityKind.HOLD_LIFTED or after[hold] is None
            emit(
                EventName.HOLD_LIFTED if lifted else EventName.HOLD_REQUESTED,
                incident,
                key=f"activity.{activity.pk}.{hold}",
                data={"hold": hold, "hold_label": LABELS[hold]},
            )


def obligations_changed(changed) -> None:
    """One ``obligations.changed`` per case whose obligations a transaction changed (facts, a
    decision, a rule-book publish), except the case being opened in it."""
    by_case: dict[int, list] = {}
    for obligation in changed:
        by_case.setdefault(obligation.incident_id, []).append(obligation)
    for obligations in by_case.values():
        incident = obligations[0].incident
        if _opened_in_this_change(incident):
            continue
        emit(
            EventName.OBLIGATIONS_CHANGED,
            incident,
            data={"obligations": sorted(o.pk for o in obligations)},
        )


def reminder_due(reminder) -> None:
    """At each reminder time (the reminders app's schedule): due soon, or overdue."""
    obligation = reminder.obligation
    name = (
        EventName.OBLIGATION_OVERDUE
        if reminder.is_overdue_notice
        else EventName.OBLIGATION_DUE_SOON
    )
    emit(
        name,
        obligation.incident,
        obligation=obligation,
        key=f"reminder.{reminder.pk}",
        data={
            "reminder": reminder.kind,
            # "notice", or "further_information": a phased notice's remaining part is owed.
            "owed": reminder.owed,
            "offset_minutes": reminder.offset_minutes,
            "deadline_at": reminder.deadline_at.isoformat().replace("+00:00", "Z"),
        },
    )
