"""Rendering reminder and delivery-failure emails: one message per reader, in the reader's zone.

Privileged cases (``incident.privileged``) get a minimal email: the case reference, whom to
notify and by when, and a link — no title, narrative, reasons or names, since email leaves the
product's access control.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .choices import ReminderKind

UTC_ZONE = ZoneInfo("UTC")

# Longest subject we write: inboxes cut long subjects, so a long one loses the authority rather
# than being cut mid-word ("GDPR notice to Data").
SUBJECT_LIMIT = 130
# An at-deadline reminder sent within this of the deadline says "due now"; later it is overdue,
# in the subject and the body alike.
DUE_NOW_WINDOW = timedelta(minutes=1)


def timing(kind: str, left: timedelta) -> tuple[str, str]:
    """``("overdue" | "now" | "ahead", subject words)`` from the time actually left when sent."""
    if kind not in ReminderKind.values:
        # A kind without wording is a bug: surface it as a rendering failure on that row.
        raise ValueError(f"no wording for reminder kind {kind!r}")
    if left < -DUE_NOW_WINDOW:
        return "overdue", f"OVERDUE by {humanize(left)}"
    if kind == ReminderKind.AT_DEADLINE or left <= timedelta(0):
        return "now", "Due now"
    return "ahead", f"Due in {humanize(left)}"


def reminder_subject(
    *,
    reference: str,
    when: str,
    recipient_label: str,
    authority: str = "",
    regime: str = "",
    privileged: bool = False,
    internal_target: bool = False,
    further_information: bool = False,
    limit: int = SUBJECT_LIMIT,
) -> str:
    """``[Privileged] [REF] Due in 3 hours: notify supervisory authority - GDPR Art. 33 - Hamburg
    Commissioner``: what is dropped to fit ``limit`` is whole parts (authority first, then the
    regime), never a cut word. The further information of a notice given in phases reads
    ``[REF] Further information (internal target): Due in 3 hours: owed to supervisory
    authority - ...``: never to be mistaken for the notice itself (the body says the target is
    not a legal deadline)."""
    head = f"[{reference}] "
    if privileged:
        head = f"[Privileged] {head}"
    if further_information:
        when = f"Further information (internal target): {when}"
        head = f"{head}{when}: owed to {recipient_label}"
    else:
        if internal_target:
            when = f"Internal target (not a legal deadline): {when}"
        head = f"{head}{when}: notify {recipient_label}"
    options = []
    if regime and authority:
        options.append(f"{head} - {regime} - {authority}")
    if regime:
        options.append(f"{head} - {regime}")
    if authority and not regime:
        options.append(f"{head} - {authority}")
    options.append(head)
    for option in options:
        option = " ".join(option.split())
        if len(option) <= limit:
            return option
    return " ".join(head.split())


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str = ""
    zone: ZoneInfo = UTC_ZONE
    why: str = "case team"  # why this person gets it: case team, distribution list, escalation
    user_id: int | None = field(default=None, compare=False)


def reader_zone(user) -> ZoneInfo:
    """The reader's zone from their profile (accounts app), else UTC."""
    name = ""
    for attr in ("profile", "accounts_profile"):
        try:
            profile = getattr(user, attr, None)
        except Exception:  # noqa: BLE001 - a missing related profile row raises DoesNotExist
            profile = None
        if profile is not None:
            name = getattr(profile, "time_zone", "") or getattr(profile, "timezone", "")
            break
    name = name or getattr(user, "time_zone", "") or ""
    try:
        return ZoneInfo(str(name)) if name else UTC_ZONE
    except (ZoneInfoNotFoundError, ValueError):
        return UTC_ZONE


def may_read(user, incident) -> bool:
    """Whether ``user`` may open this case now, through the case's one read door
    (``Incident.objects.visible_to``): an email about a case goes to no person who could not
    read it in the product (a deactivated account, a former owner taken off the team)."""
    from incidents.models import Incident

    return Incident.objects.visible_to(user).filter(pk=incident.pk).exists()


def recipients_for(reminder, obligation, incident, *, cache=None) -> list[Recipient]:
    """The case team (owner first) who may read the case (``may_read``), the case's and the
    jurisdiction's distribution lists, and for overdue notices the escalation contact. One entry
    per address.

    ``cache`` (any object with ``team`` and ``lists`` dicts) lets the reminders of one sending
    chunk share these lookups.
    """
    found: dict[str, Recipient] = {}

    def add(recipient: Recipient):
        key = recipient.email.strip().lower()
        if key and key not in found:
            found[key] = recipient

    team_cache = cache.team if cache is not None else {}
    if incident.pk not in team_cache:
        owner = incident.owner
        readers = []
        if owner.email and may_read(owner, incident):
            readers.append(
                Recipient(
                    owner.email, owner.get_full_name(), reader_zone(owner), "case owner", owner.pk
                )
            )
        for member in incident.team.select_related("user").order_by("id"):
            user = member.user
            if user.is_active and user.email and user.pk != owner.pk and may_read(user, incident):
                readers.append(
                    Recipient(
                        user.email, user.get_full_name(), reader_zone(user), "case team", user.pk
                    )
                )
        team_cache[incident.pk] = readers
    for recipient in team_cache[incident.pk]:
        add(recipient)
    for address in _list_addresses(incident, obligation.jurisdiction, cache):
        add(Recipient(address, why="distribution list"))
    if reminder.is_overdue_notice and settings.ESCALATION_EMAIL:
        add(Recipient(settings.ESCALATION_EMAIL, why="escalation contact"))
    return list(found.values())


def _list_addresses(incident, jurisdiction: str, cache) -> list[str]:
    from django.db.models import Q

    from .models import DistributionList

    key = (incident.pk, jurisdiction)
    lists_cache = cache.lists if cache is not None else {}
    if key not in lists_cache:
        lists = DistributionList.objects.filter(
            Q(incident=incident) | Q(jurisdiction=jurisdiction, incident__isnull=True)
        ).order_by("id")
        lists_cache[key] = [a for dlist in lists for a in dlist.address_list()]
    return lists_cache[key]


def message_id(reminder_pk: int, email: str, *, prefix: str = "reminder") -> str:
    """Stable for (reminder, reader): a retry or redelivery carries the same Message-ID."""
    from .models import message_id_domain

    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:12]
    return f"<{prefix}.{reminder_pk}.{digest}@{message_id_domain()}>"


def humanize(delta: timedelta) -> str:
    """``2 days 3 hours``, ``3 hours 12 minutes``, ``12 minutes``, ``less than a minute``."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = []
    for value, unit in ((days, "day"), (hours, "hour"), (mins, "minute")):
        if value:
            parts.append(f"{value} {unit}{'' if value == 1 else 's'}")
    if not parts:
        return "less than a minute"
    return " ".join(parts[:2])


def case_url(incident) -> str:
    return settings.SITE_URL.rstrip("/") + incident.get_absolute_url()


def reminder_context(reminder, obligation, incident, recipient: Recipient, now: datetime) -> dict:
    deadline = reminder.deadline_at
    left = deadline - now
    privileged = bool(getattr(incident, "privileged", False))
    recipient_label = obligation.recipient.replace("_", " ")
    state, when = timing(reminder.kind, left)
    overdue = state == "overdue"
    # The further information a notice given in phases still owes: counted down to the team's
    # own target for it, after the first part went out. Said first, in the subject and the body.
    further = getattr(reminder, "is_further_information", False)
    # No legal deadline: the reminders count down to the team's own target; say so plainly.
    internal_target = obligation.due_at is None or further
    # A privileged case names no regime in the subject (it can hint at the matter); the
    # authority is needed to act and is in the body anyway.
    subject = reminder_subject(
        reference=incident.reference,
        when=when,
        recipient_label=recipient_label,
        authority=obligation.authority,
        regime="" if privileged else (obligation.regime or obligation.rule_code),
        privileged=privileged,
        internal_target=internal_target,
        further_information=further,
    )
    local = deadline.astimezone(recipient.zone)
    authority_local = ""
    try:
        zone = ZoneInfo(obligation.due_local_tz) if obligation.due_local_tz else None
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    if zone is not None and zone != recipient.zone:
        authority_local = deadline.astimezone(zone).strftime(
            f"%A %d %B %Y, %H:%M %Z (UTC%z) [{zone}]"
        )
    return {
        "subject": subject,
        "privileged": privileged,
        "reference": incident.reference,
        "title": "" if privileged else incident.title,
        "rule_code": obligation.rule_code,
        "regime": obligation.regime,
        "stage": obligation.stage.replace("_", " "),
        "recipient_label": recipient_label,
        "authority": obligation.authority,
        "citation": "" if privileged else obligation.citation,
        "why": [] if privileged else list(obligation.why or []),
        "deadline_local": local.strftime("%A %d %B %Y, %H:%M %Z (UTC%z)"),
        "reader_zone": str(recipient.zone),
        "deadline_utc": deadline.astimezone(UTC).strftime("%A %d %B %Y, %H:%M UTC"),
        "deadline_authority": authority_local,
        "overdue": overdue,
        "due_now": state == "now",
        "internal_target": internal_target,
        "timing_standard": obligation.timing_standard,
        "time_left": humanize(left),
        "kind": reminder.kind,
        "kind_label": reminder.get_kind_display(),
        "case_url": case_url(incident),
        "recipient": recipient,
        "escalation": recipient.why == "escalation contact",
        "further_information": further,
        "first_part": first_part(obligation, recipient.zone) if further else None,
        # The provision the further information is owed under: the rule's citation (for the
        # GDPR it names Art 33, whose paragraph 4 allows the phases); a privileged case's email
        # names only the regime, as its "Under" line always does.
        "owed_under": (
            (obligation.regime or obligation.rule_code)
            if privileged
            else (obligation.citation or obligation.regime or obligation.rule_code)
        ),
    }


def first_part(obligation, zone: ZoneInfo) -> dict | None:
    """The latest recorded phase of the obligation's notice (what was sent, when, to whom)."""
    phase = obligation.notice_phases.order_by("-sent_at", "-id").first()
    if phase is None:
        return None
    return {
        "label": phase.get_phase_display(),
        "sent_local": phase.sent_at.astimezone(zone).strftime("%A %d %B %Y, %H:%M %Z"),
        "sent_utc": phase.sent_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def render_reminder(reminder, obligation, incident, recipient: Recipient, now: datetime):
    """One ready-to-send message for one reader. Raises on any rendering problem: the caller
    records it on the row (a broken reminder must not block the others)."""
    context = reminder_context(reminder, obligation, incident, recipient, now)
    text = render_to_string("emails/reminder.txt", context)
    html = render_to_string("emails/reminder.html", context)
    message = EmailMultiAlternatives(
        subject=context["subject"],
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
        headers={
            "Message-ID": message_id(reminder.pk, recipient.email),
            "Auto-Submitted": "auto-generated",
            "X-Breachclock-Reminder": str(reminder.pk),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def render_delivery_failure(reminder, obligation, incident, failures: dict, to: list[str]):
    """The alert to the case owner and the escalation address when a reminder could not be
    delivered (a permanently refused address, or an email that could not be rendered)."""
    privileged = bool(getattr(incident, "privileged", False))
    context = {
        "reference": incident.reference,
        "title": "" if privileged else incident.title,
        "authority": obligation.authority or obligation.recipient.replace("_", " "),
        "deadline_utc": reminder.deadline_at.astimezone(UTC).strftime("%A %d %B %Y, %H:%M UTC"),
        "failures": sorted(failures.items()),
        "case_url": case_url(incident),
        # A reminder about the further information of a phased notice: its target, not the
        # notice's deadline, and said so.
        "further_information": getattr(reminder, "is_further_information", False),
    }
    what = "A deadline reminder"
    if context["further_information"]:
        what = "A reminder about further information owed"
    subject = f"[{incident.reference}] {what} could not be delivered"
    text = render_to_string("emails/delivery_failed.txt", context)
    html = render_to_string("emails/delivery_failed.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers={
            "Message-ID": message_id(reminder.pk, ",".join(sorted(to)), prefix="reminder-alert"),
            "Auto-Submitted": "auto-generated",
            "X-Breachclock-Reminder": str(reminder.pk),
        },
    )
    message.attach_alternative(html, "text/html")
    return message
