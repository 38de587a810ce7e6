"""Admin: a read-only window on cases, through the same read door as every page.

Cases change only through ``incidents.actions`` (each change logged with before/after), so the
admin offers no add, change or delete for them; feed links can be revoked (through the action).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Q

from . import actions
from .admin_scope import CaseScopedForeignKeys
from .models import (
    Activity,
    AffectedPopulation,
    Attachment,
    FeedToken,
    Incident,
    IncidentEvent,
    Note,
    Obligation,
    TeamMember,
)
from .queries import sees_all


class ReadOnlyMixin(CaseScopedForeignKeys):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnlyMixin, admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False


class EventInline(ReadOnlyInline):
    model = IncidentEvent
    fields = ["event", "at", "determined_by", "basis", "recorded_at"]
    readonly_fields = fields


class AffectedInline(ReadOnlyInline):
    model = AffectedPopulation
    fields = ["jurisdiction", "count"]
    readonly_fields = fields


class TeamInline(ReadOnlyInline):
    model = TeamMember
    fields = ["user", "role", "added_at", "added_by"]
    readonly_fields = fields


class ObligationInline(ReadOnlyInline):
    model = Obligation
    fields = ["rule_code", "stage", "recipient", "due_at", "status", "superseded", "reason"]
    readonly_fields = fields


@admin.register(Incident)
class IncidentAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["reference", "title", "status", "severity", "privileged", "owner", "created_at"]
    list_filter = ["status", "severity", "privileged"]
    search_fields = ["reference", "title"]
    list_select_related = ["owner"]
    date_hierarchy = "created_at"
    inlines = [EventInline, AffectedInline, TeamInline, ObligationInline]

    def get_queryset(self, request):
        return Incident.objects.visible_to(request.user).select_related("owner")

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff


class CaseChildAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Rows of a case, limited to the cases the admin user may see."""

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("incident")
        if sees_all(request.user):
            return qs
        return qs.filter(incident__in=Incident.objects.visible_to(request.user))


@admin.register(Obligation)
class ObligationAdmin(CaseChildAdmin):
    list_display = ["incident", "rule_code", "stage", "recipient", "due_at", "status", "superseded"]
    list_filter = ["status", "recipient", "superseded"]
    search_fields = ["rule_code", "incident__reference"]


@admin.register(Activity)
class ActivityAdmin(CaseChildAdmin):
    list_display = ["at", "incident", "actor", "kind", "summary"]
    list_filter = ["kind"]
    search_fields = ["incident__reference", "summary"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


@admin.register(Note)
class NoteAdmin(CaseChildAdmin):
    list_display = ["incident", "author", "privileged", "created_at"]


@admin.register(Attachment)
class AttachmentAdmin(CaseChildAdmin):
    list_display = ["incident", "name", "kind", "size", "uploaded_by", "uploaded_at"]
    exclude = ["file"]  # downloads go through the case page's checked view


@admin.register(FeedToken)
class FeedTokenAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["user", "incident", "created_at", "revoked_at", "last_used_at"]
    list_filter = ["revoked_at"]
    exclude = ["token"]  # the secret is never shown here
    actions = ["revoke"]

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("user", "incident")
        # Feeds of cases outside the viewer's reach would name those cases: the read door again.
        return qs.filter(
            Q(incident__isnull=True) | Q(incident__in=Incident.objects.visible_to(request.user))
        )

    def has_change_permission(self, request, obj=None):
        # Needed for the bulk action; every field stays read-only.
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        return ["user", "incident", "created_at", "revoked_at", "last_used_at"]

    @admin.action(description="Revoke the selected feed links")
    def revoke(self, request, queryset):
        for token in queryset.filter(revoked_at__isnull=True):
            actions.revoke_feed_token(token, acting_user=request.user)
        messages.success(request, "Feed links revoked.")
