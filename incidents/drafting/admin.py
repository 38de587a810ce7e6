"""Notice templates in the admin, for rules administrators: every save is a new version with
who, when, before and after (``NoticeTemplateChange``), shown below the form."""

from __future__ import annotations

from django.contrib import admin
from django.db import transaction
from django.utils import timezone

from .models import NoticeTemplate, NoticeTemplateChange
from .render import placeholders


class ChangeInline(admin.TabularInline):
    model = NoticeTemplateChange
    extra = 0
    can_delete = False
    fields = ["version", "changed_at", "changed_by", "before", "after"]
    readonly_fields = fields
    ordering = ["-version"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(NoticeTemplate)
class NoticeTemplateAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "recipient",
        "key",
        "jurisdiction",
        "language",
        "version",
        "active",
        "updated_at",
    ]
    list_filter = ["kind", "recipient", "language", "active"]
    search_fields = ["name", "body", "key", "jurisdiction"]
    readonly_fields = ["version", "updated_at", "updated_by", "placeholders_used"]
    inlines = [ChangeInline]
    fieldsets = [
        (
            None,
            {"fields": ["name", "kind", "recipient", "key", "jurisdiction", "language", "active"]},
        ),
        (
            "Wording",
            {
                "fields": ["body", "placeholders_used"],
                "description": "Plain text. A line starting '# ' is the title, '## ' a heading. "
                "{{ name }} is filled from the case ({{ organisation_name }}, {{ what_happened }}, "
                "{{ data_involved }}, {{ contact_point }}...); what the case does not say becomes "
                "a marked gap [[...]]. {{ inserts }} places the paragraphs the rule requires.",
            },
        ),
        ("Version", {"fields": ["version", "updated_at", "updated_by"]}),
    ]

    @admin.display(description="Placeholders used")
    def placeholders_used(self, obj):
        return ", ".join(placeholders(obj.body)) if obj and obj.pk else "-"

    def has_delete_permission(self, request, obj=None):
        # Drafts name the template and version they came from: retire one with "active".
        return False

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        before = None
        if change:
            before = NoticeTemplate.objects.select_for_update().get(pk=obj.pk).state()
            if before == obj.state():
                return
            obj.version += 1
        obj.updated_at = timezone.now()
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        NoticeTemplateChange.objects.create(
            template=obj,
            version=obj.version,
            changed_by=request.user,
            before=before,
            after=obj.state(),
        )
