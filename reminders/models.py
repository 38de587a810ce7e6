"""Reminder rows: the schedule of deadline emails, kept in the database.

The rows are the source of truth (see ``reminders/schedule.py`` for how they are written and
``reminders/tasks.py`` for how the beat task claims and sends them). Celery only carries the
short-lived "send this row now" message; losing that message loses nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from .choices import ReminderKind, ReminderOwed, ReminderStatus


class ReminderPolicy(models.Model):
    """When reminders go out for an obligation: offsets before the deadline, the overdue notice
    and its daily repeat.

    The most specific active policy wins: one naming the rule code, then one naming the recipient
    kind (e.g. ``individuals``), then the global policy (both blank). With no policy at all the
    built-in default applies: 72 h, 24 h, 4 h and 1 h before, at the deadline, an overdue notice
    15 minutes after it, then daily.
    """

    name = models.CharField(max_length=100)
    rule_code = models.CharField(
        max_length=64, blank=True, help_text="Rule code, e.g. EU-GDPR-SA; blank for any rule."
    )
    recipient_kind = models.CharField(
        max_length=64,
        blank=True,
        help_text="Recipient kind, e.g. supervisory_authority or individuals; blank for any.",
    )
    before = models.CharField(
        max_length=200,
        default="72h, 24h, 4h, 1h",
        help_text="Offsets before the deadline, comma-separated: 72h, 90m, 2d, 1h30m.",
    )
    at_deadline = models.BooleanField(default=True)
    overdue_after = models.CharField(
        max_length=20,
        default="15m",
        blank=True,
        help_text="How long after the deadline the overdue notice goes (blank: none).",
    )
    repeat_overdue_every = models.CharField(
        max_length=20,
        default="1d",
        blank=True,
        help_text="Repeat the overdue notice this often while overdue (blank: never).",
    )
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "reminder policies"
        constraints = [
            models.UniqueConstraint(
                fields=["rule_code", "recipient_kind"], name="reminder_policy_unique_scope"
            )
        ]

    def __str__(self):
        scope = self.rule_code or self.recipient_kind or "global"
        return f"{self.name} ({scope})"

    def clean(self):
        from .schedule import parse_duration, parse_offsets

        errors = {}
        for field, parser in (
            ("before", parse_offsets),
            ("overdue_after", parse_duration),
            ("repeat_overdue_every", parse_duration),
        ):
            value = getattr(self, field)
            if field != "before" and not value:
                continue
            try:
                parser(value)
            except ValueError as exc:
                errors[field] = str(exc)
        if self.repeat_overdue_every and not errors.get("repeat_overdue_every"):
            if parse_duration(self.repeat_overdue_every).total_seconds() < 3600:
                errors["repeat_overdue_every"] = "Repeat at most once an hour."
        if errors:
            raise ValidationError(errors)


class DistributionList(models.Model):
    """Extra addresses that receive the reminders of one case, or of every obligation owed in a
    jurisdiction (e.g. the DPO's mailbox for ``DE``), besides the case team."""

    incident = models.ForeignKey(
        "incidents.Incident",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reminder_lists",
    )
    jurisdiction = models.CharField(
        max_length=16, blank=True, help_text="ISO code, e.g. DE or US-CA; blank for a case list."
    )
    addresses = models.TextField(help_text="One email address per line.")
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(incident__isnull=False) & Q(jurisdiction=""))
                | (Q(incident__isnull=True) & ~Q(jurisdiction="")),
                name="distribution_list_case_xor_jurisdiction",
            )
        ]

    def __str__(self):
        # The reference, never the title: admin messages and logs show this string.
        where = self.incident.reference if self.incident_id else self.jurisdiction
        return f"Distribution list for {where}"

    def address_list(self) -> list[str]:
        return [line.strip() for line in self.addresses.splitlines() if line.strip()]

    def clean(self):
        from django.core.validators import validate_email

        if bool(self.incident_id) == bool(self.jurisdiction):
            raise ValidationError("Give either a case or a jurisdiction, not both.")
        for address in self.address_list():
            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError({"addresses": f"Not an email address: {address}"}) from None


class Reminder(models.Model):
    """One email due at one moment for one version of an obligation's deadline.

    ``offset_minutes`` is signed and relative to the deadline (-1440: 24 hours before; 15: the
    overdue notice 15 minutes after). A deadline change bumps the obligation's
    ``deadline_version``: the old version's unsent rows are cancelled and new ones written, so
    (obligation, offset, version) identifies a reminder for good and its ``message_id`` is stable
    across retries — a duplicate delivery is recognisable by the receiver.

    ``owed`` says what the deadline is: the notice itself, or (once the first part of a notice
    given in phases was sent) the further information still owed, counting down to the
    obligation's ``follow_up_target_at``. Recording that part bumps the version like any other
    change of the reminder deadline, so the same rules keep both kinds single and never lost.

    Claiming: a dispatcher sets ``lease_token`` and ``leased_until``; only the holder of the
    current token may send, and a lease that ran out (worker died) makes the row claimable again.
    """

    obligation = models.ForeignKey(
        "incidents.Obligation", on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    # Fixed when the row is written (from the obligation's state at that deadline version): the
    # email, the timeline entry and the case page say which of the two this reminder was about.
    owed = models.CharField(
        max_length=24, choices=ReminderOwed.choices, default=ReminderOwed.NOTICE
    )
    offset_minutes = models.IntegerField(
        help_text="Minutes relative to the deadline: negative before, positive after."
    )
    deadline_version = models.PositiveIntegerField()
    deadline_at = models.DateTimeField(help_text="The deadline (UTC) this reminder is about.")
    due_at = models.DateTimeField(help_text="When to send (UTC).")
    status = models.CharField(
        max_length=12, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    lease_token = models.UUIDField(null=True, blank=True)
    leased_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_reason = models.CharField(max_length=200, blank=True)
    delivered_to = models.JSONField(default=list, blank=True)
    failed_recipients = models.JSONField(
        default=dict, blank=True, help_text="Address -> permanent SMTP error."
    )
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "offset_minutes", "deadline_version"],
                name="reminder_unique_obligation_offset_version",
            )
        ]
        indexes = [
            # Used by reminders.tasks.claim_due_reminders (beat task dispatch_due_reminders):
            # "pending rows due by now, oldest first". Partial, so its size follows the rows
            # still to send, not the millions already sent.
            models.Index(
                fields=["due_at"],
                condition=Q(status="pending"),
                name="reminder_pending_due_idx",
            ),
            # reminders.health: "delivery failures in the last 24 hours" on /health/ and the
            # dashboard.
            models.Index(
                fields=["closed_at"],
                condition=Q(status="failed"),
                name="reminder_failed_idx",
            ),
            # The case page's "reminders and delivery failures" list.
            models.Index(fields=["obligation", "status"], name="reminder_obligation_status_idx"),
        ]

    def __str__(self):
        what = " (further information)" if self.is_further_information else ""
        return f"{self.get_kind_display()}{what} {self.offset_minutes:+d}m v{self.deadline_version}"

    @property
    def is_further_information(self) -> bool:
        return self.owed == ReminderOwed.FURTHER_INFORMATION

    @property
    def message_id(self) -> str:
        """Stable per reminder (not per attempt): retries and redeliveries carry the same id."""
        return f"<reminder.{self.pk}@{message_id_domain()}>"

    @property
    def is_overdue_notice(self) -> bool:
        """After the deadline: it goes to the escalation contact too and starts the daily
        series. Any row due after its deadline is one (the planned overdue notices, and a notice
        written in place of moments that passed unsent), so that the first "overdue" email
        escalates and a second a minute later can be folded (reminders.overdue_once)."""
        return (
            self.offset_minutes > 0
            or self.due_at > self.deadline_at
            or (self.kind == ReminderKind.CATCH_UP and self.due_at >= self.deadline_at)
        )


def message_id_domain() -> str:
    from urllib.parse import urlparse

    return urlparse(settings.SITE_URL).hostname or "localhost"


class ReminderSnooze(models.Model):
    """A user's decision to hold one obligation's reminders until a time, with the reason.

    Reminders falling due before ``until`` are marked snoozed; if any were, one catch-up notice
    goes out at ``until`` (reminders.actions.snooze_reminders writes it, and logs the snooze on
    the case timeline).
    """

    obligation = models.ForeignKey(
        "incidents.Obligation", on_delete=models.CASCADE, related_name="reminder_snoozes"
    )
    until = models.DateTimeField()
    reason = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Snoozed until {self.until:%Y-%m-%d %H:%M} UTC"


class DispatchHeartbeat(models.Model):
    """The last run of the beat task, one row per task name: ``/health/`` and the dashboard show
    how long ago the dispatcher last ran."""

    name = models.CharField(max_length=64, unique=True)
    last_run_at = models.DateTimeField()
    last_claimed = models.PositiveIntegerField(default=0)
    last_folded = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.name} at {self.last_run_at:%Y-%m-%d %H:%M:%S} UTC"
