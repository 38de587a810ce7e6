"""Telling a case team that a rule-book change moved a deadline they work to earlier.

A published rule change recomputes the cases it affects in the worker
(``jurisdictions.tasks.recompute_after_publish``). A deadline that moves *later* is on the
timeline and in the next reminders; one that moves *earlier* may already be closer than the
team's plan, so each reader on the case team gets an email at once (old and new deadline, in
their own zone and in UTC), and the timeline says who was told.

Sent after the recompute committed, from the worker. A redelivered task recomputes again, finds
nothing moved, and sends nothing: the deadline row itself is the record of what was told.
Privileged cases get the minimal email (reference, whom to notify, the dates, the link), as
reminders do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string

from .emails import Recipient, case_url, humanize, may_read, message_id, reader_zone

log = logging.getLogger(__name__)

LOCAL = "%A %d %B %Y, %H:%M %Z (UTC%z)"


@dataclass(frozen=True)
class EarlierDeadline:
    obligation: object  # incidents.models.Obligation
    old: datetime
    new: datetime


def earlier_deadlines(result) -> list[EarlierDeadline]:
    """The open obligations of a recompute result whose fixed deadline moved earlier."""
    return [
        EarlierDeadline(ob, old, new)
        for ob, old, new in result.moved
        if old is not None and new is not None and new < old and ob.is_open
    ]


def team_readers(incident) -> list[Recipient]:
    """The case's owner and active team members with an address who may read the case, each
    in their own zone."""
    readers: dict[str, Recipient] = {}
    people = [incident.owner] + [m.user for m in incident.team.select_related("user")]
    for user in people:
        key = (user.email or "").strip().lower()
        if user.is_active and key and key not in readers and may_read(user, incident):
            why = "case owner" if user.pk == incident.owner_id else "case team"
            readers[key] = Recipient(
                user.email, user.get_full_name(), reader_zone(user), why, user.pk
            )
    return list(readers.values())


def _context(incident, moves: list[EarlierDeadline], reader: Recipient, reason: str) -> dict:
    privileged = bool(incident.privileged)
    rows = []
    for move in moves:
        ob = move.obligation
        rows.append(
            {
                "notify": ob.authority or ob.recipient.replace("_", " "),
                "under": "" if privileged else (ob.regime or ob.rule_code),
                "old_local": move.old.astimezone(reader.zone).strftime(LOCAL),
                "new_local": move.new.astimezone(reader.zone).strftime(LOCAL),
                "old_utc": move.old.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                "new_utc": move.new.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                "sooner_by": humanize(move.old - move.new),
            }
        )
    subject = f"{incident.reference}: a notification deadline moved earlier"
    if len(rows) > 1:
        subject = f"{incident.reference}: {len(rows)} notification deadlines moved earlier"
    elif rows[0]["under"]:  # a privileged case names no regime (it can hint at the matter)
        subject += f" ({rows[0]['under']})"
    return {
        "subject": subject,
        "reference": incident.reference,
        "title": "" if privileged else incident.title,
        "privileged": privileged,
        "moves": rows,
        "reason": "" if privileged else reason,
        "reader_zone": str(reader.zone),
        "case_url": case_url(incident),
        "recipient": reader,
    }


def _message(incident, moves, reader: Recipient, reason: str) -> EmailMultiAlternatives:
    context = _context(incident, moves, reader, reason)
    first = moves[0].obligation
    message = EmailMultiAlternatives(
        subject=context["subject"],
        body=render_to_string("emails/deadline_moved_earlier.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[reader.email],
        headers={
            # One per (deadline version, reader): a resend of the same news is recognisable.
            "Message-ID": message_id(
                f"{first.pk}.v{first.deadline_version}", reader.email, prefix="moved-earlier"
            ),
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(
        render_to_string("emails/deadline_moved_earlier.html", context), "text/html"
    )
    return message


def tell_team(incident, moves: list[EarlierDeadline], *, reason: str, actor=None) -> list[str]:
    """Email the case team about ``moves`` and write the timeline entry; returns the addresses
    told. A failed send is written on the timeline too (the deadline itself has moved either
    way, and the reminders follow it)."""
    from incidents.actions.common import _iso_utc, _obligation_label

    if not moves:
        return []
    readers = team_readers(incident)
    told, problem = [], ""
    if readers:
        try:
            with get_connection() as connection:  # one connection for the whole team
                for reader in readers:
                    connection.send_messages([_message(incident, moves, reader, reason)])
                    told.append(reader.email)
        except Exception as error:  # noqa: BLE001 - any delivery failure is reported the same way
            log.exception("deadline-moved email for %s failed", incident.reference)
            problem = f"{type(error).__name__}: {error}"[:300]
    dates = "; ".join(
        f"{_obligation_label(m.obligation)} from {_iso_utc(m.old)} to {_iso_utc(m.new)}"
        for m in moves
    )
    if told and not problem:
        outcome = f"case team told by email ({', '.join(told)})"
    elif told:
        outcome = f"email reached {', '.join(told)} only, then failed ({problem})"
    elif problem:
        outcome = f"the case team could not be emailed ({problem})"
    else:
        outcome = "nobody on the case team has an email address to tell"
    # One entry for the case names every move (it hangs on the first obligation); with its
    # audit record, in one transaction.
    with transaction.atomic():
        _log(incident, moves, dates, outcome, told, reason, actor)
    return told


def _log(incident, moves, dates, outcome, told, reason, actor) -> None:
    from incidents.actions import log_activity
    from incidents.choices import ActivityKind

    log_activity(
        incident,
        ActivityKind.DEADLINE_MOVED,
        f"Deadline moved earlier by a rule change: {dates} ({reason}); {outcome}",
        actor=actor,
        before={"due_at": {m.obligation.rule_code: m.old for m in moves}},
        after={
            "due_at": {m.obligation.rule_code: m.new for m in moves},
            "emailed": told,
            "reason": reason,
        },
        obligation=moves[0].obligation,
    )
