from django.contrib import admin
from django.db.models import Q

from incidents.models import Incident

from .models import DispatchHeartbeat, DistributionList, Reminder, ReminderPolicy, ReminderSnooze


@admin.register(ReminderPolicy)
class ReminderPolicyAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "rule_code",
        "recipient_kind",
        "before",
        "at_deadline",
        "overdue_after",
        "repeat_overdue_every",
        "active",
    ]
    list_filter = ["active", "recipient_kind"]
    search_fields = ["name", "rule_code"]


@admin.register(DistributionList)
class DistributionListAdmin(admin.ModelAdmin):
    list_display = ["__str__", "jurisdiction", "note"]
    raw_id_fields = ["incident"]
    search_fields = ["jurisdiction", "addresses", "incident__reference"]

    def get_queryset(self, request):
        # A case's list only for those who can see the case (the read door).
        visible = Incident.objects.visible_to(request.user)
        return (
            super().get_queryset(request).filter(Q(incident__isnull=True) | Q(incident__in=visible))
        )


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """Read-only: rows change only through the scheduler and the dispatcher."""

    list_display = ["id", "obligation", "kind", "offset_minutes", "due_at", "status", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["obligation__incident__reference", "obligation__rule_code"]
    raw_id_fields = ["obligation"]
    date_hierarchy = "due_at"

    def get_queryset(self, request):
        # Only reminders of cases the viewer can see (the read door).
        visible = Incident.objects.visible_to(request.user)
        return super().get_queryset(request).filter(obligation__incident__in=visible)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReminderSnooze)
class ReminderSnoozeAdmin(admin.ModelAdmin):
    list_display = ["obligation", "until", "created_by", "created_at"]
    raw_id_fields = ["obligation"]

    def get_queryset(self, request):
        visible = Incident.objects.visible_to(request.user)  # the read door
        return super().get_queryset(request).filter(obligation__incident__in=visible)

    def has_add_permission(self, request):
        return False  # snoozing goes through reminders.actions.snooze_reminders (it is logged)

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DispatchHeartbeat)
class DispatchHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["name", "last_run_at", "last_claimed", "last_folded"]
