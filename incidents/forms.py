"""Forms of the case workspace. They validate and shape input; ``incidents.actions`` changes data.

``FactsForm`` turns a person's answers into the facts format and back, so the what-if calculator
and the open/edit forms ask the same questions in the same words. It writes ``breachclock.facts/1``
unless an answer needs ``/2`` (both roles, sectors, encryption per category, data sets) or the case
already is ``/2``.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from django import forms
from django.forms.boundfield import BoundField
from django.urls import reverse_lazy
from django.utils import timezone

from accounts import timezones
from incidents import client_impact
from incidents.counts_text import (  # noqa: F401 - re-exported for the organisation forms
    JURISDICTION_RE,
    clean_jurisdiction,
    clean_jurisdictions,
    parse_counts_text,
    rulebook_codes,
    sentence,
    split_codes,
)
from incidents.fact_choices import (  # noqa: F401 - the form vocabulary, re-exported
    BOTH_ROLES,
    CAUSE_CHOICES,
    DATA_CATEGORIES,
    EVENT_FIELDS,
    EVENT_NAMES,
    RISK_CHOICES,
    ROLE_CHOICES,
    SUBJECT_TO,
    SUBJECT_TO_GROUPS,
)
from jurisdictions.engine import places
from jurisdictions.engine.facts import YEARS, FactsError, check_jurisdiction
from security import json_limits
from security.uploads import validate_attachment, validate_csv_upload

FACTS_FORMAT = "breachclock.facts/1"
FACTS_FORMAT_2 = "breachclock.facts/2"

# Fields whose codes the page names as they are typed (static/js/place_names.js).
PLACE_NAMES = {"data-place-names": reverse_lazy("rules:places")}
DATA_SETS_PLACEHOLDER = (
    '[{"name": "end users of customers", "role": "processor", "data": ["name", "contact"],\n'
    '  "affected": {"DE": 9000}, "controller": "Acme Ltd"}]'
)


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Tick-boxes in named groups, each group a ``<fieldset>`` with its name as the ``<legend>``,
    so a screen reader announces the group with every box in it (Django's own widget writes the
    name as a bare ``<label>`` that labels nothing)."""

    template_name = "incidents/widgets/grouped_checkboxes.html"


class FileBoundField(BoundField):
    @property
    def file_not_kept(self) -> str:
        """The name of the file chosen here when the form comes back with errors, else "".

        A browser cannot refill a file input, so a form shown again has silently lost the file;
        the page names it so the person chooses it again. Read at render time: errors added
        after validation (an action's refusal) count too.
        """
        form = self.form
        if not form.is_bound or not form.errors:
            return ""
        upload = form.files.get(self.html_name)
        return getattr(upload, "name", "") or ""


class UploadField(forms.FileField):
    """A file input whose page says so when a form with errors drops the chosen file."""

    bound_field_class = FileBoundField


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
    if not YEARS[0] <= wall.year <= YEARS[1]:
        # Checked before converting: year 1 east of UTC (or 9999 west of it) overflows.
        raise forms.ValidationError(f"The year is out of range ({YEARS[0]}-{YEARS[1]}).")
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

    event_basis = forms.CharField(
        label="How these times were determined",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="E.g. “SOC ticket 4411; forensic report of 27 March”. Recorded with each "
        "time you enter or change, together with your name.",
    )
    times_zone = forms.ChoiceField(
        label="Times above are in",
        choices=timezones.choices,
        help_text="The zone of the dates and times you type; they are stored in UTC.",
    )
    role = forms.ChoiceField(
        label="Our role",
        choices=ROLE_CHOICES,
        initial="controller",
        help_text="A processor owes notice to its controller. Both: the duties of each role "
        "are worked out (per data set, if you describe them below).",
    )
    # Carries the stored case's facts format through a POST: a format-2 case stays format 2.
    facts_format = forms.CharField(required=False, widget=forms.HiddenInput)
    main_establishment = forms.CharField(
        label="EU/EEA main establishment",
        required=False,
        max_length=6,
        widget=forms.TextInput(attrs=PLACE_NAMES),
        help_text="Country code such as IE; blank if none (each authority where people live "
        "is then notified).",
    )
    established_in = forms.CharField(
        label="Established in",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs=PLACE_NAMES),
        help_text="Country or state codes, separated by commas: DE, US-NY.",
    )
    subject_to = forms.MultipleChoiceField(
        label="Regimes we fall under",
        required=False,
        choices=SUBJECT_TO_GROUPS,
        widget=GroupedCheckboxes(attrs={"class": "checkbox-groups"}),
    )
    subject_to_other = forms.CharField(
        label="Other regimes",
        required=False,
        max_length=200,
        help_text="More regimes by their key, separated by commas; a DORA entity's type may "
        "follow a colon after “dora”.",
    )
    sectors = forms.CharField(
        label="Sectors",
        required=False,
        max_length=200,
        help_text="Sector keys, separated by commas, e.g. health, insurance, telecom.",
    )
    data = forms.MultipleChoiceField(
        label="Data categories affected",
        required=False,
        choices=DATA_CATEGORIES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-grid"}),
    )
    encrypted = forms.BooleanField(label="The data was encrypted", required=False)
    key_compromised = forms.BooleanField(label="The encryption key was compromised", required=False)
    product_security_incident = forms.BooleanField(
        label="A severe incident affecting the security of our product",
        required=False,
        help_text="Cyber Resilience Act Art 14(3): an incident having an impact on the security "
        "of a product with digital elements the organisation makes (its clocks start at "
        "awareness).",
    )
    client_financial_impact = client_impact.form_field()  # DORA Art 19(3)
    encrypted_categories = forms.MultipleChoiceField(
        label="Only these categories were encrypted",
        required=False,
        choices=DATA_CATEGORIES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-grid"}),
        help_text="When only some data was encrypted (hashed passwords, plain card numbers): "
        "tick those; the others count as not encrypted.",
    )
    key_lost_categories = forms.MultipleChoiceField(
        label="…of which the key was compromised",
        required=False,
        choices=DATA_CATEGORIES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-grid"}),
    )
    data_sets = forms.CharField(
        label="Data sets by role (JSON)",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": DATA_SETS_PLACEHOLDER}),
        help_text="Optional: a list of {name, role, data, affected, controller}, when the "
        "organisation is controller for some data and processor for other data.",
    )
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

    # Only when asked for (what-if, opening a case): a case has a page for affected people.
    affected = forms.CharField(
        label="People affected, by where they live",
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 4, "placeholder": "DE 9000\nFR 3000\nUS-CA 600", **PLACE_NAMES}
        ),
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
                         "subject_to_other", "sectors"],
        "data": ["data", "encrypted", "key_compromised", "risk_of_harm", "risk_rationale",
                 "cause", "product_security_incident", "client_financial_impact", "systems",
                 "customers"],
        "data_wide": ["encrypted_categories", "key_lost_categories", "data_sets"],
    }  # fmt: skip

    def __init__(self, *args, affected: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        events = {}
        for name, label, help_text in EVENT_FIELDS:
            events[name] = WallClockDateTimeField(
                label=label, required=name == "discovered_at", help_text=help_text
            )
        # Events first, in the order people meet them.
        self.fields = {**events, **self.fields}
        if not affected:  # a case records affected people on their own page
            del self.fields["affected"]
        if not self.is_bound and "times_zone" not in self.initial:
            self.initial["times_zone"] = timezone.get_current_timezone_name()

    # -- sections for templates -------------------------------------------------------------------
    def event_fields(self):
        return [self[name] for name in EVENT_NAMES] + [self["times_zone"], self["event_basis"]]

    def event_basis_map(self) -> dict[str, str]:
        """The basis text for every event given (the actions store it with each event row)."""
        basis = self.cleaned_data.get("event_basis", "").strip()
        if not basis:
            return {}
        return {name: basis for name in EVENT_NAMES if self.cleaned_data.get(name)}

    def organisation_fields(self):
        return [self[name] for name in self.field_groups["organisation"]]

    def data_fields(self):
        return [self[name] for name in self.field_groups["data"]]

    def data_wide_fields(self):
        return [self[name] for name in self.field_groups["data_wide"]]

    # -- validation -----------------------------------------------------------------------------
    def clean_main_establishment(self):
        value = self.cleaned_data["main_establishment"].strip()
        return clean_jurisdiction(value) if value else None

    def clean_established_in(self):
        return clean_jurisdictions(self.cleaned_data["established_in"])

    def clean_subject_to_other(self):
        from incidents.facts_review import known_regimes
        from jurisdictions.engine.vocabulary import regime_problem

        keys = split_codes(self.cleaned_data["subject_to_other"])
        errors, known = [], known_regimes()
        for key in keys:
            if not re.match(r"^[a-z0-9_]+(:[a-z0-9_]+)?$", key):
                errors.append(
                    f"“{key}” is not a regime key: lower case letters, digits and _, "
                    "e.g. dora:credit_institution."
                )
            elif why_not := regime_problem(key, known):
                errors.append(sentence(why_not))
        if errors:
            raise forms.ValidationError(errors)
        return keys

    def clean_sectors(self):
        keys = split_codes(self.cleaned_data["sectors"])
        for key in keys:
            if not re.match(r"^[a-z0-9_]+(:[a-z0-9_]+)?$", key):
                raise forms.ValidationError(
                    f"“{key}” is not a sector key: lower case letters, digits and _, e.g. health."
                )
        return keys

    def clean_data_sets(self):
        text = self.cleaned_data["data_sets"].strip()
        if not text:
            return []
        try:
            value = json_limits.loads(text)  # nesting bounded: a 1,000-deep list is an error
        except json_limits.JSONTooDeep as exc:
            raise forms.ValidationError(str(exc)) from None
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                f"Not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
            ) from None
        if not isinstance(value, list):
            raise forms.ValidationError("Write a list of data sets: [{...}, {...}].")
        return value

    def clean_affected(self):
        return parse_counts_text(self.cleaned_data["affected"])

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
        some = cleaned.get("encrypted_categories") or []
        if some and cleaned.get("encrypted"):
            self.add_error(
                "encrypted_categories",
                "Either all data was encrypted (the box above) or only these categories; not both.",
            )
        lost = [c for c in cleaned.get("key_lost_categories") or [] if c not in some]
        if lost:
            self.add_error(
                "key_lost_categories",
                f"Only an encrypted category can have its key compromised: {', '.join(lost)}.",
            )
        self._check_jurisdictions(cleaned)
        return cleaned

    def _check_jurisdictions(self, cleaned) -> None:
        """Every code against the rule book, each bad one named next to its field: the engine
        stops at its first error, and a person should fix all of them in one go."""
        from jurisdictions.loader import current_rulebook

        fields = {
            "main_establishment": [cleaned.get("main_establishment")],
            "established_in": cleaned.get("established_in") or [],
            "affected": list(cleaned.get("affected") or {}) if "affected" in self.fields else [],
        }
        if not any(code for codes in fields.values() for code in codes):
            return
        known = current_rulebook().jurisdictions.keys()
        for name, codes in fields.items():
            for code in codes:
                if not code:
                    continue
                try:
                    check_jurisdiction(code, name, known)
                except FactsError as exc:
                    self.add_error(name, sentence(exc.message))

    # -- conversion -----------------------------------------------------------------------------
    def facts(self) -> dict:
        """The cleaned answers in the facts format (call after ``is_valid()``).

        Without the affected field (editing a case), ``affected`` is left out so the stored
        counts stay as they are.
        """
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
            "affected": data.get("affected", {}),
            "rules_as_of": data["rules_as_of"].isoformat() if data.get("rules_as_of") else None,
        }
        # Always said: an edit that unticks it must clear the stored flag.
        facts["product_security_incident"] = bool(data.get("product_security_incident"))
        # Always said, null for "not yet known": an edit back to it must clear a stored answer.
        facts["client_financial_impact"] = client_impact.from_form(
            data.get("client_financial_impact")
        )
        if "affected" not in self.fields:
            del facts["affected"]
        facts["systems"] = split_codes_keep_spaces(data.get("systems", ""))
        facts["customers"] = split_codes_keep_spaces(data.get("customers", ""))
        return self._format_2(facts)

    def _format_2(self, facts: dict) -> dict:
        """Format 2 when an answer needs it or the case already is: roles, sectors, per-category
        encryption and data sets; each written in full so an edit can also clear them."""
        data = self.cleaned_data
        some = list(data.get("encrypted_categories") or [])
        needed = (
            data["role"] == BOTH_ROLES
            or data.get("sectors")
            or some
            or data.get("data_sets")
            or data.get("facts_format") == FACTS_FORMAT_2
            or facts.get("client_financial_impact") is not None
        )
        if not needed:
            return facts
        org = facts["organisation"]
        role = org.pop("role")
        org["roles"] = ["controller", "processor"] if role == BOTH_ROLES else [role]
        org["sectors"] = data.get("sectors", [])
        data_sets = data.get("data_sets") or []
        if data_sets and role != BOTH_ROLES:
            # The roles follow the data sets (a set of the other role would be refused).
            org.pop("roles")
        lost = set(data.get("key_lost_categories") or [])
        # Categories not ticked take the top-level flag, which is off when only some were.
        facts["encryption"]["by_category"] = {
            cat: {"encrypted": True, "key_compromised": cat in lost} for cat in some
        }
        facts["data_sets"] = data_sets
        if data_sets and not facts["data"]:
            del facts["data"]  # the data sets say which categories
        if data_sets and "affected" in facts and not facts["affected"]:
            del facts["affected"]  # ... and how many people
        facts["format"] = FACTS_FORMAT_2
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
        roles = org.get("roles") or [org.get("role") or "controller"]
        by_category = encryption.get("by_category") or {}
        data_sets = facts.get("data_sets") or []
        initial.update(
            facts_format=facts.get("format") or FACTS_FORMAT,
            role=BOTH_ROLES if len(roles) > 1 else roles[0],
            sectors=", ".join(org.get("sectors") or []),
            encrypted_categories=[c for c, v in by_category.items() if v.get("encrypted")],
            key_lost_categories=[c for c, v in by_category.items() if v.get("key_compromised")],
            data_sets=json.dumps(data_sets, indent=1, ensure_ascii=False) if data_sets else "",
            times_zone=timezone.get_current_timezone_name(),
            main_establishment=org.get("main_establishment") or "",
            established_in=", ".join(org.get("established_in") or []),
            subject_to=[key for key in subject_to if key in known],
            subject_to_other=", ".join(key for key in subject_to if key not in known),
            data=facts.get("data") or [],
            encrypted=bool(encryption.get("encrypted")),
            key_compromised=bool(encryption.get("key_compromised")),
            product_security_incident=bool(facts.get("product_security_incident")),
            client_financial_impact=client_impact.to_form(facts),
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


# -- Case forms ---------------------------------------------------------------------------------
def severity_choices():
    from incidents.choices import Severity

    return Severity.choices


class IncidentDetailsForm(forms.Form):
    """What describes a case but starts no clock: title, summary, severity, privilege."""

    title = forms.CharField(label="Title", max_length=200)
    description = forms.CharField(
        label="Summary",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What happened, in a few sentences.",
    )
    severity = forms.ChoiceField(label="Severity", choices=severity_choices, initial="medium")
    privileged = forms.BooleanField(
        label="Attorney–client privileged",
        required=False,
        help_text="Prepared at the direction of counsel; labelled on every page, export and email.",
    )
    change_reason = forms.CharField(
        label="Reason for the change",
        required=False,
        max_length=1000,
        help_text="Recorded in the case timeline with the before and after values.",
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["change_reason"]


class AffectedForm(forms.Form):
    """Counts of affected people per jurisdiction, one line each; the text is the whole table."""

    counts = forms.CharField(
        label="People affected, by where they live",
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": "DE 9000\nFR 3000\nUS-CA 600", **PLACE_NAMES}
        ),
        help_text="One jurisdiction per line: an ISO code and a count, e.g. “US-CA 600”. "
        "Remove a line to remove that jurisdiction.",
    )

    def clean_counts(self):
        return parse_counts_text(self.cleaned_data["counts"])

    @staticmethod
    def initial_text(rows) -> str:
        return "\n".join(f"{row.jurisdiction} {row.count}" for row in rows)


class AffectedCsvForm(forms.Form):
    """A CSV of counts: ``jurisdiction,count`` per line, with or without a header row."""

    file = UploadField(
        label="CSV of counts",
        help_text="Two columns, jurisdiction code and number of people, e.g. “US-CA,600”. "
        "At most 1 MB.",
    )
    replace = forms.BooleanField(
        label="Replace all counts (otherwise the file adds to and updates them)",
        required=False,
    )

    def clean_file(self):
        from incidents.actions import AffectedCSVError, parse_affected_csv

        upload = self.cleaned_data["file"]
        validate_csv_upload(upload)  # size, name, text (security.uploads, the one CSV check)
        try:
            self.counts = parse_affected_csv(upload)
        except AffectedCSVError as exc:
            raise forms.ValidationError(
                [f"Line {n}: {msg}" if n else msg for n, msg in exc.errors][:50]
            ) from None
        # Codes of the right shape that ISO 3166 does not have: every one, with the code meant.
        unknown = [
            sentence(f"{code}: {places.problem(code)}")
            for code in self.counts
            if places.problem(code) and code not in rulebook_codes()
        ]
        if unknown:
            raise forms.ValidationError(unknown[:50])
        return upload


def method_choices():
    from incidents.choices import NotificationMethod

    return NotificationMethod.choices


class ZonedTimeForm(forms.Form):
    """A form whose wall-clock fields are typed in the zone chosen in its ``times_zone`` field.

    ``zoned_field`` names the field to localise; the zone defaults to the viewer's.
    """

    zoned_field = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("times_zone", timezone.get_current_timezone_name())

    def clean(self):
        cleaned = super().clean()
        name = self.zoned_field
        if cleaned.get(name) and cleaned.get("times_zone"):
            try:
                cleaned[name] = localize(cleaned[name], cleaned["times_zone"])
            except forms.ValidationError as exc:
                self.add_error(name, exc)
        return cleaned


class NotificationForm(ZonedTimeForm):
    """A notice that went out: when, how, to whom, its reference, and the letter or filing."""

    zoned_field = "sent_at"

    sent_at = WallClockDateTimeField(label="Sent at")
    times_zone = forms.ChoiceField(
        label="Time zone of “sent at”",
        choices=timezones.choices,
        help_text="Stored in UTC.",
    )
    method = forms.ChoiceField(label="How", choices=method_choices)
    sent_to = forms.CharField(
        label="To whom",
        max_length=300,
        help_text="The office, address or portal, e.g. “BfDI online form” or “breach@ico.org.uk”.",
    )
    reference = forms.CharField(
        label="Reference number",
        required=False,
        max_length=200,
        help_text="The authority's case or receipt number, if any.",
    )
    evidence = UploadField(
        label="Letter or filing",
        required=False,
        validators=[validate_attachment],  # type, content and size (security.uploads)
        help_text="A copy of what was sent (PDF, e-mail, screenshot). Kept with its SHA-256.",
    )


class DecisionForm(forms.Form):
    """Mark an obligation not required, or waive it — always with the reason, for the record."""

    decision = forms.ChoiceField(
        label="Decision",
        choices=[
            ("not_required", "Not required — the duty does not apply on these facts"),
            ("waived", "Waived — we decided not to notify (e.g. authority agreed)"),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Reason",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Recorded in the case timeline and the report.",
    )


class TargetForm(ZonedTimeForm):
    """The team's own target date for a notice the law gives no fixed deadline (or clear it)."""

    zoned_field = "target_at"

    target_at = WallClockDateTimeField(
        label="Internal target",
        required=False,
        help_text="Not a legal deadline: reminders and calendars count down to it. "
        "Leave empty to clear the target.",
    )
    times_zone = forms.ChoiceField(
        label="Time zone of the target", choices=timezones.choices, help_text="Stored in UTC."
    )
    reason = forms.CharField(
        label="Reason",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Why this date; recorded in the case timeline.",
    )


def team_role_choices():
    from incidents.choices import TeamRole

    return [(value, label) for value, label in TeamRole.choices if value != TeamRole.OWNER]


class TeamMemberForm(forms.Form):
    username = forms.CharField(
        label="Username or e-mail",
        max_length=150,
        help_text="The person must already have an account.",
    )
    role = forms.ChoiceField(label="Role on this case", choices=team_role_choices)

    def clean_username(self):
        from django.contrib.auth import get_user_model

        value = self.cleaned_data["username"].strip()
        users = get_user_model().objects.filter(is_active=True)
        user = users.filter(username__iexact=value).first() or (
            users.filter(email__iexact=value).first() if "@" in value else None
        )
        if user is None:
            raise forms.ValidationError(f"No active user “{value}”.")
        self.user = user
        return value


class TeamRoleForm(forms.Form):
    """Another role for someone already on the team (the owner changes by transfer only)."""

    role = forms.ChoiceField(
        label="Role on this case",
        choices=team_role_choices,
        error_messages={
            "required": "choose a role from the list.",
            "invalid_choice": "“%(value)s” is not a role that can be given here; choose one from "
            "the list (the owner changes only with “Make owner”).",
        },
    )


def attachment_kind_choices():
    from incidents.choices import AttachmentKind

    return AttachmentKind.choices


class NoteForm(forms.Form):
    """A comment, a file, or both."""

    text = forms.CharField(
        label="Note", required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )
    file = UploadField(label="File", required=False, validators=[validate_attachment])
    kind = forms.ChoiceField(label="Kind of file", choices=attachment_kind_choices, required=False)
    privileged = forms.BooleanField(
        label="Privileged",
        required=False,
        help_text="Attorney–client privileged: never quoted in reminders or feeds.",
    )
    personal = forms.BooleanField(
        label="Contains personal data",
        required=False,
        help_text="Names, contact details or other data about people: the note's text is removed "
        "when the case's retention period ends (unless the case is on legal hold).",
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("file") and not self.errors:
            raise forms.ValidationError("Write a note or choose a file.")
        return cleaned


# -- Case list filters ----------------------------------------------------------------------------
DUE_WITHIN_CHOICES = [
    ("", "Any time"),
    ("0h", "Overdue"),
    ("24h", "Within 24 hours"),
    ("72h", "Within 72 hours"),
    ("7d", "Within 7 days"),
    ("30d", "Within 30 days"),
]


class CaseFilterForm(forms.Form):
    """The case list's search box, filters and sort order (all optional, all in the URL)."""

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Reference, title or description"}
        ),
    )
    status = forms.ChoiceField(label="Status", required=False)
    jurisdiction = forms.CharField(
        label="Jurisdiction",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"placeholder": "DE, US, US-CA", "size": 8}),
    )
    owner = forms.CharField(
        label="Owner",
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"placeholder": "username", "size": 12}),
    )
    due_within = forms.ChoiceField(label="Deadline", required=False, choices=DUE_WITHIN_CHOICES)
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        from incidents.choices import IncidentStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Any status"), *IncidentStatus.choices]

    def clean_owner(self):
        return self.cleaned_data["owner"].strip()

    def clean_jurisdiction(self):
        value = self.cleaned_data["jurisdiction"].strip()
        return clean_jurisdiction(value) if value else ""

    def clean_sort(self):
        from incidents.queries import SORTS

        value = self.cleaned_data["sort"]
        return value if value in SORTS else ""

    def filters(self):
        from incidents.queries import CaseFilters, parse_due_within

        data = self.cleaned_data
        return CaseFilters(
            status=data.get("status") or None,
            jurisdiction=data.get("jurisdiction") or None,
            owner=data.get("owner") or None,
            due_within=parse_due_within(data.get("due_within") or None),
            q=data.get("q") or None,
            sort=data.get("sort") or None,
        )


def status_choices():
    from incidents.choices import IncidentStatus

    return IncidentStatus.choices


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Case status", choices=status_choices)
    reason = forms.CharField(label="Reason", required=False, max_length=1000)
