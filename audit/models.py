from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from audit.choices import Action


class AuditTrailImmutable(Exception):
    """Raised when code tries to change or remove an audit event."""


class AuditEventQuerySet(models.QuerySet):
    """Reads only: bulk UPDATE and DELETE are refused before they reach the database."""

    def update(self, **kwargs):
        raise AuditTrailImmutable("audit events cannot be updated")

    def delete(self):
        raise AuditTrailImmutable("audit events cannot be deleted")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditTrailImmutable("audit events cannot be updated")

    _update = update


class AuditEvent(models.Model):
    """One thing that happened: written once, never changed or removed.

    People and cases are referenced by id and a copy of their name rather than by foreign key, so
    that deleting a user or a case neither cascades into the trail nor needs to rewrite it. The
    refusal to update or delete is enforced here, in the queryset, and on PostgreSQL by a trigger
    (migration 0002) that no application code can bypass.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=40, choices=Action.choices, db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_username = models.CharField(max_length=150, blank=True)
    object_type = models.CharField(max_length=100, blank=True, help_text="app_label.model")
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    incident_id = models.BigIntegerField(null=True, blank=True)
    summary = models.CharField(max_length=500, blank=True)
    request_id = models.CharField(max_length=64, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            # The per-case trail (auditor's case view and export) reads newest first.
            models.Index(fields=["incident_id", "-at"], name="audit_incident_at"),
        ]
        permissions = [("export_auditevent", "Can export the audit trail")]

    def __str__(self):
        who = self.actor_username or "system"
        target = f"{self.object_type} {self.object_id}".strip()
        return f"{self.at:%Y-%m-%d %H:%M:%S} {who} {self.action} {target}"

    def save(self, *args, **kwargs):
        if not self._state.adding or kwargs.get("force_update") or kwargs.get("update_fields"):
            raise AuditTrailImmutable("audit events cannot be updated")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditTrailImmutable("audit events cannot be deleted")
