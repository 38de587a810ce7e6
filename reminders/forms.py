from django import forms

from accounts import timezones
from incidents.forms import WallClockDateTimeField, ZonedTimeForm


class SnoozeForm(ZonedTimeForm):
    """Hold one obligation's reminders until a time, with the reason (logged on the case)."""

    zoned_field = "until"

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
