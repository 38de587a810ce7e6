from __future__ import annotations

from django import forms

from .models import Classification


class FiltersForm(forms.Form):
    organisation = forms.TypedChoiceField(
        label="Organisation", coerce=int, required=False, empty_value=None
    )
    start = forms.DateField(
        label="Discovered from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    regime = forms.ChoiceField(label="Regime", required=False)

    def __init__(self, *args, organisations=(), regimes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", "All organisations")] + [
            (o.pk, o.name) for o in organisations
        ]
        self.fields["regime"].choices = [("", "All regimes")] + [(r, r) for r in regimes]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", "The end of the period is before its start.")
        return data


class EntryForm(forms.Form):
    classification = forms.ChoiceField(
        label="What the event was", choices=Classification.choices, required=False
    )
    classification_reason = forms.CharField(
        label="Why",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=8000,
        help_text="Required when it was not a personal-data breach or a near miss.",
    )
    effects = forms.CharField(
        label="Effects on the people concerned",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=8000,
    )
    remedial_action = forms.CharField(
        label="Remedial action taken",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=8000,
    )
