"""The reminder line of ``/health/`` and the dashboard: is anything due left unsent, when did the
beat last run, how many reminders could not be delivered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

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
    """One query (three scalar subqueries): the dashboard shows it on every load."""
    from django.db import connection

    from .models import DispatchHeartbeat, Reminder
    from .tasks import HEARTBEAT_NAME

    now = now or timezone.now()
    reminders = Reminder._meta.db_table
    beats = DispatchHeartbeat._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT
              (SELECT MIN(due_at) FROM {reminders} WHERE status = %s AND due_at <= %s),
              (SELECT last_run_at FROM {beats} WHERE name = %s),
              (SELECT COUNT(*) FROM {reminders} WHERE status = %s AND closed_at >= %s)
            """,  # noqa: S608 - table names are ours; values are parameters
            # The first subquery uses reminder_pending_due_idx, the last reminder_failed_idx.
            [
                ReminderStatus.PENDING,
                now,
                HEARTBEAT_NAME,
                ReminderStatus.FAILED,
                now - timedelta(hours=24),
            ],
        )
        oldest, beat_at, failures = cursor.fetchone()
    oldest, beat_at = _as_utc(oldest), _as_utc(beat_at)
    oldest_age = (now - oldest).total_seconds() if oldest else None
    beat_age = (now - beat_at).total_seconds() if beat_at else None
    health = ReminderHealth(oldest, oldest_age, beat_at, beat_age, failures or 0, True)
    return ReminderHealth(**{**health.__dict__, "ok": not health.problems})


def _as_utc(value):
    """Raw SQL on SQLite gives text for timestamps, PostgreSQL an aware datetime: make both the
    latter (stored values are UTC)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = parse_datetime(value)
    return value.replace(tzinfo=UTC) if timezone.is_naive(value) else value


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
