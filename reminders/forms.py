from django import forms
from django.utils import timezone

from accounts import timezones
from incidents.forms import WallClockDateTimeField, localize


class SnoozeForm(forms.Form):
    """Hold one obligation's reminders until a time, with the reason (logged on the case)."""

    until = WallClockDateTimeField(label="Snooze until")
    times_zone = forms.ChoiceField(
        label="Time zone of “snooze until”", choices=timezones.choices, help_text="Stored in UTC."
    )
    reason = forms.CharField(
        label="Reason",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown on the case timeline, e.g. “Regulator call booked for Monday 10:00”.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("times_zone", timezone.get_current_timezone_name())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("until") and cleaned.get("times_zone"):
            try:
                cleaned["until"] = localize(cleaned["until"], cleaned["times_zone"])
            except forms.ValidationError as exc:
                self.add_error("until", exc)
        return cleaned
