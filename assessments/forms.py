"""The assessment form: one method at a time, every factor with its reason."""

from __future__ import annotations

from django import forms

from . import scales

BLANK = [("", "— choose —")]


def _choices(scale: dict) -> list:
    return BLANK + [(k, v[1] if isinstance(v, tuple) else v) for k, v in scale.items()]


def _reason(label: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )


class AssessmentForm(forms.Form):
    method = forms.ChoiceField(
        label="Method", choices=list(scales.METHOD_LABELS.items()), widget=forms.RadioSelect
    )
    # ENISA
    dpc_base = forms.ChoiceField(
        label="Kind of data (DPC base)", choices=_choices(scales.DPC_BASE), required=False
    )
    dpc_adjustments = forms.MultipleChoiceField(
        label="Context (raises or lowers DPC)",
        choices=[(k, f"{v[1]} ({v[0]:+d})") for k, v in scales.DPC_ADJUSTMENTS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    dpc_reason = _reason("Why this data processing context")
    ei = forms.ChoiceField(
        label="Ease of identification (EI)", choices=_choices(scales.EI_LEVELS), required=False
    )
    ei_reason = _reason("Why this ease of identification")
    cb_confidentiality = forms.ChoiceField(
        label="Loss of confidentiality", choices=_choices(scales.CB_CONFIDENTIALITY), required=False
    )
    cb_confidentiality_reason = _reason("Why (confidentiality)")
    cb_integrity = forms.ChoiceField(
        label="Loss of integrity", choices=_choices(scales.CB_INTEGRITY), required=False
    )
    cb_integrity_reason = _reason("Why (integrity)")
    cb_availability = forms.ChoiceField(
        label="Loss of availability", choices=_choices(scales.CB_AVAILABILITY), required=False
    )
    cb_availability_reason = _reason("Why (availability)")
    malicious = forms.BooleanField(label="Malicious intent (+0.5)", required=False)
    malicious_reason = _reason("Why (malicious intent)")
    # US harm test
    data = forms.ChoiceField(label="Type of data", choices=_choices(scales.US_DATA), required=False)
    data_reason = _reason("Why (type of data)")
    encryption = forms.ChoiceField(
        label="Encryption and key", choices=_choices(scales.US_ENCRYPTION), required=False
    )
    encryption_reason = _reason("Why (encryption)")
    acquirer = forms.ChoiceField(
        label="Who acquired it", choices=_choices(scales.US_ACQUIRER), required=False
    )
    acquirer_reason = _reason("Why (who acquired it)")
    misuse = forms.ChoiceField(
        label="Evidence of misuse", choices=_choices(scales.US_MISUSE), required=False
    )
    misuse_reason = _reason("Why (evidence of misuse)")
    mitigation = forms.ChoiceField(
        label="Mitigation", choices=_choices(scales.US_MITIGATION), required=False
    )
    mitigation_reason = _reason("Why (mitigation)")
    determined_at = forms.DateTimeField(
        label="Written determination made",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="When a no-harm determination was put in writing, in your time zone; blank: "
        "now. The days some laws give to send it run from here.",
    )
    # The conclusion
    risk_of_harm = forms.ChoiceField(
        label="Level settled on",
        choices=[("", "The level the method computes")] + list(scales.RISK_LABELS.items()),
        required=False,
    )
    override_reason = _reason("Why a different level than the method computes")
    rationale = forms.CharField(
        label="Conclusion", widget=forms.Textarea(attrs={"rows": 3}), max_length=8000,
        help_text="The decision and its reasons, as a regulator or court should read them.",
    )  # fmt: skip
    reason_for_change = _reason("Why the assessment changes")

    ENISA_FIELDS = ("dpc_base", "dpc_adjustments", "ei", "cb_confidentiality", "cb_integrity",
                    "cb_availability", "malicious")  # fmt: skip
    US_FIELDS = ("data", "encryption", "acquirer", "misuse", "mitigation")
    REASON_KEYS = {
        "enisa": ("dpc", "ei", "cb_confidentiality", "cb_integrity", "cb_availability",
                  "malicious"),
        "us_harm": US_FIELDS,
    }  # fmt: skip

    def __init__(self, *args, revising: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.revising = revising
        if revising:
            self.fields["reason_for_change"].label = "Why the assessment changes"

    def answers(self) -> dict:
        d = self.cleaned_data
        names = self.ENISA_FIELDS if d["method"] == "enisa" else self.US_FIELDS
        return {name: d.get(name) for name in names}

    def reasons(self) -> dict:
        d = self.cleaned_data
        return {k: d.get(f"{k}_reason", "") for k in self.REASON_KEYS[d["method"]]}

    def enisa_fields(self):
        return [self[n] for n in self.fields if n.startswith(("dpc", "ei", "cb_", "malicious"))]

    def us_fields(self):
        names = [n for f in self.US_FIELDS for n in (f, f"{f}_reason")]
        return [self[n] for n in [*names, "determined_at"]]

    def conclusion_fields(self):
        return [
            self[n] for n in ("risk_of_harm", "override_reason", "rationale", "reason_for_change")
        ]


# Facts the assessment owns once a case has one: the facts form shows them but does not change
# them (a change there would bypass the versioned record and its reasons).
ASSESSED_FACTS = ("risk_of_harm", "risk_rationale", "no_harm_determined_at")


def lock_assessed_facts(facts_form, incident) -> None:
    """Make the facts form's assessed fields read-only when the case has an assessment."""
    latest = incident.assessments.order_by("-version").first()
    if latest is None:
        return
    for name in ASSESSED_FACTS:
        field = facts_form.fields.get(name)
        if field is not None:
            field.disabled = True
            field.help_text = (
                f"Set by the risk-of-harm assessment (version {latest.version}): "
                "revise the assessment to change it."
            )
