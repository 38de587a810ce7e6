"""A risk-of-harm assessment of a case: one row per version, never edited.

The newest version is the assessment in force and gives the case's ``risk_of_harm`` fact; the
version in force at an earlier time is the newest one recorded by then (``in_force_at``), so the
record shows what was known and decided when. Written only by ``assessments.actions``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from .scales import METHOD_LABELS, RISK_LABELS


class RiskAssessment(models.Model):
    """One version of a case's documented risk-of-harm assessment: the method, each factor's
    answer and reason, the level the method computes, and the level counsel settled on."""

    incident = models.ForeignKey(
        "incidents.Incident", on_delete=models.CASCADE, related_name="assessments"
    )
    version = models.PositiveIntegerField()
    method = models.CharField(max_length=20, choices=list(METHOD_LABELS.items()))
    # The answers as given (scale keys) and the reason typed for each factor.
    answers = models.JSONField(default=dict)
    reasons = models.JSONField(default=dict, blank=True)
    # What the method computed (``scales.Result.as_dict``): factors with points and words, why.
    result = models.JSONField(default=dict)
    computed_risk = models.CharField(max_length=10, choices=list(RISK_LABELS.items()))
    score = models.FloatField(null=True, blank=True)
    risk_of_harm = models.CharField(max_length=10, choices=list(RISK_LABELS.items()))
    override_reason = models.TextField(
        blank=True, help_text="Why the level differs from the one the method computed."
    )
    rationale = models.TextField(help_text="The conclusion in counsel's words.")
    # US harm test: when the written no-harm determination was made (the clock of the duties
    # to send it, e.g. Fla. Stat. 501.171(4)(c): to the Department within 30 days).
    determined_at = models.DateTimeField(null=True, blank=True)
    reason_for_change = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["incident", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "version"], name="assessment_version_once")
        ]

    def __str__(self):
        return f"Assessment v{self.version} of case {self.incident_id}"

    @property
    def is_no_harm(self) -> bool:
        return self.method == "us_harm" and self.risk_of_harm in ("none", "unlikely")


def in_force_at(incident, at):
    """The assessment in force on ``incident`` at ``at`` (the newest recorded by then), or None."""
    return (
        RiskAssessment.objects.filter(incident=incident, created_at__lte=at)
        .order_by("-version")
        .first()
    )
