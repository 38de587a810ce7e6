"""Hooks in the admin: each person's own (a superuser sees all), with the delivery log; a new
hook goes through ``webhooks.actions`` (address checked, secret shown once in the message)."""

from django import forms
from django.contrib import admin, messages

from incidents.admin_scope import CaseScopedForeignKeys
from incidents.queries import can_open_cases

from . import actions
from .choices import EventName
from .guard import UnsafeAddress, check_url
from .models import Delivery, Webhook


class WebhookAdminForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")
    events = forms.MultipleChoiceField(
        choices=EventName.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Webhook
        fields = ["url", "format", "events", "team"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            check_url(url)
        except UnsafeAddress as exc:
            raise forms.ValidationError(str(exc)) from None
        return url


class DeliveryInline(admin.TabularInline):
    """The log: no case is named here (the event's case may be outside the reader's reach)."""

    model = Delivery
    fields = [
        "event_name",
        "status",
        "attempts",
        "response_status",
        "latency_ms",
        "last_error",
        "created_at",
        "delivery_id",
    ]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ["-created_at"]

    @admin.display(description="event")
    def event_name(self, row):
        return row.event.get_name_display()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


@admin.register(Webhook)
class WebhookAdmin(CaseScopedForeignKeys, admin.ModelAdmin):
    form = WebhookAdminForm
    list_display = ["host", "format", "created_by", "created_at"]
    list_filter = ["format"]
    inlines = [DeliveryInline]

    def get_queryset(self, request):
        hooks = super().get_queryset(request).select_related("created_by")
        return hooks if request.user.is_superuser else hooks.filter(created_by=request.user)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and can_open_cases(request.user)

    def get_readonly_fields(self, request, obj=None):
        # A hook is replaced, not edited: its address was checked when it was created.
        return ["url", "format", "events", "team", "created_by"] if obj else []

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        try:
            hook, secret = actions.create_from_form(request.user, form.cleaned_data)
        except actions.WebhookError as exc:
            # The form checked the same things; a change in between (the address re-resolved)
            # is said plainly and nothing is stored.
            messages.error(request, f"{exc.field}: {exc.message}")
            raise
        # The admin goes on with ``obj`` (its log entry, the redirect): make it the stored hook.
        obj.pk, obj.created_by, obj.created_at = hook.pk, hook.created_by, hook.created_at
        obj._state.adding = False
        messages.success(request, f"Hook added. Its secret, shown only this once: {secret}")
