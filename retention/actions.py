"""The one door for retention changes: legal holds, retention policies and the purge.

Each change runs in one transaction and writes the case timeline (mirrored into the audit
trail) or, for a policy, an audit event, with who, when, before and after.
"""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone

from audit.choices import Action
from audit.recording import record
from incidents.actions import ActionError, log_activity
from incidents.choices import ActivityKind
from incidents.models import Attachment, Incident, Note

from .models import CasePurge, LegalHold, RetentionPolicy
from .periods import MAX_YEARS
from .selectors import CaseRetention, active_hold, case_retention, due_for_purge

log = logging.getLogger(__name__)

HOLD_PERMISSION = "retention.manage_legal_hold"
POLICY_PERMISSION = "retention.change_retentionpolicy"
REASON_MAX = 2000
REMOVED_NAME = "Removed when the retention period ended"


class LegalHoldError(Exception):
    """A deletion or purge was refused because the case is on legal hold."""


def may_manage_holds(user, incident) -> bool:
    """Counsel and the privacy office (``retention.manage_legal_hold``) - counsel only on a case
    where their role may change it (a viewer on the case is read-only whatever their groups)."""
    from incidents.choices import TeamRole
    from incidents.queries import _team_role, sees_all

    if not (user and user.is_authenticated and user.has_perm(HOLD_PERMISSION)):
        return False
    if sees_all(user):
        return True
    # The case page's prefetched team answers without a query.
    return _team_role(user, incident) not in (None, TeamRole.VIEWER)


def _reason(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ActionError("reason", "say why (the reason is part of the case's record)")
    value = value.strip()
    if len(value) > REASON_MAX:
        raise ActionError("reason", f"at most {REASON_MAX} characters")
    return value


def _check_may_manage(acting_user, incident) -> None:
    if not may_manage_holds(acting_user, incident):
        raise ActionError("legal_hold", "only counsel or the privacy office may set or lift it")


def _lock(incident) -> Incident:
    # Row lock on the case: a hold being set and the purge (or a second hold) run one after the
    # other, so the purge never empties a case that a hold has just been placed on.
    return (
        Incident.objects.unrestricted("lock of the case being changed")
        .select_for_update()
        .get(pk=incident.pk)
    )


@transaction.atomic
def set_legal_hold(incident, *, reason, acting_user) -> LegalHold:
    """Place the case on legal hold: from now on nothing of it may be deleted or purged."""
    _check_may_manage(acting_user, incident)
    reason = _reason(reason)
    incident = _lock(incident)
    if active_hold(incident) is not None:
        raise ActionError("legal_hold", "the case is already on legal hold")
    hold = LegalHold.objects.create(incident=incident, reason=reason, set_by=acting_user)
    log_activity(
        incident,
        ActivityKind.LEGAL_HOLD_SET,
        f"Legal hold set: {reason}",
        actor=acting_user,
        before={"legal_hold": None},
        after={"legal_hold": _hold_state(hold)},
    )
    return hold


@transaction.atomic
def lift_legal_hold(incident, *, reason, acting_user) -> LegalHold:
    """Lift the standing hold; deletion and the purge apply again."""
    _check_may_manage(acting_user, incident)
    reason = _reason(reason)
    incident = _lock(incident)
    hold = active_hold(incident)
    if hold is None:
        raise ActionError("legal_hold", "the case is not on legal hold")
    before = _hold_state(hold)
    hold.lifted_at = timezone.now()
    hold.lifted_by = acting_user
    hold.lift_reason = reason
    hold.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    log_activity(
        incident,
        ActivityKind.LEGAL_HOLD_LIFTED,
        f"Legal hold lifted: {reason}",
        actor=acting_user,
        before={"legal_hold": before},
        after={"legal_hold": None},
    )
    return hold


def _hold_state(hold: LegalHold) -> dict:
    return {
        "reason": hold.reason,
        "set_by": hold.set_by.get_username(),
        "set_at": hold.set_at,
    }


@transaction.atomic
def set_retention_policy(organisation, *, years, basis: str = "", acting_user) -> RetentionPolicy:
    """Set how long an organisation keeps closed cases (None: as long as the law demands)."""
    if not (acting_user and acting_user.is_authenticated) or not acting_user.has_perm(
        POLICY_PERMISSION
    ):
        raise ActionError("years", "only the privacy office may change the retention policy")
    if years in ("", None):
        years = None
    else:
        try:
            years = int(years)
        except (TypeError, ValueError):
            raise ActionError("years", "a whole number of years, or blank") from None
        if not 1 <= years <= MAX_YEARS:
            raise ActionError("years", f"between 1 and {MAX_YEARS} years, or blank")
    basis = (basis or "").strip()
    policy, _ = RetentionPolicy.objects.select_for_update().get_or_create(organisation=organisation)
    before = {"years": policy.years, "basis": policy.basis}
    policy.years, policy.basis = years, basis
    policy.updated_by, policy.updated_at = acting_user, timezone.now()
    policy.save()
    record(
        Action.CHANGE,
        actor=acting_user,
        obj=policy,
        summary=f"Retention policy of {organisation}: {years or 'as long as the law demands'}"
        + (f" years ({basis})" if years and basis else " years" if years else ""),
        before=before,
        after={"years": years, "basis": basis},
    )
    return policy


# --- the purge --------------------------------------------------------------------------------
@transaction.atomic
def purge_case(
    incident, *, as_of: date, retention: CaseRetention | None = None
) -> CasePurge | None:
    """Remove the personal data of one expired case: attachment files (the row stays with its
    kind, size and SHA-256, so the record shows a file existed) and the text of notes marked
    personal. Returns None, touching nothing, when the case is on hold or not expired.
    """
    incident = _lock(incident)
    if active_hold(incident) is not None:
        log.info("purge skipped: %s is on legal hold", incident.reference)
        return None
    retention = retention or case_retention(incident)
    if not retention.expired_on(as_of):
        return None
    files = list(Attachment.objects.select_for_update().filter(incident=incident).exclude(file=""))
    notes = list(
        Note.objects.select_for_update().filter(incident=incident, personal=True).exclude(text="")
    )
    stored = [a.file.name for a in files]
    for attachment in files:
        attachment.name, attachment.file = REMOVED_NAME, ""
        attachment.save(update_fields=["name", "file"])
    Note.objects.filter(pk__in=[n.pk for n in notes]).update(text="")
    purge = CasePurge.objects.create(
        incident=incident,
        as_of=as_of,
        retained_until=retention.until,
        attachments=len(files),
        notes=len(notes),
        basis=list(retention.retention.why),
    )
    log_activity(
        incident,
        ActivityKind.PERSONAL_DATA_PURGED,
        f"Retention period ended on {retention.until:%Y-%m-%d}: removed {len(files)} "
        f"file{'s' if len(files) != 1 else ''} and the text of {len(notes)} personal "
        f"note{'s' if len(notes) != 1 else ''}",
        before={
            "attachments": [{"id": a.pk, "sha256": a.sha256} for a in files],
            "personal_notes": [n.pk for n in notes],
        },
        after={"retained_until": retention.until, "basis": list(retention.retention.why)},
    )
    # Files go only once the rows saying so are committed: a rollback must not lose a file the
    # database still points at.
    storage = Attachment._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in stored if name])
    return purge


def purge_expired(*, as_of: date | None = None, dry_run: bool = False) -> list[str]:
    """Purge every case due on ``as_of`` (today by default); the references, in order.

    Each case is purged in its own transaction, with the hold checked again under the case's
    row lock, so a hold placed while the purge runs still protects its case.
    """
    as_of = as_of or timezone.localdate()
    due = due_for_purge(as_of)
    if dry_run:
        return [incident.reference for incident, _ in due]
    done = []
    for incident, retention in due:
        if purge_case(incident, as_of=as_of, retention=retention) is not None:
            done.append(incident.reference)
    return done
