from django import forms

from accounts import timezones
from accounts.models import UserProfile


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        choices=timezones.choices,
        help_text="Dates are shown in this zone; hover over a date to see it in UTC.",
    )

    class Meta:
        model = UserProfile
        fields = ["time_zone", "date_style"]
        widgets = {"date_style": forms.RadioSelect}
        labels = {"date_style": "Dates and times"}
