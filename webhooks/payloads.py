"""What a hook receives, per format: the full event (``json``), ids and a link (``minimal``), or
a readable chat message (``slack``, ``teams``).

Rendered at delivery time from the case as it is then (the deadline a receiver acts on is the
current one). Never a note's text. A privileged case (which only reaches hooks of its own team)
names no title, regime or citation in chat, as its reminder emails do not.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from reminders.emails import humanize, reader_zone

from .choices import EventName, Format

PRIVILEGED = "Privileged & confidential"


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z") if value else None


def case_link(incident) -> str:
    return settings.SITE_URL.rstrip("/") + incident.get_absolute_url()


def team_zone(incident) -> ZoneInfo:
    """The case team's zone: its owner's (the person accountable for the case)."""
    return reader_zone(incident.owner)


def duty(obligation) -> str:
    """``Notify supervisory authority (Berliner Beauftragte ...)``: what is owed, in words."""
    who = obligation.recipient.replace("_", " ")
    authority = f" ({obligation.authority})" if obligation.authority else ""
    return f"Notify {who}{authority}"


def due_in(obligation, now: datetime) -> str:
    due = obligation.due_at or obligation.target_at
    if due is None:
        return obligation.timing_standard or "no fixed deadline"
    left = due - now
    words = humanize(left)
    return f"overdue by {words}" if left.total_seconds() < 0 else f"due in {words}"


def _obligation(obligation, incident, now: datetime) -> dict:
    zone = team_zone(incident)
    due = obligation.due_at
    privileged = incident.privileged
    return {
        "id": obligation.pk,
        "rule": obligation.rule_code,
        "duty": duty(obligation),
        "recipient": obligation.recipient,
        "authority": obligation.authority,
        "regime": "" if privileged else obligation.regime,
        "citation": "" if privileged else obligation.citation,
        "status": obligation.status,
        "due_at": _iso(due),
        "due_team": due.astimezone(zone).isoformat() if due else None,
        "team_time_zone": str(zone),
        "due_local": obligation.due_local or None,
        "due_in": due_in(obligation, now),
        "internal_target_at": _iso(obligation.target_at),
    }


def full(event, incident, obligation, delivery_id: str, now: datetime) -> dict:
    body = {
        "event": event.name,
        "delivery": delivery_id,
        "occurred_at": _iso(event.occurred_at),
        "case": {
            "id": incident.pk,
            "reference": incident.reference,
            "title": PRIVILEGED if incident.privileged else incident.title,
            "privileged": incident.privileged,
            "status": incident.status,
            "severity": incident.severity,
            "next_due_at": _iso(incident.next_due_at),
        },
        "obligation": _obligation(obligation, incident, now) if obligation else None,
        "link": case_link(incident),
    }
    if event.data:
        body["data"] = event.data
    return body


def minimal(event, incident, obligation, delivery_id: str) -> dict:
    return {
        "event": event.name,
        "delivery": delivery_id,
        "case": {"id": incident.pk},
        "obligation": {"id": obligation.pk} if obligation else None,
        "link": case_link(incident),
    }


# What a chat message says happened (the settings page's labels explain more than a chat needs).
HEADLINES = {
    EventName.CASE_OPENED: "case opened",
    EventName.OBLIGATIONS_CHANGED: "obligations changed",
    EventName.OBLIGATION_DUE_SOON: "deadline near",
    EventName.OBLIGATION_OVERDUE: "deadline passed",
    EventName.OBLIGATION_NOTIFIED: "notice recorded as given",
    EventName.HOLD_REQUESTED: "delay of notices requested",
    EventName.HOLD_LIFTED: "delay of notices lifted",
}


def _headline(event, incident) -> str:
    label = HEADLINES.get(event.name, event.name)
    mark = "[Privileged] " if incident.privileged else ""
    title = "" if incident.privileged else f" {incident.title}"
    return f"{mark}{incident.reference}{title}: {label}"


def _lines(event, incident, obligation, now) -> list[tuple[str, str]]:
    lines = [("Case", incident.reference + ("" if incident.privileged else f" {incident.title}"))]
    if obligation is not None:
        lines.append(("Duty", duty(obligation)))
        lines.append(("Due", due_in(obligation, now)))
        if obligation.due_at:
            zone = team_zone(incident)
            local = obligation.due_at.astimezone(zone)
            lines.append(
                ("Deadline", f"{obligation.due_at:%Y-%m-%d %H:%M} UTC ({local:%Y-%m-%d %H:%M %Z})")
            )
    elif event.data.get("obligations"):
        lines.append(("Obligations changed", str(len(event.data["obligations"]))))
    return lines


def slack(event, incident, obligation, now) -> dict:
    """Slack incoming webhook: ``text`` (notifications, fallback) and ``blocks`` (the message).
    https://api.slack.com/messaging/webhooks"""
    headline = _headline(event, incident)
    link = case_link(incident)
    fields = [
        {"type": "mrkdwn", "text": f"*{name}*\n{value}"}
        for name, value in _lines(event, incident, obligation, now)
    ]
    return {
        "text": f"{headline} - {link}",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": f"*{headline}*"}},
            {"type": "section", "fields": fields[:10]},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Open the case"},
                        "url": link,
                    }
                ],
            },
        ],
    }


def teams(event, incident, obligation, now) -> dict:
    """Microsoft Teams incoming webhook (Workflows or connector): a message with one Adaptive
    Card. https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using"""
    headline = _headline(event, incident)
    facts = [
        {"title": name, "value": value} for name, value in _lines(event, incident, obligation, now)
    ]
    return {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": {
                    "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                    "type": "AdaptiveCard",
                    "version": "1.4",
                    "body": [
                        {
                            "type": "TextBlock",
                            "text": headline,
                            "weight": "Bolder",
                            "size": "Medium",
                            "wrap": True,
                        },
                        {"type": "FactSet", "facts": facts},
                    ],
                    "actions": [
                        {
                            "type": "Action.OpenUrl",
                            "title": "Open the case",
                            "url": case_link(incident),
                        }
                    ],
                },
            }
        ],
    }


def render(hook_format: str, event, incident, obligation, delivery_id: str, now: datetime) -> bytes:
    """The body to send, as compact UTF-8 JSON (the bytes that are signed)."""
    if hook_format == Format.MINIMAL:
        body = minimal(event, incident, obligation, delivery_id)
    elif hook_format == Format.SLACK:
        body = slack(event, incident, obligation, now)
    elif hook_format == Format.TEAMS:
        body = teams(event, incident, obligation, now)
    else:
        body = full(event, incident, obligation, delivery_id, now)
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
