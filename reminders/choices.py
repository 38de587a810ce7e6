"""Enumerations of the reminders app (stored values never change; labels may)."""

from django.db import models


class ReminderKind(models.TextChoices):
    BEFORE = "before", "before the deadline"
    AT_DEADLINE = "at_deadline", "at the deadline"
    OVERDUE = "overdue", "overdue notice"
    DAILY_OVERDUE = "daily_overdue", "daily overdue notice"
    # Written instead of reminders whose moment passed unsent (scheduled late, worker down,
    # snoozed): one notice that says where things stand now, never a pile of stale ones.
    CATCH_UP = "catch_up", "catch-up notice"


class ReminderStatus(models.TextChoices):
    PENDING = "pending", "pending"
    SENT = "sent", "sent"
    # The deadline moved or the obligation was closed before this row went out.
    CANCELLED = "cancelled", "cancelled"
    # Its moment passed by more than the stale cut-off; a catch-up notice went instead.
    FOLDED = "folded", "folded into a catch-up notice"
    # Snoozed by a user; a catch-up notice goes at the end of the snooze if one is needed.
    SNOOZED = "snoozed", "snoozed"
    FAILED = "failed", "failed"


class ReminderOwed(models.TextChoices):
    """What the reminder counts down to: the notice itself, or the further information a notice
    given in phases still owes (GDPR Art 33(4)) once its first part was sent."""

    NOTICE = "notice", "the notice"
    FURTHER_INFORMATION = "further_information", "further information (notice in phases)"
