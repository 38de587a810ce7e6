"""Claiming and sending reminder rows.

The beat runs ``dispatch_due_reminders`` every minute (CELERY_BEAT_SCHEDULE in settings). It
claims due rows in batches — ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL, a conditional
UPDATE elsewhere — by writing a lease (``lease_token``, ``leased_until``), and queues one
``send_reminder`` per row once the claim has committed. ``send_reminder`` takes the lease over
with a conditional UPDATE (so a task that lost its lease, or a duplicate task, sends nothing),
sends with a stable Message-ID per reader, and marks the row sent with another conditional UPDATE.

Guarantee: at least once, with duplicates recognisable. The only window for a second copy is a
worker dying after the SMTP server accepted a message and before the row recorded it; the copy
then carries the same Message-ID.

The database going away (a restart, a fail-over, a killed connection) does not open that window:
what the SMTP server accepted is written once the database answers again, retried for as long as
the worker holds the lease (``_written_through_outage``). Both tasks are retried by Celery on a
lost connection (``DB_LOST``); the beat itself runs again every minute.
"""

from __future__ import annotations

import logging
import smtplib
import time
import uuid
from collections import defaultdict
from datetime import datetime, timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db import connection as db_connection
from django.db.models import F, Q
from django.utils import timezone

from .choices import ReminderKind, ReminderStatus
from .models import DispatchHeartbeat, Reminder
from .overdue_once import already_told
from .schedule import PolicyBook, active_snoozes, catch_up_row, next_daily_overdue, stale_after

logger = logging.getLogger(__name__)

HEARTBEAT_NAME = "dispatch_due_reminders"

# A lost or refused database connection: PostgreSQL restarting or unreachable, a terminated
# backend. Celery retries a task that met one; Django opens a new connection for the retry.
DB_LOST = (OperationalError, InterfaceError)
RETRY_ON_DB_LOST = {
    "autoretry_for": DB_LOST,
    "retry_backoff": 2,
    "retry_backoff_max": 30,
    "retry_jitter": True,
    "max_retries": 20,
}


def _setting(name: str, default):
    return getattr(settings, name, default)


def lease_length() -> timedelta:
    return timedelta(seconds=_setting("REMINDER_LEASE_SECONDS", 300))


# --- Claiming ----------------------------------------------------------------------------------


def _due(now: datetime):
    # Served by the partial index reminder_pending_due_idx (status = 'pending', by due_at).
    return Reminder.objects.filter(status=ReminderStatus.PENDING, due_at__lte=now).filter(
        Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    )


def claim_due_reminders(*, now: datetime | None = None, limit: int = 100) -> tuple[str, list[int]]:
    """Lease up to ``limit`` due rows to a new token; return (token, claimed ids).

    Two claimers never get the same row: on PostgreSQL the rows are locked FOR UPDATE and rows
    locked by a concurrent claimer are skipped; elsewhere (SQLite) the UPDATE re-checks the
    "still unleased" condition, so of two racing claimers only one matches each row.
    """
    now = now or timezone.now()
    token = uuid.uuid4()
    until = now + lease_length()
    if db_connection.vendor == "postgresql":
        # One round trip: lock the oldest due rows nobody else holds, lease them, return them.
        # SKIP LOCKED is what keeps two dispatchers (two beats, a slow run overlapping the next)
        # from claiming the same row, without either waiting for the other. The inner query is
        # served by the partial index reminder_pending_due_idx.
        table = Reminder._meta.db_table
        with transaction.atomic(), db_connection.cursor() as cursor:
            cursor.execute(
                f"""
                UPDATE {table} SET lease_token = %s, leased_until = %s
                WHERE id IN (
                    SELECT id FROM {table}
                    WHERE status = %s AND due_at <= %s
                      AND (leased_until IS NULL OR leased_until <= %s)
                    ORDER BY due_at
                    LIMIT %s
                    FOR UPDATE SKIP LOCKED
                )
                RETURNING id
                """,  # noqa: S608 - the table name is ours; every value is a parameter
                [token, until, ReminderStatus.PENDING, now, now, limit],
            )
            ids = sorted(row[0] for row in cursor.fetchall())
        return str(token), ids
    with transaction.atomic():
        # Elsewhere (SQLite: one writer at a time) a conditional UPDATE claims: it re-checks
        # "still unleased", so of two racing claimers only one matches each row.
        wanted = list(_due(now).order_by("due_at", "id").values_list("pk", flat=True)[:limit])
        _due(now).filter(pk__in=wanted).update(lease_token=token, leased_until=until)
        ids = list(
            Reminder.objects.filter(pk__in=wanted, lease_token=token).values_list("pk", flat=True)
        )
    return str(token), ids


def fold_claimed(token: str, ids: list[int], now: datetime) -> list[int]:
    """Apply the "never stale" policy to a claimed batch; return the ids to send.

    Of several claimed rows for one obligation only the latest is sent (the others are folded
    into it). A row whose moment passed more than REMINDER_STALE_AFTER_MINUTES ago is folded too,
    into one catch-up notice due now (leased to the same token and sent in its place).
    """
    rows = list(
        Reminder.objects.filter(pk__in=ids, lease_token=token)
        .select_related("obligation")
        .order_by("obligation_id", "due_at", "id")
    )
    groups: dict[int, list[Reminder]] = defaultdict(list)
    for row in rows:
        groups[row.obligation_id].append(row)
    folded: list[int] = []
    send: list[int] = []
    catch_ups: list[Reminder] = []
    cutoff = now - stale_after()
    for group in groups.values():
        *older, latest = group
        folded.extend(r.pk for r in older)
        if latest.due_at >= cutoff:
            send.append(latest.pk)
            continue
        folded.append(latest.pk)
        taken = set(
            Reminder.objects.filter(
                obligation_id=latest.obligation_id, deadline_version=latest.deadline_version
            ).values_list("offset_minutes", flat=True)
        )
        row = catch_up_row(
            Reminder, latest.obligation, latest.deadline_at, now, taken=taken, owed=latest.owed
        )
        row.deadline_version = latest.deadline_version
        row.lease_token = uuid.UUID(token)
        row.leased_until = now + lease_length()
        catch_ups.append(row)
    if folded:
        Reminder.objects.filter(pk__in=folded, lease_token=token).update(
            status=ReminderStatus.FOLDED,
            closed_at=now,
            closed_reason="not sent stale: folded into a later notice",
            lease_token=None,
        )
    for row in catch_ups:
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            # A concurrent dispatcher folded another stale row of this obligation in the same
            # minute and wrote the catch-up first: that one goes, this one is not needed.
            continue
        send.append(row.pk)
    return _fold_second_overdue(token, [r for r in rows if r.pk in send] + catch_ups, send, now)


def _fold_second_overdue(token: str, rows: list, send: list[int], now: datetime) -> list[int]:
    """Readers already told "overdue" for this deadline a moment ago are not told again
    (reminders.overdue_once); the daily series goes on."""
    told = already_told([r for r in rows if r.pk in send], now)
    for row in rows:
        at = told.get(row.pk)
        if at is None:
            continue
        Reminder.objects.filter(pk=row.pk, lease_token=token).update(
            status=ReminderStatus.FOLDED,
            closed_at=now,
            closed_reason=f"not sent: an overdue notice for this deadline went out at "
            f"{at:%Y-%m-%d %H:%M} UTC",
            lease_token=None,
        )
        if row.is_overdue_notice:
            _write_next_overdue(row, now)
    return [pk for pk in send if pk not in told]


@shared_task(name="reminders.dispatch_due_reminders", ignore_result=True, **RETRY_ON_DB_LOST)
def dispatch_due_reminders(batch_size: int | None = None, max_batches: int = 50) -> int:
    """Beat, every minute: claim due rows batch by batch and queue their sending after commit,
    in chunks of REMINDER_SEND_CHUNK rows per task (one SMTP connection per chunk)."""
    batch_size = batch_size or _setting("REMINDER_BATCH_SIZE", 100)
    chunk = max(1, _setting("REMINDER_SEND_CHUNK", 10))
    queued = folded = 0
    for _ in range(max_batches):
        now = timezone.now()
        with transaction.atomic():
            token, ids = claim_due_reminders(now=now, limit=batch_size)
            send = fold_claimed(token, ids, now) if ids else []
            folded += len(set(ids) - set(send))
            for i in range(0, len(send), chunk):
                # robust: a broker hiccup on one publish must not stop the others; an unqueued
                # row keeps its lease, which runs out, and the next beat claims it again.
                transaction.on_commit(
                    lambda part=send[i : i + chunk], token=token: send_reminders.delay(part, token),
                    robust=True,
                )
        queued += len(send)
        if len(ids) < batch_size:
            break
    DispatchHeartbeat.objects.update_or_create(
        name=HEARTBEAT_NAME,
        defaults={"last_run_at": timezone.now(), "last_claimed": queued, "last_folded": folded},
    )
    if queued:
        logger.info("queued %s reminders (%s folded)", queued, folded)
    return queued


# --- Sending -----------------------------------------------------------------------------------


def classify(exc: BaseException) -> tuple[bool, str]:
    """(permanent?, description) for an exception raised while sending one message."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        detail = "; ".join(f"{code} {msg!r}" for code, msg in exc.recipients.values())
        return all(code >= 500 for code in codes), f"recipient refused: {detail}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500, f"{exc.smtp_code} {exc.smtp_error!r}"
    return False, f"{type(exc).__name__}: {exc}"


def backoff(attempt: int) -> timedelta:
    base = _setting("REMINDER_RETRY_BASE_SECONDS", 60)
    cap = _setting("REMINDER_RETRY_MAX_SECONDS", 1800)
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempt - 1)))


def _written_through_outage(write, *, until: datetime):
    """``write()``, a database write recording what the SMTP server already accepted, retried
    while the database is away until the lease ends (``until``).

    Given up too early, the row would be claimed again once its lease ran out and its reader
    would get a second copy. While this worker holds the lease nobody else claims the row, so
    writing late is safe; past the lease the error goes up and the at-least-once rule applies.
    """
    pause = 0.5
    while True:
        try:
            return write()
        except DB_LOST:
            if db_connection.in_atomic_block:
                raise
            db_connection.close()  # the broken connection: the next try opens a new one
            if timezone.now() + timedelta(seconds=pause) >= until:
                raise
            logger.warning(
                "database unavailable after an SMTP acceptance; retrying in %.1fs", pause
            )
            time.sleep(pause)
            pause = min(pause * 2, 5.0)


class SendContext:
    """What the reminders of one chunk share: one SMTP connection (re-opened after an error),
    the end of the chunk's lease, and the lookups every reminder of a case repeats (team,
    distribution lists, readers' zones)."""

    def __init__(self, lease_until: datetime | None = None):
        self.lease_until = lease_until or timezone.now() + lease_length()
        self._smtp = None
        self.team: dict[int, list] = {}
        self.lists: dict[tuple[int, str], list] = {}

    def smtp(self):
        if self._smtp is None:
            connection = get_connection(fail_silently=False)
            connection.open()
            self._smtp = connection
        return self._smtp

    def reset(self):
        if self._smtp is not None:
            try:
                self._smtp.close()
            except Exception:  # noqa: BLE001, S110 - a broken connection is dropped either way
                pass
            self._smtp = None


@shared_task(name="reminders.send_reminders", ignore_result=True, **RETRY_ON_DB_LOST)
def send_reminders(reminder_ids: list[int], token: str) -> dict[int, str]:
    """Send claimed reminders if, and only if, this task still holds their lease."""
    now = timezone.now()
    mine = uuid.uuid4()
    lease_until = now + lease_length()
    # Take the leases over: rows whose lease ran out and were claimed again (another token), or
    # that a duplicate of this task already sent, match nothing here and are not sent.
    Reminder.objects.filter(
        pk__in=reminder_ids, lease_token=token, status=ReminderStatus.PENDING
    ).update(lease_token=mine, leased_until=lease_until, attempts=F("attempts") + 1)
    rows = list(
        Reminder.objects.filter(pk__in=reminder_ids, lease_token=mine)
        .select_related("obligation__incident__owner")
        .order_by("due_at", "id")
    )
    outcome = {pk: "not mine" for pk in reminder_ids}
    context = SendContext(lease_until)
    try:
        for reminder in rows:
            outcome[reminder.pk] = _deliver(reminder, mine, context, now)
    finally:
        context.reset()
    return outcome


@shared_task(name="reminders.send_reminder", ignore_result=True)
def send_reminder(reminder_id: int, token: str) -> str:
    """Send one claimed reminder (the single-row form of ``send_reminders``)."""
    return send_reminders([reminder_id], token)[reminder_id]


def still_current(reminder, obligation) -> bool:
    """Is this row still about what the obligation owes now?

    The row's deadline version must be the obligation's, with one exception: a reminder about
    the further information of a phased notice whose target is unchanged. A recompute that moves
    the legal deadline of the notice already given bumps the version without moving that
    target; ``sync_reminders`` then carries the unsent rows over instead of writing new ones,
    and a daily overdue notice written by the series in the same moment (under the version it
    read) is still the series' next step, not a stale one.
    """
    from .schedule import needs_reminders, owed_of, reminder_deadline

    if not needs_reminders(obligation):
        return False
    if obligation.deadline_version == reminder.deadline_version:
        return True
    return (
        reminder.is_further_information
        and owed_of(obligation) == reminder.owed
        and reminder_deadline(obligation) == reminder.deadline_at
    )


def _deliver(reminder, mine, context: SendContext, now) -> str:
    from .emails import recipients_for, render_reminder

    obligation = reminder.obligation
    incident = obligation.incident
    if not still_current(reminder, obligation):
        _close(reminder, mine, ReminderStatus.CANCELLED, "obligation changed before sending")
        return "cancelled"
    # Webhooks hear of each reminder time too (due soon / overdue), whatever happens to the
    # email; keyed by the reminder row, so a retried row is announced once.
    from webhooks.events import reminder_due

    reminder_due(reminder)
    done = {d.lower() for d in reminder.delivered_to}
    try:
        recipients = recipients_for(reminder, obligation, incident, cache=context)
        messages = [
            (r.email, render_reminder(reminder, obligation, incident, r, now))
            for r in recipients
            if r.email.lower() not in done
        ]
    except Exception as exc:  # noqa: BLE001 - any rendering bug fails this row, not the batch
        logger.exception("reminder %s could not be rendered", reminder.pk)
        failure = f"could not render the email: {type(exc).__name__}: {exc}"
        _fail(reminder, mine, {"(all readers)": failure}, failure)
        return "render failed"
    delivered = list(reminder.delivered_to)
    failed = dict(reminder.failed_recipients)
    for index, (address, message) in enumerate(messages):
        try:
            context.smtp().send_messages([message])
        except (smtplib.SMTPException, OSError) as exc:
            context.reset()
            permanent, detail = classify(exc)
            if not permanent:
                return _retry_later(reminder, mine, detail)
            failed[address] = detail
        else:
            delivered.append(address)
        if index < len(messages) - 1:
            # Record progress between readers so a retry does not resend what was accepted.
            still_mine = _written_through_outage(
                lambda: Reminder.objects.filter(pk=reminder.pk, lease_token=mine).update(
                    delivered_to=delivered, failed_recipients=failed
                ),
                until=context.lease_until,
            )
            if not still_mine:
                return "lease lost mid-send"
    if failed and not delivered:
        _fail(reminder, mine, failed, "no reader could be reached")
        return "failed"
    _written_through_outage(
        lambda: _mark_sent(reminder, mine, delivered, failed, now), until=context.lease_until
    )
    if failed:
        _alert(reminder, failed)
    return "sent"


def _retry_later(reminder, token, detail: str) -> str:
    attempts = reminder.attempts
    if attempts >= _setting("REMINDER_MAX_ATTEMPTS", 10):
        _fail(reminder, token, {"(smtp)": detail}, f"gave up after {attempts} attempts: {detail}")
        return "failed"
    # Backoff through the lease: the row stays pending and unclaimable until leased_until, then
    # the beat claims it again. No countdown task waits in the broker.
    Reminder.objects.filter(pk=reminder.pk, lease_token=token).update(
        lease_token=None, leased_until=timezone.now() + backoff(attempts), last_error=detail
    )
    logger.warning("reminder %s: temporary failure, retrying later: %s", reminder.pk, detail)
    return "retry"


def _close(reminder, token, status, reason):
    Reminder.objects.filter(pk=reminder.pk, lease_token=token).update(
        status=status, closed_at=timezone.now(), closed_reason=reason, lease_token=None
    )


def _mark_sent(reminder, token, delivered, failed, now):
    from incidents.actions import log_activity
    from incidents.choices import ActivityKind

    obligation = reminder.obligation
    # Committed durably (the server's synchronous_commit): a "sent" mark that a PostgreSQL crash
    # or fail-over could forget would send the reminder again after recovery.
    with transaction.atomic():
        marked = Reminder.objects.filter(pk=reminder.pk, lease_token=token).update(
            status=ReminderStatus.SENT,
            sent_at=timezone.now(),
            delivered_to=delivered,
            failed_recipients=failed,
            lease_token=None,
            last_error="",
        )
        if not marked:
            return
        readers = f"{len(delivered)} reader{'s' if len(delivered) != 1 else ''}"
        summary = (
            f"{reminder.get_kind_display().capitalize()} sent for {obligation} "
            f"(deadline {reminder.deadline_at:%Y-%m-%d %H:%M} UTC) to {readers}"
        )
        if reminder.is_further_information:
            summary = further_information_summary(reminder, obligation, readers)
        log_activity(
            obligation.incident,
            ActivityKind.REMINDER_SENT,
            summary,
            actor=None,
            before=None,
            after={
                "reminder": reminder.pk,
                "kind": reminder.kind,
                "owed": reminder.owed,
                "offset_minutes": reminder.offset_minutes,
                "deadline_version": reminder.deadline_version,
                "to": delivered,
                "not_delivered": sorted(failed),
            },
            obligation=obligation,
        )
        if reminder.is_overdue_notice:
            _write_next_overdue(reminder, now)


def further_information_summary(reminder, obligation, readers: str) -> str:
    """The timeline's words for a reminder about the further information of a phased notice:
    what is owed, under which provision, to whom, by the team's target (never the notice)."""
    under = obligation.citation or obligation.regime or obligation.rule_code
    if obligation.incident.privileged:  # as in the email: the regime, not the citation
        under = obligation.regime or obligation.rule_code
    to = obligation.authority or obligation.recipient.replace("_", " ")
    return (
        f"{reminder.get_kind_display().capitalize()} sent for {obligation}: further information "
        f"owed under {under} to {to} (the notice was given in phases; internal target "
        f"{reminder.deadline_at:%Y-%m-%d %H:%M} UTC) to {readers}"
    )


def _write_next_overdue(reminder, now):
    """The daily overdue series is written one row at a time, when the previous one is sent."""
    obligation = reminder.obligation
    offsets = PolicyBook().offsets_for(obligation)
    nxt = next_daily_overdue(reminder.deadline_at, max(now, reminder.due_at), offsets)
    if nxt is None:
        return
    due = nxt.due_at
    until = active_snoozes([obligation.pk], now).get(obligation.pk)
    if until and until > due:
        due = until
    Reminder.objects.bulk_create(
        [
            Reminder(
                obligation=obligation,
                kind=ReminderKind.DAILY_OVERDUE,
                owed=reminder.owed,
                offset_minutes=nxt.offset_minutes,
                deadline_version=reminder.deadline_version,
                deadline_at=reminder.deadline_at,
                due_at=due,
            )
        ],
        ignore_conflicts=True,
    )


def _fail(reminder, token, failures: dict, error: str):
    from incidents.actions import log_activity
    from incidents.choices import ActivityKind

    obligation = reminder.obligation
    with transaction.atomic():
        marked = Reminder.objects.filter(pk=reminder.pk, lease_token=token).update(
            status=ReminderStatus.FAILED,
            closed_at=timezone.now(),
            closed_reason="could not be delivered",
            failed_recipients=failures,
            last_error=error[:2000],
            lease_token=None,
        )
        if not marked:
            return
        log_activity(
            obligation.incident,
            ActivityKind.REMINDER_FAILED,
            f"Reminder for {obligation} could not be delivered: {error[:300]}",
            actor=None,
            before=None,
            after={"reminder": reminder.pk, "failures": failures},
            obligation=obligation,
        )
        # A reminder that cannot go out must not silently end the overdue series.
        if reminder.is_overdue_notice:
            _write_next_overdue(reminder, timezone.now())
    _alert(reminder, failures)


def _alert(reminder, failures: dict) -> None:
    """Tell the case owner (while they may read the case, as for the reminders themselves) and
    the escalation address that a reminder did not reach someone."""
    from .emails import may_read, render_delivery_failure

    obligation = reminder.obligation
    incident = obligation.incident
    owner = incident.owner
    owner_email = owner.email if owner.email and may_read(owner, incident) else ""
    to = sorted({a for a in (owner_email, settings.ESCALATION_EMAIL) if a} - set(failures))
    if not to:
        return
    try:
        message = render_delivery_failure(reminder, obligation, incident, failures, to)
        with get_connection(fail_silently=False) as smtp:
            smtp.send_messages([message])
    except Exception:  # noqa: BLE001 - the failure itself is recorded on the row and the case
        logger.exception("alert for reminder %s could not be sent", reminder.pk)
