"""Forms of the "Conflicts and precedence" panel: a delay of notices (a law-enforcement hold, the
SEC's national-security delay), its lift, and counsel's decision on a conflict."""

from __future__ import annotations

from django import forms

from accounts import timezones

from .forms import WallClockDateTimeField, ZonedTimeForm, localize
from .holds import AGENCY_MAX, LAW_ENFORCEMENT_HOLD


class _TwoTimesForm(ZonedTimeForm):
    """Two wall-clock times typed in the zone chosen on the form."""

    zoned_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = forms.Form.clean(self)
        zone = cleaned.get("times_zone")
        for name in self.zoned_fields:
            if cleaned.get(name) and zone:
                try:
                    cleaned[name] = localize(cleaned[name], zone)
                except forms.ValidationError as exc:
                    self.add_error(name, exc)
        return cleaned


REASON = forms.CharField(
    label="Note for the record",
    required=False,
    max_length=2000,
    widget=forms.Textarea(attrs={"rows": 2}),
    help_text="E.g. the agency's reference or who called; kept in the case timeline.",
)


class HoldForm(_TwoTimesForm):
    """A law-enforcement agency asked the company to hold its notices."""

    zoned_fields = ("requested_at", "lifted_at")

    requested_at = WallClockDateTimeField(label="Requested at")
    lifted_at = WallClockDateTimeField(
        label="Lifted at",
        required=False,
        help_text="Leave empty while the hold is in force.",
    )
    times_zone = forms.ChoiceField(
        label="Time zone of these times", choices=timezones.choices, help_text="Stored in UTC."
    )
    written = forms.TypedChoiceField(
        label="Was the request made in writing?",
        choices=[("yes", "Yes, in writing"), ("no", "No, orally (e.g. by telephone)")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        help_text="Several state laws hold a notice only on a written request.",
    )
    agency = forms.CharField(
        label="Agency", max_length=AGENCY_MAX, help_text="E.g. FBI Houston field office."
    )
    reason = REASON

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "requested_at": data["requested_at"].isoformat(),
            "lifted_at": data["lifted_at"].isoformat() if data.get("lifted_at") else None,
            "written": data["written"],
            "agency": data["agency"],
        }


class NationalSecurityDelayForm(_TwoTimesForm):
    """The US Attorney General determined that disclosure poses a substantial risk to national
    security or public safety (SEC Form 8-K Item 1.05(c))."""

    zoned_fields = ("determined_at", "ends_at")

    determined_at = WallClockDateTimeField(label="Determination notified to the SEC at")
    ends_at = WallClockDateTimeField(
        label="Delay ends at",
        required=False,
        help_text="The end of the period the Attorney General set; empty if not yet known.",
    )
    times_zone = forms.ChoiceField(
        label="Time zone of these times", choices=timezones.choices, help_text="Stored in UTC."
    )
    notified_in_writing = forms.TypedChoiceField(
        label="Has the Attorney General notified the SEC in writing?",
        choices=[("yes", "Yes"), ("no", "Not yet")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        help_text="Item 1.05(c) delays the filing only once the SEC has the written notice.",
    )
    reason = REASON

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "determined_at": data["determined_at"].isoformat(),
            "ends_at": data["ends_at"].isoformat() if data.get("ends_at") else None,
            "notified_in_writing": data["notified_in_writing"],
        }


HOLD_FORMS = {LAW_ENFORCEMENT_HOLD: HoldForm, "national_security_delay": NationalSecurityDelayForm}


class LiftForm(ZonedTimeForm):
    """The agency said the notices may go out."""

    zoned_field = "lifted_at"

    lifted_at = WallClockDateTimeField(label="Lifted at")
    times_zone = forms.ChoiceField(
        label="Time zone of “lifted at”", choices=timezones.choices, help_text="Stored in UTC."
    )
    reason = REASON


class ConflictDecisionForm(forms.Form):
    """Counsel's decision on a conflict between rules: what the team does, and why."""

    decision = forms.CharField(
        label="Decision and reasoning",
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Recorded with your name and the time, in the case timeline and the report.",
    )
