"""Forms of the case workspace. They validate and shape input; ``incidents.actions`` changes data.

``FactsForm`` turns a person's answers into the facts format (``breachclock.facts/1``) and back, so
the what-if calculator and the open/edit forms ask the same questions in the same words.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

from django import forms
from django.utils import timezone

from accounts import timezones

FACTS_FORMAT = "breachclock.facts/1"
JURISDICTION_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")

EVENT_FIELDS = [
    ("discovered_at", "Discovered", "First knowledge of a security incident. Required."),
    (
        "aware_at",
        "Aware of a personal-data breach",
        "Reasonable certainty that personal data was compromised (GDPR awareness). "
        "Blank: same as discovered.",
    ),
    (
        "determined_at",
        "Breach determined",
        "Determination that a breach of personal information occurred (many US states). "
        "Blank: same as aware.",
    ),
    (
        "scope_identified_at",
        "Scope identified",
        "Scope of the breach identified (e.g. Maine). Blank: same as determined.",
    ),
    ("occurred_at", "Occurred", "When the incident itself happened, if known."),
    (
        "materiality_determined_at",
        "Materiality determined",
        "Determined to be material (SEC Form 8-K Item 1.05).",
    ),
    (
        "classified_major_at",
        "Classified major / significant",
        "Classified as major (DORA) or significant (NIS2).",
    ),
    (
        "assessed_notifiable_at",
        "Assessed notifiable",
        "Assessment concluded that the breach is notifiable (e.g. Singapore).",
    ),
    ("ransom_paid_at", "Ransom paid", "An extortion payment was made (e.g. NYDFS 500.17(c))."),
]
EVENT_NAMES = [name for name, _, _ in EVENT_FIELDS]

DATA_CATEGORIES = [
    ("name", "Name"),
    ("contact", "Contact details"),
    ("date_of_birth", "Date of birth"),
    ("ssn", "Social Security number"),
    ("national_id", "National ID number"),
    ("drivers_license", "Driver's licence"),
    ("passport", "Passport"),
    ("tax_id", "Tax ID"),
    ("financial_account", "Financial account"),
    ("payment_card", "Payment card"),
    ("account_credentials", "Account credentials"),
    ("medical", "Medical"),
    ("health_insurance", "Health insurance"),
    ("biometric", "Biometric"),
    ("genetic", "Genetic"),
    ("location", "Location"),
    ("special_category", "Special category (GDPR Art 9)"),
    ("children", "Children's data"),
    ("other", "Other"),
]
SUBJECT_TO = [
    ("hipaa_covered_entity", "HIPAA covered entity"),
    ("hipaa_business_associate", "HIPAA business associate"),
    ("sec_registrant", "SEC registrant"),
    ("nydfs_covered_entity", "NYDFS covered entity"),
    ("dora_financial_entity", "DORA financial entity"),
    ("nis2_essential_entity", "NIS2 essential entity"),
    ("nis2_important_entity", "NIS2 important entity"),
    ("glba_financial_institution", "GLBA financial institution"),
    ("circia_covered_entity", "CIRCIA covered entity"),
    ("uk_nis", "UK NIS"),
]
RISK_CHOICES = [
    ("none", "None — no reasonable likelihood of harm or misuse"),
    ("unlikely", "Unlikely to result in a risk"),
    ("risk", "Risk to individuals"),
    ("high", "High — likely high risk / real risk of significant harm"),
]
CAUSE_CHOICES = [
    ("external_attack", "External attack"),
    ("ransomware", "Ransomware"),
    ("insider_misuse", "Insider misuse"),
    ("loss_or_theft", "Loss or theft"),
    ("misdirected_disclosure", "Misdirected disclosure"),
    ("system_failure", "System failure"),
    ("other", "Other"),
]
ROLE_CHOICES = [("controller", "Controller"), ("processor", "Processor")]


def split_codes(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", (text or "").strip()) if part]


def clean_jurisdiction(code: str) -> str:
    code = code.strip().upper()
    if not JURISDICTION_RE.match(code):
        raise forms.ValidationError(
            f"“{code}” is not a jurisdiction code: use ISO 3166 such as DE, FR or US-CA."
        )
    return code


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time as typed, without a zone: the form says which zone it is in."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        with timezone.override(UTC):
            result = super().to_python(value)
        return None if result is None else result.astimezone(UTC).replace(tzinfo=None)

    def prepare_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        return super().prepare_value(value)


def localize(wall: datetime, zone_name: str) -> datetime:
    """Give a typed wall-clock time its zone, refusing times a clock change makes ambiguous."""
    zone = timezones.zone(zone_name)
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        # Either the hour skipped in spring or the hour repeated in autumn: we cannot guess which
        # instant was meant, and a deadline must not depend on a guess.
        raise forms.ValidationError(
            f"{wall:%Y-%m-%d %H:%M} is ambiguous or does not exist in {zone_name} because of a "
            "clock change; enter it in UTC instead."
        )
    return first


def parse_iso(value) -> datetime | None:
    if not value:
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


class FactsForm(forms.Form):
    """The facts of an incident, as the facts format defines them."""

    times_zone = forms.ChoiceField(
        label="Times above are in",
        choices=timezones.choices,
        help_text="The zone of the dates and times you type; they are stored in UTC.",
    )
    role = forms.ChoiceField(
        label="Our role",
        choices=ROLE_CHOICES,
        initial="controller",
        help_text="A processor owes notice to its controller.",
    )
    main_establishment = forms.CharField(
        label="EU/EEA main establishment",
        required=False,
        max_length=6,
        help_text="Country code such as IE; blank if none (each authority where people live "
        "is then notified).",
    )
    established_in = forms.CharField(
        label="Established in",
        required=False,
        max_length=200,
        help_text="Country or state codes, separated by commas: DE, US-NY.",
    )
    subject_to = forms.MultipleChoiceField(
        label="Regimes we fall under",
        required=False,
        choices=SUBJECT_TO,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-grid"}),
    )
    subject_to_other = forms.CharField(
        label="Other regimes",
        required=False,
        max_length=200,
        help_text="More regime keys, separated by commas, e.g. dora:credit_institution.",
    )
    data = forms.MultipleChoiceField(
        label="Data categories affected",
        required=False,
        choices=DATA_CATEGORIES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-grid"}),
    )
    encrypted = forms.BooleanField(label="The data was encrypted", required=False)
    key_compromised = forms.BooleanField(label="The encryption key was compromised", required=False)
    risk_of_harm = forms.ChoiceField(label="Risk of harm", choices=RISK_CHOICES, initial="risk")
    risk_rationale = forms.CharField(
        label="Why this risk level",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    cause = forms.ChoiceField(label="Cause", choices=CAUSE_CHOICES, initial="external_attack")
    systems = forms.CharField(
        label="Systems affected",
        required=False,
        max_length=500,
        help_text="Names separated by commas; contract clauses may depend on them.",
    )
    customers = forms.CharField(
        label="Customers affected",
        required=False,
        max_length=500,
        help_text="Names separated by commas; customer contracts may depend on them.",
    )

    # Only on the what-if calculator: a case records affected people on their own page.
    affected = forms.CharField(
        label="People affected, by where they live",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "DE 9000\nFR 3000\nUS-CA 600"}),
        help_text="One jurisdiction per line: a code and a count, e.g. “US-CA 600”.",
    )
    rules_as_of = forms.DateField(
        label="Law as it stood on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Blank: the rule versions in force at each clock start.",
    )

    field_groups = {
        "events": ["times_zone"],
        "organisation": ["role", "main_establishment", "established_in", "subject_to",
                         "subject_to_other"],
        "data": ["data", "encrypted", "key_compromised", "risk_of_harm", "risk_rationale",
                 "cause", "systems", "customers"],
    }  # fmt: skip

    def __init__(self, *args, what_if: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.what_if = what_if
        events = {}
        for name, label, help_text in EVENT_FIELDS:
            events[name] = WallClockDateTimeField(
                label=label, required=name == "discovered_at", help_text=help_text
            )
        # Events first, in the order people meet them.
        self.fields = {**events, **self.fields}
        if not what_if:
            del self.fields["affected"]
            del self.fields["rules_as_of"]
        if not self.is_bound and "times_zone" not in self.initial:
            self.initial["times_zone"] = timezone.get_current_timezone_name()

    # -- sections for templates -------------------------------------------------------------------
    def event_fields(self):
        return [self[name] for name in EVENT_NAMES] + [self["times_zone"]]

    def organisation_fields(self):
        return [self[name] for name in self.field_groups["organisation"]]

    def data_fields(self):
        return [self[name] for name in self.field_groups["data"]]

    # -- validation -----------------------------------------------------------------------------
    def clean_main_establishment(self):
        value = self.cleaned_data["main_establishment"].strip()
        return clean_jurisdiction(value) if value else None

    def clean_established_in(self):
        return [
            clean_jurisdiction(code) for code in split_codes(self.cleaned_data["established_in"])
        ]

    def clean_subject_to_other(self):
        keys = split_codes(self.cleaned_data["subject_to_other"])
        for key in keys:
            if not re.match(r"^[a-z0-9_]+(:[a-z0-9_]+)?$", key):
                raise forms.ValidationError(
                    f"“{key}” is not a regime key: lower case letters, digits and _, "
                    "e.g. dora:credit_institution."
                )
        return keys

    def clean_affected(self):
        counts: dict[str, int] = {}
        for number, line in enumerate(self.cleaned_data["affected"].splitlines(), start=1):
            parts = split_codes(line)
            if not parts:
                continue
            if len(parts) != 2:
                raise forms.ValidationError(
                    f"Line {number}: write a jurisdiction code and a count, e.g. “DE 9000”."
                )
            code, count = parts
            try:
                code = clean_jurisdiction(code)
            except forms.ValidationError as exc:
                raise forms.ValidationError(f"Line {number}: {exc.messages[0]}") from None
            if not count.isdigit():
                raise forms.ValidationError(f"Line {number}: “{count}” is not a whole number.")
            counts[code] = counts.get(code, 0) + int(count)
        return counts

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("times_zone")
        if zone_name:
            for name in EVENT_NAMES:
                wall = cleaned.get(name)
                if wall is None:
                    continue
                try:
                    cleaned[name] = localize(wall, zone_name)
                except forms.ValidationError as exc:
                    self.add_error(name, exc)
        if cleaned.get("key_compromised") and not cleaned.get("encrypted"):
            self.add_error(
                "key_compromised", "Only an encrypted data set can have its key compromised."
            )
        return cleaned

    # -- conversion -----------------------------------------------------------------------------
    def facts(self, affected: dict[str, int] | None = None) -> dict:
        """The cleaned answers in the facts format (call after ``is_valid()``)."""
        data = self.cleaned_data
        events = {}
        for name in EVENT_NAMES:
            value = data.get(name)
            events[name] = (
                value.astimezone(UTC).isoformat().replace("+00:00", "Z") if value else None
            )
        facts = {
            "format": FACTS_FORMAT,
            "events": events,
            "organisation": {
                "role": data["role"],
                "main_establishment": data.get("main_establishment"),
                "established_in": data.get("established_in", []),
                "subject_to": list(data.get("subject_to", [])) + data.get("subject_to_other", []),
            },
            "data": list(data.get("data", [])),
            "encryption": {
                "encrypted": bool(data.get("encrypted")),
                "key_compromised": bool(data.get("key_compromised")),
            },
            "risk_of_harm": data["risk_of_harm"],
            "cause": data["cause"],
            "affected": affected if affected is not None else data.get("affected", {}),
            "rules_as_of": data["rules_as_of"].isoformat() if data.get("rules_as_of") else None,
        }
        if data.get("risk_rationale"):
            facts["risk_rationale"] = data["risk_rationale"]
        if data.get("systems"):
            facts["systems"] = split_codes_keep_spaces(data["systems"])
        if data.get("customers"):
            facts["customers"] = split_codes_keep_spaces(data["customers"])
        return facts

    @classmethod
    def initial_from_facts(cls, facts: dict) -> dict:
        """Form initial values from stored facts (times shown in the viewer's zone)."""
        facts = facts or {}
        events = facts.get("events") or {}
        org = facts.get("organisation") or {}
        known = {key for key, _ in SUBJECT_TO}
        subject_to = org.get("subject_to") or []
        encryption = facts.get("encryption") or {}
        initial = {name: parse_iso(events.get(name)) for name in EVENT_NAMES}
        initial.update(
            times_zone=timezone.get_current_timezone_name(),
            role=org.get("role") or "controller",
            main_establishment=org.get("main_establishment") or "",
            established_in=", ".join(org.get("established_in") or []),
            subject_to=[key for key in subject_to if key in known],
            subject_to_other=", ".join(key for key in subject_to if key not in known),
            data=facts.get("data") or [],
            encrypted=bool(encryption.get("encrypted")),
            key_compromised=bool(encryption.get("key_compromised")),
            risk_of_harm=facts.get("risk_of_harm") or "risk",
            risk_rationale=facts.get("risk_rationale") or "",
            cause=facts.get("cause") or "other",
            systems=", ".join(facts.get("systems") or []),
            customers=", ".join(facts.get("customers") or []),
            affected="\n".join(f"{k} {v}" for k, v in (facts.get("affected") or {}).items()),
            rules_as_of=facts.get("rules_as_of"),
        )
        return initial


def split_codes_keep_spaces(text: str) -> list[str]:
    """System and customer names may contain spaces: split on commas and semicolons only."""
    return [part.strip() for part in re.split(r"[,;\n]+", text or "") if part.strip()]


# -- Affected people ------------------------------------------------------------------------------
MAX_CSV_BYTES = 1_000_000


class AffectedCsvForm(forms.Form):
    """A CSV of counts: ``jurisdiction,count`` per line, with or without a header row."""

    file = forms.FileField(
        label="CSV of counts",
        help_text="Two columns: jurisdiction code and number of people, e.g. “US-CA,600”. "
        "At most 1 MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError("The file is larger than 1 MB.")
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".txt")):
            raise forms.ValidationError("Upload a .csv file.")
        raw = upload.read(MAX_CSV_BYTES + 1)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("The file is not UTF-8 text.") from None
        self.counts = parse_counts_csv(text)
        return upload


def parse_counts_csv(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    errors = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) < 2:
            errors.append(f"Line {number}: expected two columns, jurisdiction and count.")
            continue
        code, count = cells[0], cells[1].replace(",", "").replace("_", "")
        if number == 1 and not count.isdigit() and not JURISDICTION_RE.match(code.upper()):
            continue  # a header row
        try:
            code = clean_jurisdiction(code)
        except forms.ValidationError as exc:
            errors.append(f"Line {number}: {exc.messages[0]}")
            continue
        if not count.isdigit():
            errors.append(f"Line {number}: “{cells[1]}” is not a whole number.")
            continue
        counts[code] = counts.get(code, 0) + int(count)
    if errors:
        raise forms.ValidationError(errors[:10])
    if not counts:
        raise forms.ValidationError("The file has no rows of counts.")
    return counts
