"""One "overdue" email per deadline at a time.

Several rows can come due after a deadline: the notice written in place of moments that passed
unsent (a deadline computed or a case opened late, the worker down, a snooze ending), the planned
overdue notice 15 minutes after the deadline, the daily repeats. Each would say "OVERDUE" to the
same people, sometimes a minute apart. The first one is the news; a second within half the
repeat interval (so a daily repeat still goes) is folded into it, and the daily series goes on
from the deadline as if it had been sent.

Escalation is not lost by folding: every notice due after its deadline is an overdue notice
(``Reminder.is_overdue_notice``), so the one that went first already went to the escalation
contact.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .choices import ReminderStatus
from .emails import DUE_NOW_WINDOW

# Without a repeat in the policy: still no second "overdue" within this.
DEFAULT_QUIET = timedelta(hours=12)


def quiet_period(offsets) -> timedelta:
    repeat = offsets.repeat_overdue_every
    return min(DEFAULT_QUIET, repeat / 2) if repeat else DEFAULT_QUIET


def says_overdue(row, now: datetime) -> bool:
    """Would this row, sent now, tell its readers the deadline has passed? (emails.timing)"""
    return now - row.deadline_at > DUE_NOW_WINDOW


def already_told(rows, now: datetime) -> dict[int, datetime]:
    """Of these rows about to be sent, those whose readers were told "overdue" for the same
    deadline version within its quiet period: row id -> when that notice went out. One query."""
    from .models import Reminder

    candidates = [r for r in rows if says_overdue(r, now)]
    if not candidates:
        return {}
    sent = {}
    earliest = now - DEFAULT_QUIET
    for obligation_id, version, sent_at, due_at, deadline_at, offset, kind in (
        Reminder.objects.filter(
            obligation_id__in={r.obligation_id for r in candidates},
            status=ReminderStatus.SENT,
            sent_at__gte=earliest,
        )
        .order_by("sent_at")
        .values_list(
            "obligation_id",
            "deadline_version",
            "sent_at",
            "due_at",
            "deadline_at",
            "offset_minutes",
            "kind",
        )
    ):
        told = Reminder(
            kind=kind, offset_minutes=offset, due_at=due_at, deadline_at=deadline_at
        ).is_overdue_notice
        if told:
            sent[(obligation_id, version)] = sent_at
    if not sent:
        return {}
    from .schedule import PolicyBook

    book = PolicyBook()
    out = {}
    for row in candidates:
        at = sent.get((row.obligation_id, row.deadline_version))
        if at is not None and now - at < quiet_period(book.offsets_for(row.obligation)):
            out[row.pk] = at
    return out
