"""Forms of the rule console: lists typed one per line, and validation by the engine."""

from __future__ import annotations

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from jurisdictions import admin_widgets
from jurisdictions.choices import Publication
from jurisdictions.engine.serialization import RulebookError, jurisdiction_from_dict
from jurisdictions.models import LIST_FIELDS, Jurisdiction, RuleVersion
from security.json_limits import BoundedJSONFormField


class LinesField(forms.CharField):
    """A list of short strings typed one per line (sources, systems, customers, regimes)."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 60})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(v).strip() for v in value if str(v).strip()]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class RuleVersionForm(forms.ModelForm):
    """Edits one rule version. Saving a published version makes a new draft (see the admin);
    the engine validates the result as it would be published, naming the field at fault."""

    requires_subject_to = LinesField(required=False)
    sources = LinesField(required=False)
    systems_any = LinesField(required=False, label="Systems")
    customers_any = LinesField(required=False, label="Customers")
    requires_facts = LinesField(required=False, label="Requires facts")

    class Meta:
        model = RuleVersion
        fields = [f.name for f in RuleVersion._meta.fields if f.editable and not f.primary_key]
        # Typed JSON is parsed with the nesting bound (a 1,000-deep value is an error, not a 500).
        field_classes = {
            f.name: BoundedJSONFormField
            for f in RuleVersion._meta.fields
            if isinstance(f, models.JSONField) and f.name not in LIST_FIELDS
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in LIST_FIELDS:
            if name in self.fields:
                model_field = RuleVersion._meta.get_field(name)
                self.fields[name].help_text = f"{model_field.help_text} One per line."
        if self.instance.pk and self.instance.publication != Publication.DRAFT:
            # Saving makes a new version: its change note starts empty, not the old one's.
            self.initial["change_note"] = ""
        admin_widgets.install(self)  # builders in words instead of JSON and keys

    class Media(admin_widgets.BuilderMedia):
        pass

    def candidate(self) -> RuleVersion:
        """The version as it would be saved: a new draft when the instance is published."""
        from jurisdictions.services import next_version_number

        instance = self.instance
        if instance.pk and instance.publication != Publication.DRAFT:
            original = RuleVersion.objects.get(pk=instance.pk)
            draft = copy.copy(instance)
            draft.pk = draft.id = None
            draft.replaces = original
            draft.publication = Publication.DRAFT
            draft.version = next_version_number(instance.rule_id)
            return draft
        if not instance.pk:
            instance.publication = Publication.DRAFT
            instance.version = next_version_number(instance.rule_id)
        return instance

    def _post_clean(self):
        super()._post_clean()
        if self.errors or not self.instance.rule_id or not self.instance.regime_id:
            return
        from jurisdictions.services import validate_version

        try:
            validate_version(self.candidate())
        except ValidationError as error:
            self._update_errors(error)


class JurisdictionForm(forms.ModelForm):
    """A jurisdiction, checked by the engine: a real IANA zone, a holiday calendar that exists."""

    members = LinesField(
        required=False,
        help_text=Jurisdiction._meta.get_field("members").help_text + " One per line.",
    )

    class Meta:
        model = Jurisdiction
        fields = [
            "code",
            "name",
            "parent",
            "eu",
            "eea",
            "timezone",
            "holiday_country",
            "holiday_subdivision",
            "members",
        ]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        parent = data.get("parent")
        try:
            jurisdiction_from_dict(
                {
                    "code": data.get("code") or self.instance.code,
                    "name": data.get("name"),
                    "parent": parent.code if parent else None,
                    "timezone": data.get("timezone"),
                    "holiday_country": data.get("holiday_country") or None,
                    "holiday_subdivision": data.get("holiday_subdivision") or None,
                    "eu": bool(data.get("eu")),
                    "eea": bool(data.get("eea")),
                    "members": data.get("members") or [],
                }
            )
        except RulebookError as error:
            field = error.field if error.field in self.fields else None
            raise ValidationError({field: error.message} if field else str(error)) from None
        return data
