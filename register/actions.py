"""Changing a case's register entry: classification, effects, remedial action (one door)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from incidents import actions as case_actions
from incidents.choices import ActivityKind
from incidents.models import Incident
from incidents.queries import can_edit

from .models import Classification, RegisterEntry

FIELDS = ("classification", "classification_reason", "effects", "remedial_action")
ActionError = case_actions.ActionError


@transaction.atomic
def update_entry(incident: Incident, *, acting_user, **changes) -> RegisterEntry:
    """Set some of ``FIELDS``; logged on the case's timeline with before and after.

    Classing an event as not a personal-data breach (or a near miss) needs the reason why.
    """
    if acting_user is None or not acting_user.is_authenticated:
        raise ActionError("acting_user", "a signed-in user must be named for every change")
    if not can_edit(acting_user, incident):
        raise ActionError("acting_user", "your role on this case is read-only")
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ActionError(sorted(unknown)[0], "is not a register field")
    # can_edit above decided who may change it; this locks the row.
    incident = (
        Incident.objects.unrestricted("lock of the case being changed")
        .select_for_update()
        .get(pk=incident.pk)
    )
    entry, _ = RegisterEntry.objects.get_or_create(incident=incident)
    values = {name: getattr(entry, name) for name in FIELDS}
    for name, value in changes.items():
        if not isinstance(value, str):
            raise ActionError(name, "must be text")
        values[name] = value.strip()
    if values["classification"] not in Classification.values:
        raise ActionError("classification", "choose a classification from the list")
    if (
        values["classification"] in (Classification.NOT_PERSONAL, Classification.NEAR_MISS)
        and not (values["classification_reason"])
    ):
        raise ActionError("classification_reason", "Say why it was not a personal-data breach.")
    before = {n: getattr(entry, n) for n in FIELDS if getattr(entry, n) != values[n]}
    if not before:
        return entry
    after = {n: values[n] for n in before}
    for name, value in values.items():
        setattr(entry, name, value)
    entry.updated_by = acting_user
    entry.updated_at = timezone.now()
    entry.save()
    labels = {
        "classification": "classification",
        "classification_reason": "why",
        "effects": "effects",
        "remedial_action": "remedial action",
    }
    case_actions.log_activity(
        incident,
        ActivityKind.REGISTER_CHANGED,
        "Register entry changed: " + ", ".join(labels[n] for n in before),
        actor=acting_user,
        before=before,
        after=after,
    )
    return entry
