"""Enumerations of the webhooks app (stored values never change; labels may)."""

from django.db import models


class EventName(models.TextChoices):
    """What a hook may subscribe to. The values are the ``event`` field receivers read."""

    CASE_OPENED = "case.opened", "A case was opened"
    OBLIGATIONS_CHANGED = "obligations.changed", "Obligations changed (facts or rule book)"
    OBLIGATION_DUE_SOON = "obligation.due_soon", "A deadline is near (at each reminder time)"
    OBLIGATION_OVERDUE = "obligation.overdue", "A deadline has passed"
    OBLIGATION_NOTIFIED = "obligation.notified", "A notice was recorded as given"
    HOLD_REQUESTED = "hold.requested", "A delay of notices was requested"
    HOLD_LIFTED = "hold.lifted", "A delay of notices was lifted"


class Format(models.TextChoices):
    JSON = "json", "JSON (full event)"
    MINIMAL = "minimal", "Minimal (ids, event and link only)"
    SLACK = "slack", "Slack incoming webhook"
    TEAMS = "teams", "Microsoft Teams incoming webhook"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    DELIVERED = "delivered", "Delivered"
    # A 4xx (other than 408/429), a redirect, or a day of retries: the failure is kept on the row.
    FAILED = "failed", "Failed"
    # The hook's owner could no longer see the case when it was time to send (or the address
    # became internal): nothing was sent.
    SKIPPED = "skipped", "Not sent"
