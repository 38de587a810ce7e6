"""Forms of the drafting pages: the editor's text, and "record as sent" with its phase."""

from __future__ import annotations

from django import forms

from incidents.forms import NotificationForm, TargetForm, WallClockDateTimeField, localize

from .choices import Phase


class DraftTextForm(forms.Form):
    text = forms.CharField(
        label="Notice text",
        strip=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "true", "class": "draft-text"}),
        help_text="A line starting “# ” is the title, “## ” a heading. Replace every "
        "[[gap]] with what the facts say.",
    )


class SentForm(NotificationForm):
    """The approved version went out: when, how, to whom; complete, or a phase of it."""

    phase = forms.ChoiceField(
        label="Phase",
        choices=Phase.choices,
        initial=Phase.COMPLETE,
        help_text="GDPR Art 33(4): information may be given in phases. An initial notice "
        "keeps the obligation open for the further information.",
    )
    follow_up_target_at = WallClockDateTimeField(
        label="Further information: internal target",
        required=False,
        help_text="Same time zone as “sent at”; 7 days after sending if left empty. Not a "
        "legal deadline.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("evidence")  # the approved text and its PDF are the evidence

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("follow_up_target_at")
        if target and cleaned.get("times_zone"):
            try:
                cleaned["follow_up_target_at"] = localize(target, cleaned["times_zone"])
            except forms.ValidationError as exc:
                self.add_error("follow_up_target_at", exc)
        return cleaned


class FollowUpTargetForm(TargetForm):
    """A new target for the further information a phased notice still owes (it cannot be
    cleared here: the final phase, recorded with its notice, ends it)."""

    target_at = WallClockDateTimeField(
        label="Further information: internal target",
        help_text="Not a legal deadline: the reminders count down to it.",
    )
