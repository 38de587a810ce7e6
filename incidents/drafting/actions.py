"""Every change to a notice draft: start it, save a new version, approve a version, record it
as sent (with its phase). Each runs in one transaction with its Activity row (who, when, before,
after), like ``incidents.actions``; the case is read by the caller through ``visible_to``.

Who may do what: anyone who may change the case drafts and edits (``can_edit``); approving also
needs ``drafting.approve_noticedraft`` (counsel, ``audit.roles``) - a viewer never approves.
Only the approved version can be recorded as sent, and recording it attaches that exact text and
its PDF to the case as the notification's evidence.
"""

from __future__ import annotations

import difflib
from datetime import UTC, datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from incidents import actions as case_actions
from incidents.actions import ActionError, hooks, log_activity
from incidents.actions.common import _iso_utc, _lock, _require_user
from incidents.choices import ActivityKind, AttachmentKind, ObligationStatus
from incidents.models import Obligation
from incidents.queries import can_edit

from . import checklist, outputs, prefill
from .choices import RECIPIENT_LABELS, DraftStatus, Phase
from .models import DraftVersion, NoticeDraft, NoticeLetter, NoticePhase

APPROVE_PERMISSION = "drafting.approve_noticedraft"
TEXT_MAX_LENGTH = 100_000


def may_draft(user, incident) -> bool:
    return can_edit(user, incident)


def may_approve(user, incident) -> bool:
    return can_edit(user, incident) and user.has_perm(APPROVE_PERMISSION)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise ActionError("acting_user", message)


def compute_checklist(draft: NoticeDraft, text: str) -> list[dict]:
    return checklist.check(text, draft.requirements, prefill.vocabulary(), draft.context)


def _clean_text(text) -> str:
    if not isinstance(text, str):
        raise ActionError("text", "must be text")
    text = text.replace("\r\n", "\n")
    if "\x00" in text:
        raise ActionError("text", "contains a character that cannot be stored (NUL)")
    if not text.strip():
        raise ActionError("text", "is empty; a notice needs its text")
    if len(text) > TEXT_MAX_LENGTH:
        raise ActionError("text", f"is longer than {TEXT_MAX_LENGTH:,} characters")
    return text


def _diff(before: str, after: str, number: int) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"version {number - 1}",
            tofile=f"version {number}",
        )
    )


def _diff_stats(diff: str) -> dict:
    lines = diff.splitlines()
    return {
        "added": sum(1 for x in lines if x.startswith("+") and not x.startswith("+++")),
        "removed": sum(1 for x in lines if x.startswith("-") and not x.startswith("---")),
    }


def _label(ob: Obligation) -> str:
    return f"{ob.rule_code} to {ob.authority or RECIPIENT_LABELS.get(ob.recipient, 'recipient')}"


@transaction.atomic
def start_draft(
    obligation: Obligation, *, acting_user, language: str = "en", letter=None, now=None
) -> NoticeDraft:
    """A new draft of ``obligation``'s notice, prefilled from the case (version 1)."""
    _require_user(acting_user)
    _require(may_draft(acting_user, obligation.incident), "you may not draft notices on this case")
    start = prefill.prefill(obligation, language=language, now=now)
    draft = NoticeDraft.objects.create(
        incident=obligation.incident,
        obligation=obligation,
        letter=letter,
        template=start.template,
        template_version=start.template.version if start.template else 0,
        language=start.template.language if start.template else language,
        rule_code=obligation.rule_code,
        rule_version=obligation.rule_version,
        requirements=start.requirements,
        context=start.context,
        created_by=acting_user,
    )
    version = DraftVersion.objects.create(
        draft=draft,
        number=1,
        text=start.text,
        checklist=compute_checklist(draft, start.text),
        created_by=acting_user,
    )
    log_activity(
        obligation.incident,
        ActivityKind.DRAFT_CREATED,
        f"Notice draft started for {_label(obligation)}"
        + (f" from the template “{start.template.name}”" if start.template else ""),
        actor=acting_user,
        after={
            "draft": draft.pk,
            "version": version.number,
            "template": start.template.name if start.template else None,
            "template_version": draft.template_version,
        },
        obligation=obligation,
    )
    return draft


@transaction.atomic
def start_letter(incident, *, acting_user, now=None) -> NoticeLetter:
    """One letter to individuals with a variant per jurisdiction: a draft for every open
    individuals' obligation of the case that has none yet."""
    _require_user(acting_user)
    _require(may_draft(acting_user, incident), "you may not draft notices on this case")
    obligations = [
        ob for ob in incident.obligations.all() if ob.recipient == "individuals" and ob.is_open
    ]
    if not obligations:
        raise ActionError("obligation", "this case owes no open notice to individuals")
    letter = NoticeLetter.objects.create(incident=incident, created_by=acting_user)
    for ob in obligations:
        start_draft(ob, acting_user=acting_user, letter=letter, now=now)
    return letter


def _locked(draft: NoticeDraft) -> NoticeDraft:
    # Row lock: two people saving at once both get a version, numbered one after the other.
    return (
        NoticeDraft.objects.select_for_update()
        .select_related("incident", "obligation")
        .get(pk=draft.pk)
    )


@transaction.atomic
def save_version(draft: NoticeDraft, text, *, acting_user) -> DraftVersion:
    """Save ``text`` as the draft's next version (with its diff and checklist). An approved
    draft whose text changes needs approving again; a sent draft is the record and stays."""
    _require_user(acting_user)
    draft = _locked(draft)
    _require(may_draft(acting_user, draft.incident), "you may not edit notices on this case")
    text = _clean_text(text)
    if draft.status == DraftStatus.SENT:
        raise ActionError("status", "this notice was sent; start a new draft for a new notice")
    latest = draft.latest()
    if latest is not None and latest.text == text:
        return latest
    number = (latest.number if latest else 0) + 1
    diff = _diff(latest.text if latest else "", text, number)
    version = DraftVersion.objects.create(
        draft=draft,
        number=number,
        text=text,
        diff=diff,
        checklist=compute_checklist(draft, text),
        created_by=acting_user,
    )
    before_status = draft.status
    if draft.status == DraftStatus.APPROVED:
        draft.status = DraftStatus.DRAFT
        draft.save(update_fields=["status"])
    stats = _diff_stats(diff)
    log_activity(
        draft.incident,
        ActivityKind.DRAFT_EDITED,
        f"Notice draft {draft.pk} for {_label(draft.obligation)}: version {number} "
        f"(+{stats['added']} -{stats['removed']} lines)",
        actor=acting_user,
        before={"version": number - 1, "status": before_status},
        after={"version": number, "status": draft.status, **stats},
        obligation=draft.obligation,
    )
    return version


@transaction.atomic
def approve(draft: NoticeDraft, *, acting_user, version_number: int | None = None) -> NoticeDraft:
    """Counsel approves the draft's latest version (or names the one they read: it must still
    be the latest, so nobody approves text they have not seen)."""
    _require_user(acting_user)
    draft = _locked(draft)
    _require(
        may_approve(acting_user, draft.incident),
        "only counsel on the case may approve a notice (a viewer cannot)",
    )
    if draft.status == DraftStatus.SENT:
        raise ActionError("status", "this notice was already sent")
    latest = draft.latest()
    if version_number is not None and version_number != latest.number:
        raise ActionError(
            "version",
            f"version {version_number} is not the latest (version {latest.number} is); "
            "read the latest before approving it",
        )
    if draft.status == DraftStatus.APPROVED and draft.approved_version_id == latest.pk:
        raise ActionError("status", f"version {latest.number} is already approved")
    before = {"status": draft.status, "approved_version": draft.approved_version_id}
    draft.status = DraftStatus.APPROVED
    draft.approved_version = latest
    draft.approved_by = acting_user
    draft.approved_at = timezone.now()
    draft.save(update_fields=["status", "approved_version", "approved_by", "approved_at"])
    open_items = [i["element"] for i in latest.checklist if i["required"] and not i["satisfied"]]
    log_activity(
        draft.incident,
        ActivityKind.DRAFT_APPROVED,
        f"Version {latest.number} of notice draft {draft.pk} for {_label(draft.obligation)} "
        "approved" + (f" with {len(open_items)} checklist item(s) open" if open_items else ""),
        actor=acting_user,
        before=before,
        after={
            "status": draft.status,
            "approved_version": latest.pk,
            "version": latest.number,
            "checklist_open": open_items,
        },
        obligation=draft.obligation,
    )
    return draft


def _upload(name: str, data: bytes, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


@transaction.atomic
def record_sent(
    draft: NoticeDraft,
    *,
    sent_at: datetime,
    method: str,
    sent_to: str,
    acting_user,
    reference: str = "",
    phase: str = Phase.COMPLETE,
    follow_up_target_at: datetime | None = None,
) -> NoticePhase:
    """Record that the approved version went out. Its exact text and PDF are attached to the
    case (kind: notification) and the obligation is recorded as notified with the PDF as its
    evidence. ``phase`` initial / follow-up leaves the obligation tracking the further
    information owed, with ``follow_up_target_at`` as the team's internal target; a later
    draft recorded as ``final`` (or ``complete``) closes that."""
    _require_user(acting_user)
    draft = _locked(draft)
    # The case's row lock, as every change to its obligations takes (incidents.actions): a
    # further phase changes the obligation's target and deadline version, which a Move target,
    # a reopen or a recompute running at the same moment would otherwise overwrite.
    _lock(draft.incident)
    _require(may_draft(acting_user, draft.incident), "you may not record notices on this case")
    if phase not in Phase.values:
        raise ActionError("phase", "must be complete, initial, follow-up or final")
    if draft.status == DraftStatus.SENT:
        raise ActionError("status", "this draft was already recorded as sent")
    if draft.status != DraftStatus.APPROVED or draft.approved_version_id is None:
        raise ActionError("status", "only an approved version can be recorded as sent")
    version = draft.approved_version
    more = phase in (Phase.INITIAL, Phase.FOLLOW_UP)
    if more:
        if follow_up_target_at is None:
            follow_up_target_at = prefill.follow_up_default(sent_at)
        if timezone.is_naive(follow_up_target_at):
            raise ActionError("follow_up_target_at", "must include a time zone")
        if follow_up_target_at <= sent_at:
            raise ActionError("follow_up_target_at", "must be after the notice was sent")
    else:
        follow_up_target_at = None
    ob = Obligation.objects.select_related("incident").get(pk=draft.obligation_id)
    incident = ob.incident
    earlier = list(ob.notice_phases.all())
    if ob.status != ObligationStatus.OPEN and not (earlier and earlier[-1].more_to_follow):
        raise ActionError(
            "status",
            f"the obligation is {ob.get_status_display().lower()} and owes no further information",
        )
    if not earlier and phase in (Phase.FOLLOW_UP, Phase.FINAL):
        raise ActionError("phase", "record the initial notice first")

    stem = f"{incident.reference}-{draft.rule_code}-v{version.number}"
    # Sent: what went out is no longer privileged (it is in the recipient's hands).
    text_file = case_actions.add_attachment(
        incident,
        _upload(f"{stem}.txt", version.text.encode("utf-8"), "text/plain"),
        acting_user=acting_user,
        kind=AttachmentKind.NOTIFICATION,
        privileged=False,
    )
    pdf_file = case_actions.add_attachment(
        incident,
        _upload(f"{stem}.pdf", outputs.draft_pdf(draft, version, sent=True), "application/pdf"),
        acting_user=acting_user,
        kind=AttachmentKind.NOTIFICATION,
        privileged=False,
    )
    if ob.status == ObligationStatus.OPEN:
        case_actions.record_notification(
            ob,
            sent_at=sent_at,
            method=method,
            sent_to=sent_to,
            acting_user=acting_user,
            reference=reference,
            evidence=pdf_file,
        )
    # The reminder deadline of a phased notice: the further information's target while more
    # is to follow, none once the final part is given (reminders.schedule.reminder_deadline).
    target_before = ob.follow_up_target_at
    _follow_up_target(ob.pk, follow_up_target_at.astimezone(UTC) if more else None)
    notice_phase = NoticePhase.objects.create(
        obligation=ob,
        phase=phase,
        draft_version=version,
        sent_at=sent_at,
        method=method,
        sent_to=(sent_to or "")[:300],
        reference=(reference or "")[:200],
        text_attachment=text_file,
        pdf_attachment=pdf_file,
        follow_up_target_at=follow_up_target_at,
        recorded_by=acting_user,
    )
    draft.status = DraftStatus.SENT
    draft.sent_at = sent_at
    draft.save(update_fields=["status", "sent_at"])
    follow = (
        f"; further information to follow, internal target {_iso_utc(follow_up_target_at)}"
        if more
        else ""
    )
    log_activity(
        incident,
        ActivityKind.NOTICE_PHASE,
        f"{Phase(phase).label}: version {version.number} of the approved notice for "
        f"{_label(ob)} recorded as sent, text and PDF attached{follow}",
        actor=acting_user,
        after={
            "draft": draft.pk,
            "version": version.number,
            "phase": phase,
            "text_attachment": text_file.pk,
            "pdf_attachment": pdf_file.pk,
            "sha256": pdf_file.sha256,
            "follow_up_target_at": follow_up_target_at,
        },
        before={"follow_up_target_at": target_before} if target_before else None,
        obligation=ob,
    )
    return notice_phase


def _follow_up_target(obligation_id: int, target: datetime | None) -> None:
    """Set the target the reminders count down to while further information is owed; a change
    is a new deadline version, and the reminder rows follow in this transaction (the old
    version's unsent rows cancelled, the new one's written). Reminders about the same target go
    on as they were."""
    ob = Obligation.objects.get(pk=obligation_id)  # as record_notification left it
    if ob.follow_up_target_at == target:
        return
    ob.follow_up_target_at = target
    ob.deadline_version += 1
    ob.updated_at = timezone.now()
    ob.save(update_fields=["follow_up_target_at", "deadline_version", "updated_at"])
    hooks.obligations_changed([ob])


@transaction.atomic
def set_follow_up_target(obligation, *, target_at: datetime, reason: str, acting_user):
    """Move the team's target for the further information a notice given in phases still owes
    (say the authority agreed to a later date). The reminders follow it: a new deadline
    version, the old one's unsent reminders cancelled, the new one's written. The phases keep
    the target they were recorded with; the obligation holds the current one. Reason required;
    the move is on the timeline with the target before and after."""
    from incidents.actions.common import _clean_text

    _require_user(acting_user)
    reason = _clean_text(reason, "reason", required=True, max_length=2000)
    if not isinstance(target_at, datetime) or timezone.is_naive(target_at):
        raise ActionError("target_at", "must be a date and time with its time zone")
    target_at = target_at.astimezone(UTC)
    _lock(obligation.incident)
    ob = Obligation.objects.select_related("incident").get(pk=obligation.pk)
    _require(may_draft(acting_user, ob.incident), "you may not change this case")
    latest = follow_up_owed(ob)
    if ob.superseded or ob.status != ObligationStatus.NOTIFIED or latest is None:
        raise ActionError("target_at", "no further information is owed on this obligation")
    if target_at <= latest.sent_at:
        raise ActionError("target_at", "must be after the last part of the notice was sent")
    if target_at <= timezone.now():
        # A target already passed would send the overdue notice, and its escalation, at once.
        raise ActionError("target_at", "must be in the future")
    if ob.follow_up_target_at == target_at:
        raise ActionError("target_at", "is already set to this value")
    before = {
        "follow_up_target_at": ob.follow_up_target_at,
        "deadline_version": ob.deadline_version,
    }
    _follow_up_target(ob.pk, target_at)
    ob.refresh_from_db()
    log_activity(
        ob.incident,
        ActivityKind.TARGET_SET,
        f"Target for the further information owed under {ob.citation or ob.regime or ob.rule_code}"
        f" to {ob.authority or RECIPIENT_LABELS.get(ob.recipient, 'the recipient')} moved from "
        f"{_iso_utc(before['follow_up_target_at'])} to {_iso_utc(target_at)} (internal target) "
        f"- {reason}",
        actor=acting_user,
        before=before,
        after={
            "follow_up_target_at": target_at,
            "deadline_version": ob.deadline_version,
            "reason": reason,
        },
        obligation=ob,
    )
    return ob


def follow_up_owed(obligation) -> NoticePhase | None:
    """The latest phase of a phased notice while further information is still owed."""
    phases = list(obligation.notice_phases.all())
    if phases and phases[-1].more_to_follow:
        return phases[-1]
    return None
