"""Notice templates (rule data maintained by rules administrators) and a case's notice drafts.

Drafts are case data: every read starts from the case (``Incident.objects.visible_to``), every
change goes through ``incidents.drafting.actions`` with its Activity row. Versions are kept
forever: a version is never edited or deleted, a new text is a new version.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .choices import RECIPIENT_LABELS, DraftStatus, Phase, TemplateKind


class NoticeTemplate(models.Model):
    """The wording of a notice to one kind of recipient in one language, or of one insert.

    A letter's body is plain text: a ``# `` line is the title, ``## `` lines are headings, and
    ``{{ name }}`` placeholders are filled from the case (``drafting.prefill``); a placeholder
    the facts cannot fill becomes a marked gap ``[[...]]``. ``{{ inserts }}`` places the
    paragraphs the rule requires (credit agencies, FTC, security freeze...), each an insert
    template keyed by the element it satisfies. ``jurisdiction`` narrows a template to one place
    (``US-MA``) or country (``US``); empty means any. Every save is a ``NoticeTemplateChange``.
    """

    kind = models.CharField(max_length=10, choices=TemplateKind.choices, default="letter")
    recipient = models.CharField(
        max_length=40,
        blank=True,
        choices=list(RECIPIENT_LABELS.items()),
        help_text="Who the letter is for (letters only).",
    )
    key = models.CharField(
        max_length=60,
        blank=True,
        help_text="Inserts only: the required element the paragraph satisfies, e.g. "
        "'security_freeze'.",
    )
    language = models.CharField(max_length=10, default="en", help_text="e.g. en, de, fr.")
    jurisdiction = models.CharField(
        max_length=10,
        blank=True,
        help_text="Only for this place (US-MA) or country (US); empty for any.",
    )
    name = models.CharField(max_length=200)
    body = models.TextField()
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["kind", "recipient", "key", "jurisdiction", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "recipient", "key", "language", "jurisdiction"],
                name="notice_template_once",
            ),
        ]

    def __str__(self):
        return self.name

    def state(self) -> dict:
        """The fields a change records before and after."""
        return {
            "kind": self.kind,
            "recipient": self.recipient,
            "key": self.key,
            "language": self.language,
            "jurisdiction": self.jurisdiction,
            "name": self.name,
            "body": self.body,
            "active": self.active,
        }


class NoticeTemplateChange(models.Model):
    """One saved change of a template: who, when, the version it made, before and after."""

    template = models.ForeignKey(NoticeTemplate, on_delete=models.CASCADE, related_name="changes")
    version = models.PositiveIntegerField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField()

    class Meta:
        ordering = ["template", "version"]

    def __str__(self):
        return f"{self.template} v{self.version}"


class NoticeLetter(models.Model):
    """One letter to individuals sent in many jurisdictions: a draft (variant) per obligation,
    each with its jurisdiction's inserts and each checked against its own rule."""

    incident = models.ForeignKey(
        "incidents.Incident", on_delete=models.CASCADE, related_name="notice_letters"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Letter to individuals {self.pk} on {self.incident_id}"


class NoticeDraft(models.Model):
    """A draft of the notice one obligation owes, checked against that obligation's rule.

    ``requirements`` is the rule version's ``notice_content`` as it stood when drafting began
    (the record of what the draft was checked against). The text lives in its versions.
    Privileged while the case is and until it is sent (``is_privileged``).
    """

    incident = models.ForeignKey(
        "incidents.Incident", on_delete=models.CASCADE, related_name="notice_drafts"
    )
    obligation = models.ForeignKey(
        "incidents.Obligation", on_delete=models.PROTECT, related_name="notice_drafts"
    )
    letter = models.ForeignKey(
        NoticeLetter, on_delete=models.PROTECT, null=True, blank=True, related_name="variants"
    )
    template = models.ForeignKey(
        NoticeTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    template_version = models.PositiveIntegerField(default=0)
    language = models.CharField(max_length=10, default="en")
    rule_code = models.CharField(max_length=60)
    rule_version = models.PositiveIntegerField(default=1)
    requirements = models.JSONField(default=dict, blank=True)
    # Facts the checklist needs besides the text (the jurisdiction's count, its name).
    context = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=DraftStatus.choices, default=DraftStatus.DRAFT)
    approved_version = models.ForeignKey(
        "DraftVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        permissions = [
            ("approve_noticedraft", "Can approve a notice draft for sending (counsel)"),
        ]
        indexes = [
            # The case page: an obligation's drafts, newest last.
            models.Index(fields=["obligation", "created_at"], name="draft_obligation"),
        ]

    def __str__(self):
        return f"Draft {self.pk} for {self.rule_code}"

    def get_absolute_url(self):
        return reverse("drafting:draft", args=[self.incident_id, self.pk])

    @property
    def is_privileged(self) -> bool:
        return bool(self.incident.privileged) and self.status != DraftStatus.SENT

    def latest(self) -> DraftVersion:
        return self.versions.order_by("-number").first()


class DraftVersion(models.Model):
    """One version of a draft's text, with who wrote it, when, the change from the previous
    version (a unified diff) and the checklist computed for it. Never edited or deleted."""

    draft = models.ForeignKey(NoticeDraft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    diff = models.TextField(blank=True)
    checklist = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["draft", "number"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="draft_version_once"),
        ]

    def __str__(self):
        return f"Version {self.number} of draft {self.draft_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError("Draft versions are never edited")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Draft versions are never deleted")


class NoticePhase(models.Model):
    """One phase of a notice that was sent (GDPR Art 33(4): information in phases).

    An initial or follow-up phase leaves the obligation tracking the further information owed,
    with the team's internal target for it, until a final (or complete) phase is recorded.
    """

    obligation = models.ForeignKey(
        "incidents.Obligation", on_delete=models.PROTECT, related_name="notice_phases"
    )
    phase = models.CharField(max_length=12, choices=Phase.choices, default=Phase.COMPLETE)
    draft_version = models.ForeignKey(
        DraftVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField()
    method = models.CharField(max_length=20)
    sent_to = models.CharField(max_length=300)
    reference = models.CharField(max_length=200, blank=True)
    text_attachment = models.ForeignKey(
        "incidents.Attachment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pdf_attachment = models.ForeignKey(
        "incidents.Attachment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    follow_up_target_at = models.DateTimeField(
        null=True, blank=True, help_text="UTC; the team's target for the further information."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["obligation", "sent_at", "id"]

    def __str__(self):
        return f"{self.get_phase_display()} of {self.obligation_id}"

    @property
    def more_to_follow(self) -> bool:
        return self.phase in (Phase.INITIAL, Phase.FOLLOW_UP)
