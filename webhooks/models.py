"""Outgoing webhooks: a hook (an address and the events it wants), the events that happened to
cases, and one delivery row per (hook, event) - the schedule and the log at once.

Events and their delivery rows are written in the transaction of the change they report, so a
change that commits is delivered and one that rolls back is not (``webhooks/events.py``); the
Celery tasks in ``webhooks/tasks.py`` send the rows, at least once, with a delivery id that stays
the same across retries so receivers can drop repeats.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .choices import DeliveryStatus, EventName, Format


class Webhook(models.Model):
    """An address that receives case events, owned by the person who created it.

    It carries only events of cases its owner can see when each is sent (``visible_to`` at
    delivery), narrowed to one case's team when ``team`` is set. ``secret`` signs every body
    (``Breachclock-Signature``); it is shown once, when the hook is created, and never again.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhooks"
    )
    # Checked by webhooks.guard (public http(s) only) when created and before each delivery.
    url = models.CharField(max_length=2000)
    events = models.JSONField(default=list, help_text="Event names, e.g. obligation.due_soon.")
    team = models.ForeignKey(
        "incidents.Incident",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Only the events of this case (its team's channel); blank for every case.",
    )
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.JSON)
    secret = models.CharField(max_length=100, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # webhooks.events.emit: "hooks that want this event" is read per change.
            models.Index(fields=["created_by"], name="webhook_owner_idx"),
        ]

    def __str__(self):
        return f"{self.get_format_display()} hook to {self.host} ({self.created_by})"

    @property
    def host(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self.url).hostname or self.url

    def event_labels(self) -> list[str]:
        labels = dict(EventName.choices)
        return [labels.get(name, name) for name in self.events]


class Event(models.Model):
    """Something that happened to a case that hooks may be told about.

    ``key`` makes an event happen once however often its cause is processed (a reminder row
    retried by the worker gives one ``obligation.due_soon``, not one per attempt).
    """

    name = models.CharField(max_length=40, choices=EventName.choices)
    key = models.CharField(max_length=120, unique=True)
    incident = models.ForeignKey("incidents.Incident", on_delete=models.CASCADE, related_name="+")
    obligation = models.ForeignKey(
        "incidents.Obligation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)
    occurred_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.name} #{self.pk}"


class Delivery(models.Model):
    """One event to one hook: what was sent, how often, and how it went.

    ``delivery_id`` is the ``Breachclock-Delivery`` header: the same on every attempt. A task
    sends a row only while it holds the row's lease (``lease_token`` until ``leased_until``); a
    worker that dies mid-send frees the row when the lease runs out and the beat sends it again.
    """

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    delivery_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_token = models.UUIDField(null=True, blank=True)
    leased_until = models.DateTimeField(null=True, blank=True)
    response_status = models.PositiveIntegerField(null=True, blank=True)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["webhook", "event"], name="delivery_once_per_hook"),
        ]
        indexes = [
            # webhooks.tasks.claim_due_deliveries (beat task dispatch_due_deliveries): "pending
            # rows due by now". Partial: its size follows what is still to send.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="delivery_pending_due_idx",
            ),
            # The hook's delivery log, newest first.
            models.Index(fields=["webhook", "-created_at"], name="delivery_log_idx"),
        ]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.event.name} to hook {self.webhook_id}: {self.get_status_display()}"
