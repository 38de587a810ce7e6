from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q

from incidents.admin_scope import CaseScopedForeignKeys
from incidents.models import Incident
from incidents.queries import sees_all

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


WIDE_LIST_REFUSED = (
    "A jurisdiction-wide list receives the reminders of every team's cases there: only someone "
    "who sees every case (the privacy office, an administrator) may keep one. Give a case instead."
)


@admin.register(DistributionList)
class DistributionListAdmin(CaseScopedForeignKeys, admin.ModelAdmin):
    """A case's list: for people who can see the case (the case key offers and accepts only
    those). A jurisdiction-wide list: changed only by someone who sees every case."""

    list_display = ["__str__", "jurisdiction", "note"]
    # Not a raw id: its widget labels a typed id with any case's title, visible or not. The
    # autocomplete searches through IncidentAdmin (visible_to) and labels from the scoped key.
    autocomplete_fields = ["incident"]
    search_fields = ["jurisdiction", "addresses", "incident__reference"]

    def get_queryset(self, request):
        # A case's list only for those who can see the case (the read door).
        visible = Incident.objects.visible_to(request.user)
        return (
            super().get_queryset(request).filter(Q(incident__isnull=True) | Q(incident__in=visible))
        )

    def _may_change(self, request, obj) -> bool:
        return obj is None or obj.incident_id is not None or sees_all(request.user)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_change(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change=change, **kwargs)
        wide_allowed = sees_all(request.user)

        class ScopedForm(base):
            def clean(self):
                data = super().clean()
                if not data.get("incident") and not wide_allowed:
                    raise ValidationError(WIDE_LIST_REFUSED)
                return data

        return ScopedForm


@admin.register(Reminder)
class ReminderAdmin(CaseScopedForeignKeys, admin.ModelAdmin):
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
class ReminderSnoozeAdmin(CaseScopedForeignKeys, admin.ModelAdmin):
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
