"""The profile form: answers in, the values ``organisations.actions.save_profile`` takes out."""

from __future__ import annotations

from django import forms

from incidents.forms import (
    SUBJECT_TO,
    SUBJECT_TO_GROUPS,
    GroupedCheckboxes,
    clean_jurisdiction,
    split_codes,
    split_codes_keep_spaces,
)

ROLE_CHOICES = [
    ("controller", "Controller"),
    ("processor", "Processor"),
    ("both", "Both controller and processor"),
]


class ProfileForm(forms.Form):
    name = forms.CharField(label="Legal entity", max_length=200)
    affiliates = forms.CharField(
        label="Affiliates covered",
        required=False,
        max_length=2000,
        help_text="Names separated by commas.",
    )
    main_establishment = forms.CharField(
        label="EU/EEA main establishment", required=False, max_length=6
    )
    established_in = forms.CharField(
        label="Established in",
        required=False,
        max_length=200,
        help_text="Country or state codes separated by commas: DE, US-NY, CA-ON.",
    )
    subject_to = forms.MultipleChoiceField(
        label="Regimes it falls under",
        required=False,
        choices=SUBJECT_TO_GROUPS,
        widget=GroupedCheckboxes(attrs={"class": "checkbox-groups"}),
    )
    subject_to_other = forms.CharField(
        label="Other regimes",
        required=False,
        max_length=300,
        help_text="e.g. dora:credit_institution",
    )
    sectors = forms.CharField(
        label="Sectors", required=False, max_length=200, help_text="e.g. health, insurance, saas"
    )
    roles = forms.ChoiceField(label="Usual role", choices=ROLE_CHOICES, initial="controller")
    contract_clauses = forms.ModelMultipleChoiceField(
        label="Contract clauses",
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="Contract clauses of the rule book (kind: contract) this entity has agreed to.",
    )
    notes = forms.CharField(
        label="Notes", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    address = forms.CharField(
        label="Postal address",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    contact_point = forms.CharField(
        label="Contact point for notices",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The DPO or office that answers questions about a breach: name, telephone, "
        "email. Notices quote it.",
    )
    toll_free_number = forms.CharField(
        label="Toll-free number",
        required=False,
        max_length=40,
        help_text="For US notices to individuals.",
    )
    signatory = forms.CharField(
        label="Signatory",
        required=False,
        max_length=200,
        help_text="Name and title of the person who signs notices.",
    )
    active = forms.BooleanField(label="Can be picked for new cases", required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from jurisdictions.models import Rule

        self.fields["contract_clauses"].queryset = Rule.objects.filter(
            versions__kind="contract"
        ).distinct()

    def clean_main_establishment(self):
        value = self.cleaned_data["main_establishment"].strip()
        return clean_jurisdiction(value) if value else ""

    def clean_established_in(self):
        return [clean_jurisdiction(c) for c in split_codes(self.cleaned_data["established_in"])]

    def values(self) -> dict:
        data = self.cleaned_data
        roles = data["roles"]
        return {
            "name": data["name"],
            "affiliates": split_codes_keep_spaces(data["affiliates"]),
            "main_establishment": data["main_establishment"],
            "established_in": data["established_in"],
            "subject_to": list(data["subject_to"]) + split_codes(data["subject_to_other"]),
            "sectors": split_codes(data["sectors"]),
            "default_roles": ["controller", "processor"] if roles == "both" else [roles],
            "contract_clauses": list(data["contract_clauses"]),
            "notes": data["notes"],
            "address": data["address"].strip(),
            "contact_point": data["contact_point"].strip(),
            "toll_free_number": data["toll_free_number"].strip(),
            "signatory": data["signatory"].strip(),
            "active": bool(data["active"]),
        }

    @staticmethod
    def initial_from(profile) -> dict:
        known = {key for key, _ in SUBJECT_TO}
        roles = profile.roles
        return {
            "name": profile.name,
            "affiliates": ", ".join(profile.affiliates),
            "main_establishment": profile.main_establishment,
            "established_in": ", ".join(profile.established_in),
            "subject_to": [k for k in profile.subject_to if k in known],
            "subject_to_other": ", ".join(k for k in profile.subject_to if k not in known),
            "sectors": ", ".join(profile.sectors),
            "roles": "both" if len(roles) > 1 else roles[0],
            "contract_clauses": list(profile.contract_clauses.all()),
            "notes": profile.notes,
            "address": profile.address,
            "contact_point": profile.contact_point,
            "toll_free_number": profile.toll_free_number,
            "signatory": profile.signatory,
            "active": profile.active,
        }
