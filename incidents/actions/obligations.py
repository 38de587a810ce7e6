"""Decisions on one obligation: a notice recorded, not required, waived, reopened, an internal
target.
"""

from __future__ import annotations

from datetime import UTC as _UTC
from datetime import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from ..choices import ActivityKind, AttachmentKind, NotificationMethod, ObligationStatus
from ..models import Attachment, IncidentEvent, Obligation
from . import hooks
from .activity import log_activity
from .attachments import add_attachment
from .common import (
    CLOCK_SKEW,
    ActionError,
    _choice,
    _clean_text,
    _iso_utc,
    _lock,
    _obligation_label,
    _require_user,
)
from .recompute import recompute_obligations


def _lock_obligation(obligation: Obligation) -> Obligation:
    _lock(obligation.incident)
    return Obligation.objects.select_related("incident").get(pk=obligation.pk)


@transaction.atomic
def record_notification(
    obligation: Obligation,
    *,
    sent_at: datetime,
    method: str,
    sent_to: str,
    acting_user,
    reference: str = "",
    evidence: Attachment | UploadedFile | None = None,
) -> Obligation:
    """Record that the notice was given: when, how, to whom, its reference, the letter or filing.

    Clocks that start at this notice (``notice:<RULE>``) are recomputed in the same transaction.
    """
    _require_user(acting_user)
    ob = _lock_obligation(obligation)
    if not isinstance(sent_at, datetime):
        raise ActionError("sent_at", "must be a date and time")
    if timezone.is_naive(sent_at):
        raise ActionError("sent_at", "must include a time zone (UTC offset)")
    if sent_at > timezone.now() + CLOCK_SKEW:
        raise ActionError("sent_at", "is in the future; record a notice once it has gone out")
    earliest = (
        IncidentEvent.objects.filter(
            incident_id=ob.incident_id, event__in=("occurred_at", "discovered_at")
        )
        .order_by("at")
        .first()
    )
    if earliest is not None and sent_at < earliest.at:
        raise ActionError(
            "sent_at",
            f"is before the incident itself ({earliest.event} {_iso_utc(earliest.at)}); "
            "a notice cannot precede what it reports",
        )
    _choice(method, NotificationMethod, "method")
    sent_to = _clean_text(sent_to, "sent_to", required=True, max_length=300)
    reference = _clean_text(reference, "reference", required=False, max_length=200)
    if ob.status == ObligationStatus.NOTIFIED:
        raise ActionError("status", f"already recorded as notified on {_iso_utc(ob.notified_at)}")
    if ob.status != ObligationStatus.OPEN:
        raise ActionError(
            "status", f"is {ob.get_status_display().lower()}; reopen it before recording a notice"
        )
    if isinstance(evidence, UploadedFile):
        evidence = add_attachment(
            ob.incident,
            evidence,
            acting_user=acting_user,
            kind=AttachmentKind.NOTIFICATION,
            privileged=ob.incident.privileged,
        )
    elif evidence is not None and evidence.incident_id != ob.incident_id:
        raise ActionError("evidence", "belongs to another case")

    before = _decision_state(ob)
    now = timezone.now()
    ob.status = ObligationStatus.NOTIFIED
    ob.notified_at = sent_at
    ob.notified_method = method
    ob.notified_to = sent_to
    ob.notified_reference = reference
    ob.evidence = evidence
    ob.status_changed_at = now
    ob.status_changed_by = acting_user
    ob.updated_at = now
    ob.save()
    on_time = ""
    if ob.due_at:
        on_time = " (on time)" if sent_at <= ob.due_at else " (after the deadline)"
    log_activity(
        ob.incident,
        ActivityKind.NOTIFICATION_RECORDED,
        f"Notified {_obligation_label(ob)} by {ob.get_notified_method_display().lower()} "
        f"on {_iso_utc(sent_at)}{on_time}",
        actor=acting_user,
        before=before,
        after=_decision_state(ob),
        obligation=ob,
    )
    result = recompute_obligations(
        ob.incident, acting_user=acting_user, reason=f"notice sent under {ob.rule_code}"
    )
    if ob not in result.changed:
        hooks.obligations_changed([ob])
    ob.refresh_from_db()
    return ob


def _decision_state(ob: Obligation) -> dict:
    return {
        "status": ob.status,
        "reason": ob.reason or None,
        "notified_at": _iso_utc(ob.notified_at),
        "method": ob.notified_method or None,
        "sent_to": ob.notified_to or None,
        "reference": ob.notified_reference or None,
        "evidence": ob.evidence_id,
    }


def _decide(ob_in: Obligation, status: str, reason: str, acting_user, kind: str) -> Obligation:
    _require_user(acting_user)
    reason = _clean_text(reason, "reason", required=True, max_length=2000)
    ob = _lock_obligation(ob_in)
    if ob.status != ObligationStatus.OPEN:
        raise ActionError("status", f"is already {ob.get_status_display().lower()}")
    before = _decision_state(ob)
    now = timezone.now()
    ob.status = status
    ob.reason = reason
    ob.status_changed_at = now
    ob.status_changed_by = acting_user
    ob.updated_at = now
    ob.save()
    log_activity(
        ob.incident,
        kind,
        f"{_obligation_label(ob)}: {ObligationStatus(status).label.lower()} - {reason}",
        actor=acting_user,
        before=before,
        after=_decision_state(ob),
        obligation=ob,
    )
    hooks.obligations_changed([ob])
    return ob


@transaction.atomic
def mark_not_required(obligation: Obligation, *, reason: str, acting_user) -> Obligation:
    """Counsel decided this notice is not owed (e.g. risk assessed as unlikely). Reason required."""
    return _decide(
        obligation,
        ObligationStatus.NOT_REQUIRED,
        reason,
        acting_user,
        ActivityKind.MARKED_NOT_REQUIRED,
    )


@transaction.atomic
def waive(obligation: Obligation, *, reason: str, acting_user) -> Obligation:
    """The recipient or counsel waived the notice (e.g. an authority said not to file)."""
    return _decide(obligation, ObligationStatus.WAIVED, reason, acting_user, ActivityKind.WAIVED)


@transaction.atomic
def reopen_obligation(obligation: Obligation, *, reason: str, acting_user) -> Obligation:
    """Undo a decision (not required / waived / a notice recorded in error). Reason required."""
    _require_user(acting_user)
    reason = _clean_text(reason, "reason", required=True, max_length=2000)
    ob = _lock_obligation(obligation)
    if ob.status == ObligationStatus.OPEN:
        raise ActionError("status", "is already open")
    before = _decision_state(ob)
    if ob.follow_up_target_at is not None:
        before["follow_up_target_at"] = _iso_utc(ob.follow_up_target_at)
    now = timezone.now()
    ob.status = ObligationStatus.OPEN
    # Open again: the notice itself is owed, not the further information of a phased one, and
    # the reminders start again toward its deadline under a new deadline version (the old
    # version's rows were ended when it was closed, and rows are written once per version).
    ob.follow_up_target_at = None
    ob.deadline_version += 1
    ob.reason = ""
    ob.notified_at = None
    ob.notified_method = ""
    ob.notified_to = ""
    ob.notified_reference = ""
    ob.evidence = None
    ob.status_changed_at = now
    ob.status_changed_by = acting_user
    ob.updated_at = now
    ob.save()
    after = {**_decision_state(ob), "reason": reason}
    if "follow_up_target_at" in before:
        after["follow_up_target_at"] = None  # the further information's target ends with it
    log_activity(
        ob.incident,
        ActivityKind.REOPENED_OBLIGATION,
        f"{_obligation_label(ob)} reopened - {reason}",
        actor=acting_user,
        before=before,
        after=after,
        obligation=ob,
    )
    result = recompute_obligations(
        ob.incident, acting_user=acting_user, reason=f"{ob.rule_code} reopened"
    )
    if ob not in result.changed:
        hooks.obligations_changed([ob])
    return ob


@transaction.atomic
def set_internal_target(
    obligation: Obligation, *, target_at: datetime | None, reason: str, acting_user
) -> Obligation:
    """Set (or clear, with ``target_at`` None) the team's own target date for an open obligation
    the law gives no fixed deadline. Reminders and calendar feeds then count down to it, labelled
    as an internal target. A recompute keeps it; a legal deadline, once known, takes precedence.
    """
    _require_user(acting_user)
    reason = _clean_text(reason, "reason", required=True, max_length=2000)
    if target_at is not None:
        if not isinstance(target_at, datetime) or timezone.is_naive(target_at):
            raise ActionError("target_at", "must be a date and time with its time zone")
        target_at = target_at.astimezone(_UTC)
    ob = _lock_obligation(obligation)
    if ob.status != ObligationStatus.OPEN or ob.superseded:
        raise ActionError("status", "an internal target can only be set on an open obligation")
    if ob.due_at is not None:
        raise ActionError(
            "target_at",
            "this obligation has a fixed legal deadline; an internal target is only for "
            "obligations without one",
        )
    if ob.target_at == target_at:
        raise ActionError("target_at", "is already set to this value")
    before = {"target_at": ob.target_at, "deadline_version": ob.deadline_version}
    now = timezone.now()
    ob.target_at = target_at
    ob.target_set_by = acting_user
    ob.target_set_at = now
    # The reminder deadline moved: old reminders are cancelled, new ones written.
    ob.deadline_version += 1
    ob.updated_at = now
    ob.save()
    what = f"set to {_iso_utc(target_at)}" if target_at else "cleared"
    log_activity(
        ob.incident,
        ActivityKind.TARGET_SET,
        f"Internal target of {_obligation_label(ob)} {what} - {reason}",
        actor=acting_user,
        before=before,
        after={"target_at": target_at, "deadline_version": ob.deadline_version, "reason": reason},
        obligation=ob,
    )
    hooks.obligations_changed([ob])
    return ob
