"""The settings page's form for a new hook (validated again by ``actions.create_webhook``)."""

from django import forms

from incidents.models import Incident

from .choices import EventName, Format


class WebhookForm(forms.Form):
    url = forms.URLField(
        label="Address",
        max_length=2000,
        assume_scheme="https",
        help_text="The receiver's public https:// address, e.g. a Slack or Teams incoming webhook.",
    )
    format = forms.ChoiceField(choices=Format.choices, initial=Format.JSON)
    events = forms.MultipleChoiceField(
        choices=EventName.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[EventName.OBLIGATION_DUE_SOON, EventName.OBLIGATION_OVERDUE],
    )
    team = forms.ModelChoiceField(
        queryset=Incident.objects.none(),
        required=False,
        label="Only this case",
        empty_label="Every case I can see",
        help_text="A channel for one case's team receives only that case's events.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only cases the person can see can be chosen (the read door for cases).
        self.fields["team"].queryset = Incident.objects.visible_to(user).only(
            "pk", "reference", "title"
        )
        self.fields["team"].label_from_instance = lambda case: f"{case.reference} {case.title}"
