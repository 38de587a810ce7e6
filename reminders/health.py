"""The reminder line of ``/health/`` and the dashboard: is anything due left unsent, when did the
beat last run, how many reminders could not be delivered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Min
from django.utils import timezone

from .choices import ReminderStatus


@dataclass(frozen=True)
class ReminderHealth:
    oldest_due_at: datetime | None
    oldest_due_age_s: float | None
    last_beat_at: datetime | None
    last_beat_age_s: float | None
    failures_24h: int
    ok: bool

    @property
    def problems(self) -> list[str]:
        out = []
        limit = _limit()
        if self.oldest_due_age_s is not None and self.oldest_due_age_s > limit.total_seconds():
            out.append("reminders are due and not going out")
        if self.last_beat_age_s is not None and self.last_beat_age_s > limit.total_seconds():
            out.append("the reminder dispatcher has not run recently")
        return out


def _limit() -> timedelta:
    # Beat runs every minute; five missed runs in a row is an outage, not jitter.
    return timedelta(seconds=getattr(settings, "REMINDER_HEALTH_MAX_AGE_SECONDS", 300))


def reminder_health(now: datetime | None = None) -> ReminderHealth:
    from .models import DispatchHeartbeat, Reminder
    from .tasks import HEARTBEAT_NAME

    now = now or timezone.now()
    # Uses the partial index reminder_pending_due_idx.
    oldest = Reminder.objects.filter(status=ReminderStatus.PENDING, due_at__lte=now).aggregate(
        oldest=Min("due_at")
    )["oldest"]
    beat = DispatchHeartbeat.objects.filter(name=HEARTBEAT_NAME).first()
    failures = Reminder.objects.filter(
        status=ReminderStatus.FAILED, closed_at__gte=now - timedelta(hours=24)
    ).count()
    oldest_age = (now - oldest).total_seconds() if oldest else None
    beat_age = (now - beat.last_run_at).total_seconds() if beat else None
    health = ReminderHealth(
        oldest, oldest_age, beat.last_run_at if beat else None, beat_age, failures, True
    )
    return ReminderHealth(**{**health.__dict__, "ok": not health.problems})


def check_reminders():
    """``HEALTH_CHECKS`` entry for config.health: (name, ok, details)."""
    h = reminder_health()
    return (
        "reminders",
        h.ok,
        {
            "oldest_due_unsent_age_s": round(h.oldest_due_age_s, 1)
            if h.oldest_due_age_s is not None
            else None,
            "last_beat_run": h.last_beat_at.isoformat() if h.last_beat_at else None,
            "last_beat_age_s": round(h.last_beat_age_s, 1)
            if h.last_beat_age_s is not None
            else None,
            "failures_24h": h.failures_24h,
            "problems": h.problems,
        },
    )
