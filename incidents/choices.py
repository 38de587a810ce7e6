"""Enumerations of the cases app. Vocabulary shared with the facts format lives in the engine."""

from django.db import models

from jurisdictions.engine import vocabulary
from jurisdictions.engine.facts import DATA_CATEGORIES  # noqa: F401 - re-exported for forms
from jurisdictions.engine.rules import EVENTS, RECIPIENTS, RISK_LEVELS

FACTS_FORMAT = "breachclock.facts/1"
FACTS_FORMAT_2 = "breachclock.facts/2"
OBLIGATIONS_FORMAT = "breachclock.obligations/1"

# The facts format's vocabulary is the engine's (jurisdictions/engine/facts.py): one list.
# How each data category reads on pages, in reports and in forms (one mapping for all of them;
# "ssn" must never show as "Ssn"): the engine's vocabulary, which the why-texts use too.
DATA_CATEGORY_LABELS = vocabulary.DATA_CATEGORY_LABELS
CAUSES = (
    "external_attack",
    "ransomware",
    "insider_misuse",
    "loss_or_theft",
    "misdirected_disclosure",
    "system_failure",
    "other",
)
EVENT_NAMES = EVENTS
RECIPIENT_NAMES = RECIPIENTS


class IncidentStatus(models.TextChoices):
    TRIAGE = "triage", "Triage"
    INVESTIGATING = "investigating", "Investigating"
    NOTIFYING = "notifying", "Notifying"
    CLOSED = "closed", "Closed"
    REOPENED = "reopened", "Reopened"


class Severity(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    CRITICAL = "critical", "Critical"


class OrganisationRole(models.TextChoices):
    CONTROLLER = "controller", "Controller"
    PROCESSOR = "processor", "Processor"


class RiskOfHarm(models.TextChoices):
    """The facts format's harm scale, lowest first (matches the engine's RISK_LEVELS)."""

    NONE = "none", "None: no reasonable likelihood of harm"
    UNLIKELY = "unlikely", "Unlikely to result in a risk"
    RISK = "risk", "Risk"
    HIGH = "high", "High risk"


class Cause(models.TextChoices):
    EXTERNAL_ATTACK = "external_attack", "External attack"
    RANSOMWARE = "ransomware", "Ransomware"
    INSIDER_MISUSE = "insider_misuse", "Insider misuse"
    LOSS_OR_THEFT = "loss_or_theft", "Loss or theft"
    MISDIRECTED_DISCLOSURE = "misdirected_disclosure", "Misdirected disclosure"
    SYSTEM_FAILURE = "system_failure", "System failure"
    OTHER = "other", "Other"


assert tuple(RiskOfHarm.values) == RISK_LEVELS and tuple(Cause.values) == CAUSES  # noqa: S101


class TeamRole(models.TextChoices):
    OWNER = "owner", "Owner"
    LEAD = "lead", "Incident lead"
    COUNSEL = "counsel", "Counsel"
    RESPONDER = "responder", "Responder"
    VIEWER = "viewer", "Viewer"


class ObligationStatus(models.TextChoices):
    OPEN = "open", "Open"
    NOTIFIED = "notified", "Notified"
    NOT_REQUIRED = "not_required", "Not required"
    WAIVED = "waived", "Waived"


# Statuses a person decided; recompute never reverts them.
ACTED_ON = (ObligationStatus.NOTIFIED, ObligationStatus.NOT_REQUIRED, ObligationStatus.WAIVED)


class NotificationMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PORTAL = "portal", "Online portal / filing system"
    LETTER = "letter", "Letter / post"
    PHONE = "phone", "Telephone"
    FAX = "fax", "Fax"
    IN_PERSON = "in_person", "In person"
    PUBLIC_NOTICE = "public_notice", "Public notice / media"
    OTHER = "other", "Other"


class AttachmentKind(models.TextChoices):
    EVIDENCE = "evidence", "Evidence"
    NOTIFICATION = "notification", "Notification letter or filing"
    REPORT = "report", "Report"
    CORRESPONDENCE = "correspondence", "Correspondence"
    AFFECTED_LIST = "affected_list", "List of affected people"
    OTHER = "other", "Other"


class ActivityKind(models.TextChoices):
    """What an activity row records. Other apps may log their own kinds (e.g. reminders)."""

    OPENED = "opened", "Incident opened"
    FACTS_CHANGED = "facts_changed", "Facts changed"
    EVENT_RECORDED = "event_recorded", "Event recorded"
    AFFECTED_CHANGED = "affected_changed", "Affected people changed"
    DETAILS_CHANGED = "details_changed", "Details changed"
    STATUS_CHANGED = "status_changed", "Status changed"
    TEAM_ADDED = "team_added", "Team member added"
    TEAM_REMOVED = "team_removed", "Team member removed"
    TEAM_ROLE_CHANGED = "team_role_changed", "Team role changed"
    NOTE_ADDED = "note_added", "Note added"
    ATTACHMENT_ADDED = "attachment_added", "Attachment added"
    OBLIGATIONS_RECOMPUTED = "obligations_recomputed", "Obligations recomputed"
    OBLIGATION_ADDED = "obligation_added", "Obligation added"
    DEADLINE_MOVED = "deadline_moved", "Deadline moved"
    OBLIGATION_CHANGED = "obligation_changed", "Obligation details changed"
    OBLIGATION_NO_LONGER_APPLIES = "obligation_no_longer_applies", "Obligation no longer applies"
    OBLIGATION_SUPERSEDED = "obligation_superseded", "Acted-on obligation no longer applies"
    OBLIGATION_APPLIES_AGAIN = "obligation_applies_again", "Obligation applies again"
    NOTIFICATION_RECORDED = "notification_recorded", "Notification recorded"
    MARKED_NOT_REQUIRED = "marked_not_required", "Marked not required"
    WAIVED = "waived", "Waived"
    REOPENED_OBLIGATION = "obligation_reopened", "Obligation reopened"
    TARGET_SET = "target_set", "Internal target set"
    REMINDER_SENT = "reminder_sent", "Reminder sent"
    REMINDER_FAILED = "reminder_failed", "Reminder could not be delivered"
    REMINDER_SNOOZED = "reminder_snoozed", "Reminders snoozed"
    FEED_TOKEN = "feed_token", "Calendar feed link changed"
    EXPORTED = "exported", "Exported"
    HOLD_RECORDED = "hold_recorded", "Delay of notices recorded"
    HOLD_LIFTED = "hold_lifted", "Delay of notices lifted"
    CONFLICT_FOUND = "conflict_found", "Conflict between rules found"
    CONFLICT_GONE = "conflict_gone", "Conflict between rules no longer arises"
    CONFLICT_DECIDED = "conflict_decided", "Decision on a conflict recorded"
    ASSESSMENT_RECORDED = "assessment_recorded", "Risk-of-harm assessment recorded"
    REGISTER_CHANGED = "register_changed", "Register entry changed"
    DRAFT_CREATED = "draft_created", "Notice draft started"
    DRAFT_EDITED = "draft_edited", "Notice draft edited"
    DRAFT_APPROVED = "draft_approved", "Notice draft approved"
    NOTICE_PHASE = "notice_phase", "Phase of a notice recorded"
    # Retention (retention.actions): a legal hold stops every deletion; the purge removes
    # personal data once the retention period has run.
    LEGAL_HOLD_SET = "legal_hold_set", "Legal hold set"
    LEGAL_HOLD_LIFTED = "legal_hold_lifted", "Legal hold lifted"
    PERSONAL_DATA_PURGED = "personal_data_purged", "Personal data removed (retention ended)"
