"""Retention: how long a case's personal data is kept, legal holds, and what the purge did.

Changes go through ``retention.actions`` (each writes the case timeline and the audit trail);
reads of cases start from ``Incident.objects.visible_to(user)`` like everywhere else.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class RetentionPolicy(models.Model):
    """How long an organisation keeps the personal data of its closed cases.

    ``years`` empty means "as long as the law demands": the longest documentation period of the
    rules in play on the case (``retention.periods``). A number shorter than the law demands
    never shortens it: the longer of the two applies, and the page says so.
    """

    organisation = models.OneToOneField(
        "organisations.OrganisationProfile",
        on_delete=models.CASCADE,
        related_name="retention_policy",
    )
    years = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Years after a case is closed; blank: the longest period the case's rules set.",
    )
    basis = models.TextField(blank=True, help_text="Why this period (policy, contract, law).")
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "retention policies"

    def __str__(self):
        return f"Retention for {self.organisation}: {self.years or 'as the law demands'}"


class LegalHold(models.Model):
    """A legal hold on a case: while it stands nothing of the case may be deleted or purged.

    Set and lifted, each with a reason, by counsel or the privacy office
    (``retention.actions``). A lifted hold stays as a record (``lifted_at`` filled in).
    """

    incident = models.ForeignKey(
        "incidents.Incident", on_delete=models.CASCADE, related_name="legal_holds"
    )
    reason = models.TextField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-set_at", "-id"]
        constraints = [
            # One standing hold per case: "set" twice is refused rather than stacked.
            models.UniqueConstraint(
                fields=["incident"], condition=Q(lifted_at__isnull=True), name="one_active_hold"
            ),
        ]
        permissions = [("manage_legal_hold", "Can set and lift a legal hold on a case")]

    def __str__(self):
        state = "lifted" if self.lifted_at else "in force"
        return f"Legal hold on case {self.incident_id} ({state})"

    @property
    def active(self) -> bool:
        return self.lifted_at is None


class CasePurge(models.Model):
    """What the purge removed from one case, when, and on what retention basis.

    One row per purge of a case; the case timeline and the audit trail carry the same facts.
    """

    incident = models.ForeignKey(
        "incidents.Incident", on_delete=models.CASCADE, related_name="purges"
    )
    purged_at = models.DateTimeField(default=timezone.now)
    as_of = models.DateField(help_text="The day the retention period was measured against.")
    retained_until = models.DateField()
    attachments = models.PositiveIntegerField(default=0)
    notes = models.PositiveIntegerField(default=0)
    basis = models.JSONField(default=list, help_text="Why the period was what it was.")

    class Meta:
        ordering = ["-purged_at", "-id"]

    def __str__(self):
        return f"Purge of case {self.incident_id} on {self.purged_at:%Y-%m-%d}"
