from django import forms

from .actions import REASON_MAX
from .periods import MAX_YEARS


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX,
        help_text="Part of the case's record: the matter, the request or the order, and who asked.",
    )


class PolicyForm(forms.Form):
    years = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_YEARS,
        label="Keep closed cases for (years)",
        help_text="Blank: as long as the law demands (the longest documentation period of the "
        "rules in play on each case). A shorter number never cuts what the law demands.",
    )
    basis = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why this period",
        help_text="The policy, contract or law the period comes from.",
    )


class AsOfForm(forms.Form):
    as_of = forms.DateField(
        required=False, label="As of", widget=forms.DateInput(attrs={"type": "date"})
    )
