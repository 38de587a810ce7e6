"""Creating and removing hooks: the one door the API, the settings page and the admin use."""

from __future__ import annotations

from django.db import transaction

from incidents.queries import can_open_cases

from .choices import EventName, Format
from .guard import UnsafeAddress, check_url
from .models import Webhook
from .signing import new_secret


class WebhookError(ValueError):
    """Bad input for a hook, naming the field; nothing is stored."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _team(value, user):
    """The case whose team the hook serves: an id or a reference the user can see."""
    from incidents.models import Incident

    if value in (None, ""):
        return None
    visible = Incident.objects.visible_to(user)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise WebhookError("team", "must be a case id or reference")
    found = (
        visible.filter(pk=int(value)).first()
        if str(value).isdigit()
        else visible.filter(reference=str(value).strip().upper()).first()
    )
    if found is None:
        raise WebhookError("team", f"no case {value} that you can see")
    return found


def clean_events(events) -> list[str]:
    if not isinstance(events, list) or not events:
        raise WebhookError("events", f"choose at least one of: {', '.join(EventName.values)}")
    unknown = [e for e in events if e not in EventName.values]
    if unknown:
        raise WebhookError(
            "events", f"unknown event {unknown[0]!r}; choose from: {', '.join(EventName.values)}"
        )
    return [e for e in EventName.values if e in events]  # the product's order, no repeats


@transaction.atomic
def create_webhook(user, *, url, events, team=None, format=Format.JSON) -> tuple[Webhook, str]:
    """A new hook owned by ``user``; returns it with its secret (shown this once)."""
    if not can_open_cases(user):
        raise WebhookError("(permission)", "only people who may open cases can add webhooks")
    if not isinstance(url, str) or not url.strip():
        raise WebhookError("url", "is required")
    url = url.strip()
    if len(url) > 2000:
        raise WebhookError("url", "must be at most 2,000 characters")
    try:
        check_url(url)
    except UnsafeAddress as exc:
        raise WebhookError("url", str(exc)) from None
    if format not in Format.values:
        raise WebhookError("format", f"must be one of: {', '.join(Format.values)}")
    secret = new_secret()
    hook = Webhook.objects.create(
        created_by=user,
        url=url,
        events=clean_events(events),
        team=_team(team, user),
        format=format,
        secret=secret,
    )
    return hook, secret


def create_from_form(user, data: dict) -> tuple[Webhook, str]:
    """``create_webhook`` from a form's cleaned data (the settings page and the admin)."""
    return create_webhook(
        user,
        url=data["url"],
        events=data["events"],
        team=data["team"].pk if data.get("team") else None,
        format=data["format"],
    )


def delivery_log(hook: Webhook, reader, *, limit: int) -> list:
    """The hook's latest deliveries, newest first, each with ``case_reference``: the case's
    reference if ``reader`` can see it now, else None (a case out of reach is not named)."""
    from incidents.models import Incident

    from .models import Delivery

    rows = list(Delivery.objects.filter(webhook=hook).select_related("event")[:limit])
    visible = dict(
        Incident.objects.visible_to(reader)
        .filter(pk__in={r.event.incident_id for r in rows})
        .values_list("pk", "reference")
    )
    for row in rows:
        row.case_reference = visible.get(row.event.incident_id)
    return rows


def hooks_of(user):
    """The hooks ``user`` manages: their own."""
    return Webhook.objects.filter(created_by=user).select_related("team")


def delete_webhook(hook: Webhook) -> None:
    hook.delete()  # its deliveries go with it
