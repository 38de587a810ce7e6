"""Changes users make to reminders. Like ``incidents.actions``: one transaction, one timeline
entry with who, when, before and after."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .choices import ReminderStatus
from .models import Reminder, ReminderSnooze
from .schedule import catch_up_row, further_information_owed, reminder_deadline

MAX_SNOOZE = timedelta(days=30)


@transaction.atomic
def snooze_reminders(obligation, *, until: datetime, reason: str, acting_user) -> ReminderSnooze:
    """Hold one obligation's reminders until ``until``, with a reason that is logged.

    Pending reminders falling due before ``until`` are marked snoozed; if any were, one catch-up
    notice goes out at ``until`` saying where the deadline stands then (so a snooze over the
    deadline still ends in an overdue notice, and the overdue series carries on from it).
    Raises ValidationError naming the field; changes nothing then.
    """
    from incidents.actions import log_activity
    from incidents.choices import ActivityKind

    now = timezone.now()
    reason = (reason or "").strip()
    errors = {}
    if until is None or timezone.is_naive(until):
        errors["until"] = "Give a date and time with a time zone."
    elif until <= now:
        errors["until"] = "Snooze until a time in the future."
    elif until - now > MAX_SNOOZE:
        errors["until"] = "Snooze for at most 30 days."
    if not reason:
        errors["reason"] = "Say why the reminders are snoozed; it is logged on the case."
    owes = obligation.status == "open" or further_information_owed(obligation)
    if not owes or reminder_deadline(obligation) is None:
        errors["obligation"] = (
            "Only an open obligation with a deadline, or further information still owed, has "
            "reminders to snooze."
        )
    if errors:
        raise ValidationError(errors)

    snooze = ReminderSnooze.objects.create(
        obligation=obligation, until=until, reason=reason, created_by=acting_user
    )
    held = list(
        Reminder.objects.select_for_update()
        .filter(obligation=obligation, status=ReminderStatus.PENDING, due_at__lt=until)
        .values_list("pk", flat=True)
    )
    Reminder.objects.filter(pk__in=held).update(
        status=ReminderStatus.SNOOZED,
        closed_at=now,
        closed_reason=f"snoozed until {until:%Y-%m-%d %H:%M} UTC",
        lease_token=None,
    )
    catch_up = None
    if held:
        taken = set(
            Reminder.objects.filter(
                obligation=obligation, deadline_version=obligation.deadline_version
            ).values_list("offset_minutes", flat=True)
        )
        catch_up = catch_up_row(
            Reminder, obligation, reminder_deadline(obligation), until, taken=taken
        )
        catch_up.save()
    log_activity(
        obligation.incident,
        ActivityKind.REMINDER_SNOOZED,
        f"Reminders for {obligation} snoozed until {until:%Y-%m-%d %H:%M} UTC: {reason}",
        actor=acting_user,
        before={"pending_reminders": len(held)},
        after={
            "until": until.isoformat(),
            "reason": reason,
            "snoozed_reminders": held,
            "catch_up_reminder": catch_up.pk if catch_up else None,
        },
        obligation=obligation,
    )
    return snooze
