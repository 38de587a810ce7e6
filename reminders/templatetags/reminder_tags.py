"""Reminder panels that other pages include with one tag: the dashboard's health line and the
case page's reminders (next, snoozed, delivery failures, snooze links)."""

from django import template
from django.db.models import Q
from django.utils import timezone

from reminders.choices import ReminderStatus
from reminders.health import reminder_health

register = template.Library()


@register.inclusion_tag("reminders/_health_line.html")
def reminder_health_line():
    return {"health": reminder_health()}


@register.inclusion_tag("reminders/_case_reminders.html")
def case_reminders(incident, can_edit=False):
    from reminders.models import Reminder, ReminderSnooze
    from reminders.schedule import further_information_owed

    now = timezone.now()
    # An internal target (no legal deadline) has reminders too, and so has the further
    # information a notice given in phases still owes (its first part was sent).
    obligations = [
        ob
        for ob in incident.obligations.all()
        if (ob.is_open and (ob.due_at is not None or ob.target_at is not None))
        or (further_information_owed(ob) and not ob.superseded)
    ]
    rows = list(
        Reminder.objects.filter(obligation__incident=incident)
        .filter(
            Q(status=ReminderStatus.PENDING)
            | Q(status=ReminderStatus.FAILED)
            | ~Q(failed_recipients={})
            | Q(status=ReminderStatus.SENT)
        )
        .order_by("due_at", "id")
    )
    snoozes = {}
    for snooze in ReminderSnooze.objects.filter(
        obligation__incident=incident, until__gt=now
    ).order_by("until"):
        snoozes[snooze.obligation_id] = snooze
    lines = []
    for ob in obligations:
        mine = [r for r in rows if r.obligation_id == ob.pk]
        pending = [r for r in mine if r.status == ReminderStatus.PENDING]
        sent = [r for r in mine if r.status == ReminderStatus.SENT]
        lines.append(
            {
                "obligation": ob,
                "next": pending[0] if pending else None,
                "last_sent": sent[-1] if sent else None,
                "snooze": snoozes.get(ob.pk),
                "further": further_information_owed(ob),
            }
        )
    failures = [r for r in rows if r.status == ReminderStatus.FAILED or r.failed_recipients]
    return {
        "incident": incident,
        "lines": lines,
        "failures": failures,
        "can_edit": can_edit,
    }
