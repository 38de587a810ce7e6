"""Writing reminder rows: which moments, for which deadline version, in the caller's transaction.

``sync_reminders(obligations)`` is called by ``incidents.actions`` inside the transaction that
creates or changes obligations, so a deadline and its reminders are never out of step: a moved
deadline cancels the unsent rows of the old version and writes the new version's rows; a closed
obligation (notified, not required, waived) cancels its unsent rows.

A notice given in phases (GDPR Art 33(4): "the information may be provided in phases without
undue further delay") is the one notified obligation that still has reminders: once its first
part is recorded (``incidents.drafting.actions.record_sent``), the obligation's
``follow_up_target_at`` is the reminder deadline, on a new deadline version, with the same lead
times, overdue notice and daily repeats, until a final phase clears it.

All arithmetic is on UTC instants: "24 hours before" is 24 elapsed hours whatever the wall clock
does across a DST change in between (facts.md, counting convention 1). Only rendering converts
to the reader's zone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .choices import ReminderKind, ReminderOwed, ReminderStatus

_DURATION = re.compile(r"(\d+)\s*([dhm])")
_UNITS = {"d": 86400, "h": 3600, "m": 60}
# Obligation statuses that still need reminders; every other status (notified, not required,
# waived) closes them.
OPEN_STATUSES = frozenset({"open"})


def parse_duration(text: str) -> timedelta:
    """``"72h"``, ``"90m"``, ``"2d"``, ``"1h30m"`` -> timedelta; ValueError names the bad part."""
    compact = (text or "").strip().lower().replace(" ", "")
    if not compact:
        raise ValueError("Enter a duration such as 72h, 90m or 2d.")
    seconds, pos = 0, 0
    for match in _DURATION.finditer(compact):
        if match.start() != pos:
            break
        seconds += int(match.group(1)) * _UNITS[match.group(2)]
        pos = match.end()
    if pos != len(compact):
        raise ValueError(f"{text!r} is not a duration: use d, h and m, e.g. 72h, 90m, 2d.")
    return timedelta(seconds=seconds)


def parse_offsets(text: str) -> list[timedelta]:
    """``"72h, 24h, 4h, 1h"`` -> distinct offsets, largest first. An empty text means none."""
    parts = [p for p in (text or "").split(",") if p.strip()]
    offsets = {parse_duration(p) for p in parts}
    if any(o <= timedelta(0) for o in offsets):
        raise ValueError("Offsets before the deadline must be greater than zero.")
    return sorted(offsets, reverse=True)


@dataclass(frozen=True)
class Offsets:
    """A policy in plain values: what the planning functions need and nothing else."""

    before: tuple[timedelta, ...] = (
        timedelta(hours=72),
        timedelta(hours=24),
        timedelta(hours=4),
        timedelta(hours=1),
    )
    at_deadline: bool = True
    overdue_after: timedelta | None = timedelta(minutes=15)
    repeat_overdue_every: timedelta | None = timedelta(days=1)


DEFAULT_OFFSETS = Offsets()


@dataclass(frozen=True)
class Planned:
    kind: str
    offset_minutes: int
    due_at: datetime


def _minutes(delta: timedelta) -> int:
    return math.floor(delta.total_seconds() / 60)


def plan(deadline: datetime, now: datetime, offsets: Offsets = DEFAULT_OFFSETS) -> list[Planned]:
    """The rows to write for a new deadline version, as of ``now``.

    Moments still ahead are written as they are. Of the moments already past (a deadline
    computed late: an incident logged two hours before its GDPR deadline), only the latest is
    written, due now: one "where things stand" email instead of four stale ones. Later daily
    overdue notices are written one at a time by the dispatcher (``next_daily_overdue``).
    """
    moments = [(ReminderKind.BEFORE, -b) for b in offsets.before]
    if offsets.at_deadline:
        moments.append((ReminderKind.AT_DEADLINE, timedelta(0)))
    if offsets.overdue_after is not None:
        moments.append((ReminderKind.OVERDUE, offsets.overdue_after))
    moments.sort(key=lambda m: m[1])
    ahead = [Planned(k, _minutes(o), deadline + o) for k, o in moments if deadline + o >= now]
    past = [(k, o) for k, o in moments if deadline + o < now]
    rows = []
    if past:
        kind, offset = past[-1]
        rows.append(Planned(kind, _minutes(offset), now))
    return rows + ahead


def next_daily_overdue(
    deadline: datetime, sent_at: datetime, offsets: Offsets = DEFAULT_OFFSETS
) -> Planned | None:
    """The next overdue repeat strictly after ``sent_at``, anchored on the deadline (so a late
    send does not drift the daily series), or None when the policy does not repeat."""
    if offsets.repeat_overdue_every is None:
        return None
    first = deadline + (offsets.overdue_after or timedelta(0))
    step = offsets.repeat_overdue_every
    count = max(1, math.floor((sent_at - first) / step) + 1)
    due = first + count * step
    return Planned(ReminderKind.DAILY_OVERDUE, _minutes(due - deadline), due)


# --- Policies -----------------------------------------------------------------------------------


def offsets_from_policy(policy) -> Offsets:
    return Offsets(
        before=tuple(parse_offsets(policy.before)),
        at_deadline=policy.at_deadline,
        overdue_after=parse_duration(policy.overdue_after) if policy.overdue_after else None,
        repeat_overdue_every=(
            parse_duration(policy.repeat_overdue_every) if policy.repeat_overdue_every else None
        ),
    )


class PolicyBook:
    """The active policies, loaded once per call of ``sync_reminders`` (one query)."""

    def __init__(self):
        from .models import ReminderPolicy

        self.by_scope = {
            (p.rule_code, p.recipient_kind): p for p in ReminderPolicy.objects.filter(active=True)
        }

    def offsets_for(self, obligation) -> Offsets:
        rule, recipient = rule_code_of(obligation), getattr(obligation, "recipient", "") or ""
        for scope in ((rule, recipient), (rule, ""), ("", recipient), ("", "")):
            policy = self.by_scope.get(scope)
            if policy is not None:
                return offsets_from_policy(policy)
        return DEFAULT_OFFSETS


def rule_code_of(obligation) -> str:
    return getattr(obligation, "rule_code", "") or ""


# --- Writing rows -------------------------------------------------------------------------------


NOTIFIED = "notified"


def further_information_owed(obligation) -> bool:
    """The first part of a notice given in phases was sent and the final part is still owed
    (``Obligation.follow_up_target_at`` is set only while it is)."""
    return (
        obligation.status == NOTIFIED
        and getattr(obligation, "follow_up_target_at", None) is not None
    )


def owed_of(obligation) -> str:
    """What this obligation's reminders are about now (stored on each row it gets)."""
    if further_information_owed(obligation):
        return ReminderOwed.FURTHER_INFORMATION
    return ReminderOwed.NOTICE


def reminder_deadline(obligation) -> datetime | None:
    """What reminders count down to: the team's target for the further information a phased
    notice still owes; else the legal deadline; else the team's internal target (set on an
    obligation the law gives no fixed deadline; facts.md, ``no_fixed_deadline``)."""
    if further_information_owed(obligation):
        return obligation.follow_up_target_at
    if obligation.due_at is not None:
        return obligation.due_at
    return getattr(obligation, "target_at", None)


# ``waiting_for`` of a duty the law lets wait while a hold runs (the engine empties its due_at):
# its reminders pause, even toward an internal target, and resume with the re-timed deadline
# once the hold is lifted. Duties the hold does not cover keep their deadline and reminders.
HELD = frozenset({"law_enforcement_hold", "national_security_delay"})


def needs_reminders(obligation) -> bool:
    return (
        (obligation.status in OPEN_STATUSES or further_information_owed(obligation))
        and reminder_deadline(obligation) is not None
        and not getattr(obligation, "superseded", False)
        and (getattr(obligation, "waiting_for", "") or "") not in HELD
    )


def sync_reminders(obligations: Iterable, *, now: datetime | None = None) -> None:
    """Bring the reminder rows of these obligations in line with their deadline and status.

    Call it inside the transaction that changed the obligations (incidents.actions does, through
    its ``_obligations_changed`` hook). Idempotent: calling it twice writes nothing new.
    """
    from .models import Reminder

    obligations = [o for o in obligations if o.pk is not None]
    if not obligations:
        return
    now = now or timezone.now()
    book = PolicyBook()
    with transaction.atomic():
        pending = Reminder.objects.filter(obligation__in=obligations, status=ReminderStatus.PENDING)
        by_obligation: dict[int, list] = {}
        for row in pending:
            by_obligation.setdefault(row.obligation_id, []).append(row)
        # (obligation, version) -> (deadline, owed) of the versions that have rows, and the
        # versions whose series was ended (a row of it cancelled: the obligation stopped needing
        # reminders or its deadline moved), which no later version carries over.
        existing_versions = {}
        ended_versions = set()
        for ob_id, version, deadline_at, owed, status in (
            Reminder.objects.filter(obligation__in=obligations)
            .values_list("obligation_id", "deadline_version", "deadline_at", "owed", "status")
            .distinct()
        ):
            existing_versions[(ob_id, version)] = (deadline_at, owed)
            if status == ReminderStatus.CANCELLED:
                ended_versions.add((ob_id, version))
        snoozes = active_snoozes([o.pk for o in obligations], now)

        to_cancel: dict[str, list[int]] = {}
        to_carry: dict[int, list[int]] = {}
        to_create = []
        for obligation in obligations:
            wanted = needs_reminders(obligation)
            version = obligation.deadline_version
            carry = wanted and _carries_over(obligation, version, existing_versions, ended_versions)
            # The carried version's rows first; then any unsent row of the same series written
            # under an older version (the daily notice its sender wrote under the version it
            # had read while a recompute carried the series on), one row per offset.
            rows = sorted(
                by_obligation.get(obligation.pk, []),
                key=lambda r: (r.deadline_version != carry, -r.deadline_version),
            )
            carried_offsets = set()
            for row in rows:
                if not wanted:
                    to_cancel.setdefault(_ended_because(obligation, row), []).append(row.pk)
                elif row.deadline_version != version:
                    if carry and _same_series(row, obligation, carry, carried_offsets):
                        carried_offsets.add(row.offset_minutes)
                        to_carry.setdefault(version, []).append(row.pk)
                    else:
                        reason = _moved_because(obligation, row)
                        to_cancel.setdefault(reason, []).append(row.pk)
            if not wanted or carry or (obligation.pk, version) in existing_versions:
                continue
            offsets = book.offsets_for(obligation)
            until = snoozes.get(obligation.pk)
            deadline = reminder_deadline(obligation)
            planned = plan(deadline, now, offsets)
            to_create.extend(
                _rows_respecting_snooze(Reminder, obligation, planned, until, deadline)
            )
        for version, ids in to_carry.items():
            Reminder.objects.filter(pk__in=ids, status=ReminderStatus.PENDING).update(
                deadline_version=version
            )
        for reason, ids in to_cancel.items():
            Reminder.objects.filter(pk__in=ids, status=ReminderStatus.PENDING).update(
                status=ReminderStatus.CANCELLED,
                closed_at=now,
                closed_reason=reason,
                lease_token=None,
            )
        # ignore_conflicts: two transactions syncing the same obligation version at once write
        # the rows once (the unique key decides), instead of one of them failing.
        Reminder.objects.bulk_create(to_create, ignore_conflicts=True)


def _carries_over(obligation, version, existing_versions, ended_versions) -> int | None:
    """The earlier version whose unsent further-information reminders this version takes over,
    or None.

    A notified obligation's version also grows when a recompute moves its legal deadline (the
    notice given is judged against it), while the target of the further information stays put.
    Its series then goes on under the new version rather than starting again, which would send
    a "where things stand" email for a moment already announced. Only further-information
    reminders carry over: a notice owed again (reopened) starts afresh, as it must.

    Nor does a series that was ended (a row of it cancelled: the obligation stopped owing the
    further information, say superseded by a recompute or reopened, and owes it again now with
    the same target): its unsent rows are gone, so the new version writes its own.
    """
    if (obligation.pk, version) in existing_versions or not further_information_owed(obligation):
        return None
    earlier = [v for (ob_id, v) in existing_versions if ob_id == obligation.pk and v < version]
    if not earlier:
        return None
    latest = max(earlier)
    if (obligation.pk, latest) in ended_versions:
        return None
    deadline_at, owed = existing_versions[(obligation.pk, latest)]
    if owed == ReminderOwed.FURTHER_INFORMATION and deadline_at == reminder_deadline(obligation):
        return latest
    return None


def _same_series(row, obligation, carry: int, carried_offsets: set) -> bool:
    """Is this unsent row part of the further-information series being carried over?"""
    if row.offset_minutes in carried_offsets:
        return False
    if row.deadline_version == carry:
        return True
    return (
        row.deadline_version < carry
        and row.is_further_information
        and row.deadline_at == reminder_deadline(obligation)
    )


def _ended_because(obligation, row) -> str:
    """Why an unsent reminder of an obligation that needs none now is cancelled (the case page
    and the admin show it). Later checks win."""
    reason = f"obligation {obligation.status}"
    if row.owed == ReminderOwed.FURTHER_INFORMATION and obligation.status == NOTIFIED:
        reason = "further information given: final phase recorded"
    if getattr(obligation, "superseded", False):
        reason = "obligation no longer applies"
    if reminder_deadline(obligation) is None:
        reason = "deadline removed"
    if (getattr(obligation, "waiting_for", "") or "") in HELD:
        reason = "notice held (delay requested)"
    return reason


def _moved_because(obligation, row) -> str:
    """Why an unsent reminder of an older deadline version is cancelled."""
    owed = owed_of(obligation)
    if row.owed == ReminderOwed.FURTHER_INFORMATION and owed == ReminderOwed.NOTICE:
        return "obligation reopened: the notice is owed again"
    if owed == ReminderOwed.FURTHER_INFORMATION:
        return "further information target changed"
    return "deadline moved"


def _rows_respecting_snooze(Reminder, obligation, planned, until, deadline):
    rows = []
    snoozed_any = False
    for p in planned:
        status = ReminderStatus.PENDING
        reason = ""
        if until is not None and p.due_at < until:
            status, reason, snoozed_any = ReminderStatus.SNOOZED, "snoozed", True
        rows.append(
            Reminder(
                obligation=obligation,
                kind=p.kind,
                owed=owed_of(obligation),
                offset_minutes=p.offset_minutes,
                deadline_version=obligation.deadline_version,
                deadline_at=deadline,
                due_at=p.due_at,
                status=status,
                closed_reason=reason,
            )
        )
    if snoozed_any:
        rows.append(
            catch_up_row(
                Reminder, obligation, deadline, until, taken={r.offset_minutes for r in rows}
            )
        )
    return rows


def catch_up_row(Reminder, obligation, deadline, due_at, *, taken=frozenset(), owed=None):
    """One notice due at ``due_at`` standing in for reminders that were not sent on time (about
    what they were about: ``owed``, else what the obligation owes now)."""
    offset = _minutes(due_at - deadline)
    while offset in taken:  # the unique key is per offset: step past a planned moment
        offset += 1
    return Reminder(
        obligation=obligation,
        kind=ReminderKind.CATCH_UP,
        owed=owed or owed_of(obligation),
        offset_minutes=offset,
        deadline_version=obligation.deadline_version,
        deadline_at=deadline,
        due_at=due_at,
    )


def active_snoozes(obligation_ids, now) -> dict[int, datetime]:
    """obligation id -> the latest ``until`` of its snoozes still running."""
    from django.db.models import Max

    from .models import ReminderSnooze

    return dict(
        ReminderSnooze.objects.filter(obligation_id__in=obligation_ids, until__gt=now)
        .values("obligation_id")
        .annotate(until=Max("until"))
        .values_list("obligation_id", "until")
    )


def stale_after() -> timedelta:
    return timedelta(minutes=getattr(settings, "REMINDER_STALE_AFTER_MINUTES", 30))
