from django.contrib import admin

from audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the admin can search the trail but never add, change or delete an event."""

    list_display = ("at", "action", "actor_username", "object_type", "object_id", "incident_id")
    list_filter = ("action", "object_type")
    search_fields = ("actor_username", "object_repr", "summary", "request_id")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
