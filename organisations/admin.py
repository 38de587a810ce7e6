"""Organisation profiles in the admin, saved through ``organisations.actions`` (audited)."""

from django import forms
from django.contrib import admin

from incidents.actions import ActionError

from . import actions
from .models import OrganisationProfile


class ProfileAdminForm(forms.ModelForm):
    class Meta:
        model = OrganisationProfile
        fields = list(actions.FIELDS)

    def clean(self):
        cleaned = super().clean()
        values = {k: cleaned[k] for k in actions.FIELDS if k in cleaned and k != "contract_clauses"}
        try:
            actions.check_values(values)
        except ActionError as exc:
            self.add_error(exc.field if exc.field in self.fields else None, exc.message)
        return cleaned


@admin.register(OrganisationProfile)
class OrganisationProfileAdmin(admin.ModelAdmin):
    form = ProfileAdminForm
    list_display = ("name", "main_establishment", "active", "updated_at", "updated_by")
    search_fields = ("name",)
    filter_horizontal = ("contract_clauses",)

    def has_delete_permission(self, request, obj=None):
        return False  # a profile is the record behind its cases' snapshots: deactivate it

    def save_model(self, request, obj, form, change):
        values = {k: form.cleaned_data[k] for k in actions.FIELDS if k in form.cleaned_data}
        saved = actions.save_profile(
            OrganisationProfile.objects.get(pk=obj.pk) if change else None,
            values,
            acting_user=request.user,
        )
        obj.pk = saved.pk

    def save_related(self, request, form, formsets, change):
        """The action has set the contract clauses."""
