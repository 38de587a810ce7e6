"""What the breach register keeps beyond the case itself (GDPR Art 33(5): "the facts relating to
the personal data breach, its effects and the remedial action taken"), and what the event was.

One row per case at most, written only by ``register.actions`` (each change on the case's
timeline, before and after). A case without a row is registered as "not yet classified".
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Classification(models.TextChoices):
    UNCLASSIFIED = "", "Not yet classified"
    BREACH = "personal_data_breach", "Personal data breach"
    NOT_PERSONAL = "security_event", "Security event: no personal data affected"
    NEAR_MISS = "near_miss", "Near miss: no breach of security occurred"


class RegisterEntry(models.Model):
    """The register's own fields for one case: classification with why, effects, remedial action."""

    incident = models.OneToOneField(
        "incidents.Incident", on_delete=models.CASCADE, related_name="register_entry"
    )
    classification = models.CharField(
        max_length=30, choices=Classification.choices, blank=True, default=""
    )
    classification_reason = models.TextField(
        blank=True, help_text="Why it is, or is not, a personal-data breach."
    )
    effects = models.TextField(blank=True, help_text="Its effects on the people concerned.")
    remedial_action = models.TextField(blank=True, help_text="What was done to remedy it.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "register entries"
        permissions = [("view_register", "Can read the breach register and the numbers")]

    def __str__(self):
        return f"Register entry of case {self.incident_id}"
