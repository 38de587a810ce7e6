"""The rule console's "What the notice must say" section: JSON to edit, a summary to read.

Kept apart from ``jurisdictions.admin`` so the rule editor's other sections can change without
touching it. The engine validates the JSON on save (``services.validate_version`` ->
``rule_from_dict``), so a typo in an element key or a missing source is refused with a message
that names the element, and what was typed stays in the box.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from jurisdictions.engine.notice_content import NoticeContentError, check_notice_content
from jurisdictions.notice_content import summary_html
from security.json_limits import BoundedJSONFormField

FIELDSET_TITLE = "What the notice must say"
INSERT_BEFORE = "Validity and sources"


class NoticeContentFormField(BoundedJSONFormField):
    """The JSON shown indented, one key per line, so a rules administrator can read and edit it."""

    widget = forms.Textarea(attrs={"rows": 18, "cols": 100, "class": "vLargeTextField"})

    def to_python(self, value):
        # An emptied box means "nothing recorded" ({}), never a NULL the column refuses.
        value = super().to_python(value)
        return {} if value in (None, "") else value

    def clean(self, value):
        """Resolve a profile reference and validate, so the version stores what the law requires
        in full (as an import does); a problem is reported on this field, in words."""
        value = super().clean(value)
        try:
            return check_notice_content(value)
        except NoticeContentError as error:
            raise ValidationError(error.message, code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, forms.fields.InvalidJSONInput):
            return value
        return json.dumps(value, ensure_ascii=False, indent=2, cls=self.encoder)


class NoticeContentAdminMixin:
    """Adds the notice-content section to a ``RuleVersion`` admin."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = [fs for fs in super().get_fieldsets(request, obj) if fs[0] != FIELDSET_TITLE]
        section = (
            FIELDSET_TITLE,
            {
                "fields": ("notice_content", "notice_content_summary"),
                "description": "The law's content requirements for this notice, each with the "
                "clause it comes from. Edit the JSON; the summary below shows the saved version "
                "as a reader checks it. Element keys are listed in "
                "jurisdictions/notice_vocabulary.py.",
                "classes": ("notice-content",),
            },
        )
        names = [fs[0] for fs in fieldsets]
        at = names.index(INSERT_BEFORE) if INSERT_BEFORE in names else len(fieldsets)
        fieldsets.insert(at, section)
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "notice_content_summary"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        field = form.base_fields.get("notice_content")
        if field is not None and not isinstance(field, NoticeContentFormField):
            form.base_fields["notice_content"] = NoticeContentFormField(
                required=False,
                label=field.label,
                help_text=field.help_text,
                encoder=getattr(field, "encoder", None),
                decoder=getattr(field, "decoder", None),
            )
        return form

    @admin.display(description="as a reader checks it")
    def notice_content_summary(self, obj):
        return summary_html(obj.notice_content if obj is not None else None)
