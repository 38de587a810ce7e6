"""The rule book in the database: jurisdictions, regimes, rules and their versions.

Every field of ``jurisdictions.engine.rules.Rule`` has a column on ``RuleVersion``; the loader turns
published versions into engine objects. A rule's text is never edited in place once published: a
change is a new version (a draft until someone previews and publishes it), so the text that
produced any past deadline can always be read again.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone as django_tz

from jurisdictions import choices
from jurisdictions.choices import Kind, Publication
from jurisdictions.engine.serialization import CARRIED_OUT
from jurisdictions.notice_content import NOTICE_CONTENT_FIELD

# Which engine field each group of columns maps to; ``to_rule_dict`` / ``from_rule_dict`` use it.
SIMPLE_RULE_FIELDS = (
    "recipient",
    "authority",
    "citation",
    "clock_start",
    "timing_standard",
    "stage",
    "obligated_role",
    "scope",
    "requires_subject_to",
    "data_condition",
    "min_risk",
    "encryption_safe_harbour",
    "key_compromise_defeats_safe_harbour",
    "deadline_amount",
    "deadline_unit",
    "deadline_cutoff",
    "deadline_kind",
    "non_business_day_relief",
    "holiday_calendar",
    "timezone",
    "sources",
    "confidence",
    "status",
    "effective_from",
    "effective_to",
    "last_reviewed",
    "notes",
    "kind",
    "counterparty",
    "contact",
    "systems_any",
    "customers_any",
    "displaces",
    "delay",
    "authorities",
    "requires_facts",
    "notice_content",
    "extra",
)

NULLABLE_TEXT = (
    "stage",
    "obligated_role",
    "min_risk",
    "deadline_unit",
    "deadline_cutoff",
    "deadline_kind",
    "non_business_day_relief",
    "holiday_calendar",
    "timezone",
)
LIST_FIELDS = ("requires_subject_to", "sources", "systems_any", "customers_any", "requires_facts")
DATE_FIELDS = ("effective_from", "effective_to", "last_reviewed")


def any_personal_data() -> str:
    """The default data condition: any personal data triggers the rule."""
    return "*"


def fingerprint(entry: dict) -> str:
    """A stable hash of a rule-book entry, so an unchanged entry is recognised on re-import."""
    canonical = json.dumps(entry, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


class RulebookState(models.Model):
    """One row: the rule book's revision counter and its version label.

    ``revision`` goes up whenever a rule version, jurisdiction or closure day changes; every process
    compares it with the revision of its cached rule book (``jurisdictions.loader``), so an edit in
    the console is seen by the web servers and the workers at their next evaluation.
    """

    revision = models.PositiveIntegerField(
        default=0, help_text="Goes up by one with every change to the rule book."
    )
    label = models.CharField(
        max_length=64,
        blank=True,
        help_text="The rule book's version as shown on every computed deadline, e.g. "
        "'2026-11-26' for the shipped file or '2026-12-01-r7' after a change in this console.",
    )
    changed_at = models.DateTimeField(
        default=django_tz.now, help_text="When the rule book last changed."
    )

    class Meta:
        verbose_name = "rule book state"

    def __str__(self) -> str:
        return f"{self.label or 'unversioned'} (revision {self.revision})"

    @classmethod
    def bump(cls, label: str | None = None) -> None:
        """Record that the rule book changed (one UPDATE, safe under concurrent edits)."""
        state, _ = cls.objects.get_or_create(pk=1)
        now = django_tz.now()
        cls.objects.filter(pk=1).update(revision=F("revision") + 1, changed_at=now)
        state.refresh_from_db()
        new_label = label or f"{now.date().isoformat()}-r{state.revision}"
        cls.objects.filter(pk=1).update(label=new_label)


class Jurisdiction(models.Model):
    """A country, state or province (or the EU) where a notified authority or person sits."""

    code = models.CharField(
        max_length=12,
        unique=True,
        help_text="ISO 3166 code: a country ('DE'), a state or province ('US-CA', 'CA-QC'), "
        "or 'EU' for EU-wide instruments.",
    )
    name = models.CharField(max_length=120, help_text="The name people use, e.g. 'California'.")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The country a state or province belongs to (US for US-CA). People affected "
        "in a state also count for rules of its country.",
    )
    eu = models.BooleanField(
        "EU member", default=False, help_text="A member state of the European Union."
    )
    eea = models.BooleanField(
        "EEA member",
        default=False,
        help_text="In the European Economic Area (EU plus Iceland, Liechtenstein and Norway): "
        "GDPR applies here.",
    )
    timezone = models.CharField(
        max_length=64,
        default="UTC",
        help_text="The time zone in which days are counted for this jurisdiction's authorities, "
        "as an IANA name such as 'Europe/Berlin' or 'America/Los_Angeles' (for a US state, the "
        "zone of its capital). A deadline 'within 30 days' ends at 23:59:59 on the 30th day in "
        "this zone.",
    )
    holiday_country = models.CharField(
        max_length=8,
        blank=True,
        help_text="Whose public holidays are skipped when a rule counts business days: a "
        "country code of the 'holidays' calendar library, e.g. 'US' or 'DE'. Leave blank if "
        "no rule here counts business days.",
    )
    holiday_subdivision = models.CharField(
        max_length=8,
        blank=True,
        help_text="A state or region whose own legal holidays also apply, e.g. 'VT' for "
        "Vermont (Town Meeting Day) or 'BY' for Bavaria.",
    )
    members = models.JSONField(
        default=list,
        blank=True,
        help_text="For a region such as the EU: the codes of its member jurisdictions, as a "
        'list such as ["AT", "BE", ...]. People residing in a member count as residents of the '
        "region. Empty: the EU entry contains every EEA-flagged jurisdiction.",
    )
    source_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Identifies the rule-book file entry this row was last loaded from, so "
        "loading the same file again leaves console edits alone.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When it was added.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When it was last changed.")

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def to_engine_dict(self, closures=None) -> dict:
        """The entry for this jurisdiction in the rule-book format."""
        days = closures if closures is not None else [c.day for c in self.closures.all()]
        return {
            "code": self.code,
            "name": self.name,
            "parent": self.parent.code if self.parent_id else None,
            "timezone": self.timezone,
            "holiday_country": self.holiday_country or None,
            "holiday_subdivision": self.holiday_subdivision or None,
            "extra_closures": sorted(d.isoformat() for d in days),
            "eu": self.eu,
            "eea": self.eea,
            "members": list(self.members or []),
        }


class HolidayClosure(models.Model):
    """An extra day on which an authority is closed, added by a rule administrator.

    Business-day deadlines skip these as well as the public holidays of the jurisdiction's
    calendar (e.g. a regulator's office closure announced for a storm).
    """

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.CASCADE,
        related_name="closures",
        help_text="The jurisdiction whose authorities are closed that day.",
    )
    day = models.DateField(help_text="The day of the closure (a whole calendar day).")
    reason = models.CharField(
        max_length=200,
        blank=True,
        help_text="Why the authorities are closed, e.g. 'State offices closed: winter storm'.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who added the closure day.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When it was added.")

    class Meta:
        ordering = ["jurisdiction", "day"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "day"], name="one_closure_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction.code} closed on {self.day.isoformat()}"


class Regime(models.Model):
    """A body of law or a contract family that rules belong to: GDPR, HIPAA, a state statute."""

    code = models.SlugField(
        max_length=64,
        unique=True,
        help_text="A short key used in the rule-book file, e.g. 'gdpr' or 'us-ca-breach'.",
    )
    name = models.CharField(
        max_length=200,
        help_text="The name shown to users, e.g. 'California Civil Code 1798.82'.",
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Rule(models.Model):
    """A notification duty's identity (its code); its text over time lives in ``RuleVersion``."""

    code = models.CharField(
        max_length=64,
        unique=True,
        help_text="A stable identifier that cases refer to, e.g. 'US-CA-AG'. Never reuse a code "
        "for a different duty.",
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        related_name="rules",
        help_text="Where the recipient sits: the state or country whose authority or residents "
        "must be told.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the rule was created.")

    class Meta:
        ordering = ["code"]
        permissions = [
            ("publish_rule", "Can preview and publish rule changes"),
            # The "Changes coming" page: for the people who act on what the law will say.
            ("view_changes_coming", "Can see the changes coming to the law and the cases moved"),
        ]

    def __str__(self) -> str:
        return self.code

    def published_versions(self):
        return self.versions.filter(publication=Publication.PUBLISHED).order_by("version")

    def version_on(self, day: date):
        """The published version in force on ``day``, if any."""
        return (
            self.published_versions()
            .filter(Q(effective_from__isnull=True) | Q(effective_from__lte=day))
            .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=day))
            .last()
        )


class RuleVersion(models.Model):
    """One version of a rule's text: who must be told, when it applies, and by when.

    Published versions are never edited: a change becomes a new draft version, which is
    previewed against the open cases and then published (``jurisdictions.services``).
    """

    rule = models.ForeignKey(
        Rule,
        on_delete=models.PROTECT,
        related_name="versions",
        help_text="The rule this is a version of.",
    )
    version = models.PositiveIntegerField(
        help_text="1 for the first text, then 2, 3... Cases record which version produced each "
        "deadline."
    )
    publication = models.CharField(
        max_length=12,
        choices=Publication.choices,
        default=Publication.DRAFT,
        help_text="Only published versions are used to compute deadlines. A draft must be "
        "previewed (which open cases it changes) and then published.",
    )
    replaces = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        help_text="The version this draft was made from.",
    )
    regime = models.ForeignKey(
        Regime,
        on_delete=models.PROTECT,
        related_name="rule_versions",
        help_text="The law (or contract family) this duty comes from.",
    )
    regime_name = models.CharField(
        "regime as cited",
        max_length=200,
        help_text="The law's name as shown on this rule's deadlines, e.g. 'California Civil "
        "Code 1798.82'.",
    )
    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.STATUTE,
        help_text="'Statute' for a law or regulation; 'Contract clause' for a duty the "
        "organisation agreed to (customer DPA, vendor agreement, cyber-insurance policy).",
    )
    recipient = models.CharField(
        max_length=40,
        choices=choices.RECIPIENT_CHOICES,
        help_text="Who must be told: a supervisory authority, the attorney general, the "
        "affected individuals, a contract counterparty (use 'Controller' or 'Service "
        "recipients' for customers)...",
    )
    authority = models.CharField(
        max_length=200,
        help_text="The name of the body or person to notify, e.g. 'California Attorney "
        "General' or 'Acme Bank plc security team'.",
    )
    stage = models.CharField(
        max_length=40,
        null=True,
        blank=True,
        help_text="For regimes with several reports (NIS2, DORA), which step this is: "
        "'early_warning', 'initial_notification', 'intermediate_report', 'final_report'... "
        "Leave blank for a single notice.",
    )
    citation = models.CharField(
        max_length=300,
        help_text="The provision that creates the duty, as a lawyer would cite it, e.g. "
        "'Cal. Civ. Code 1798.82(f)'.",
    )
    timing_standard = models.CharField(
        max_length=500,
        help_text="The law's own words about timing, e.g. 'without undue delay and, where "
        "feasible, not later than 72 hours'.",
    )
    clock_start = models.CharField(
        max_length=80,
        help_text="The event that starts the clock: an event of the incident ('discovered_at', "
        "'aware_at', 'determined_at', 'scope_identified_at', 'materiality_determined_at', "
        "'classified_major_at', 'assessed_notifiable_at', 'ransom_paid_at', 'occurred_at') or "
        "'notice:RULE-CODE' when it starts once another rule's notice is sent.",
    )
    deadline_amount = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="How many minutes, hours, days or months after the clock starts. Leave blank "
        "for 'without undue delay' or 'most expedient time possible' (no fixed outer limit).",
    )
    deadline_unit = models.CharField(
        max_length=20,
        choices=choices.UNIT_CHOICES,
        null=True,
        blank=True,
        help_text="Minutes and hours: elapsed time, whatever the clocks do. Calendar days: the "
        "deadline is 23:59:59 local time on the Nth day, the start day not counted. Business "
        "days: skip weekends, public holidays and closure days of the holiday calendar. Months: "
        "same day N months later.",
    )
    deadline_cutoff = models.CharField(
        max_length=5,
        null=True,
        blank=True,
        help_text="A time of day (HH:MM, local) at which a day's deadline ends instead of "
        "midnight, e.g. '17:30' for an SEC filing.",
    )
    deadline_kind = models.CharField(
        max_length=20,
        choices=choices.DEADLINE_KIND_CHOICES,
        null=True,
        blank=True,
        help_text="Leave blank normally. 'Before' means this notice must precede the notice "
        "named in the clock start (e.g. tell the regulator before the residents).",
    )
    also_not_later_than_event = models.CharField(
        max_length=40,
        choices=choices.EVENT_CHOICES,
        null=True,
        blank=True,
        help_text="A second outer limit counted from another event; the earlier deadline "
        "wins (DORA: 4 hours after classification but no later than 24 hours after awareness).",
    )
    also_not_later_than_amount = models.PositiveIntegerField(
        null=True, blank=True, help_text="The second limit's length."
    )
    also_not_later_than_unit = models.CharField(
        max_length=20,
        choices=choices.UNIT_CHOICES,
        null=True,
        blank=True,
        help_text="The second limit's unit.",
    )
    non_business_day_relief = models.CharField(
        max_length=40,
        choices=choices.RELIEF_CHOICES,
        null=True,
        blank=True,
        help_text="Relief when a deadline falls on a weekend or holiday (DORA: noon of the "
        "next working day).",
    )
    holiday_calendar = models.CharField(
        max_length=20,
        null=True,
        blank=True,
        help_text="Use another holiday calendar than the jurisdiction's for business days, "
        "e.g. 'NYSE' for SEC filings or 'US-NY'. Leave blank to use the jurisdiction's.",
    )
    timezone = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        help_text="Count days in another zone than the jurisdiction's (IANA name, e.g. "
        "'America/New_York' for SEC filings). Leave blank to use the jurisdiction's.",
    )
    scope = models.CharField(
        max_length=40,
        choices=choices.SCOPE_CHOICES,
        default="residents",
        help_text="What brings the rule into play: affected residents of the jurisdiction, the "
        "GDPR one-stop-shop lead authority, an establishment there, or the organisation being "
        "subject to the regime wherever people live (SEC, HIPAA), or - for an EU-wide regime - "
        "the member state of the main establishment, whose authority the rule's authorities "
        "name.",
    )
    obligated_role = models.CharField(
        max_length=20,
        choices=choices.ROLE_CHOICES,
        null=True,
        blank=True,
        help_text="Whether only controllers or only processors owe this notice. Blank: both.",
    )
    requires_subject_to = models.JSONField(
        default=list,
        blank=True,
        help_text="Regimes the organisation must fall under for the rule to apply, as a list "
        'such as ["hipaa_covered_entity"] or ["sec_registrant"]; any one suffices. Empty: '
        "applies to everyone.",
    )
    requires_facts = models.JSONField(
        default=list,
        blank=True,
        help_text="Facts that must hold for the rule to apply, one per line: a flag that must be "
        "true (product_security_incident) or event:<name> for an event that must be recorded "
        "(event:exploited_vulnerability_at). Empty: no such condition.",
    )
    data_condition = models.JSONField(
        null=True,
        blank=True,
        default=any_personal_data,
        help_text='Which compromised data triggers the rule. "*" = any personal data; blank '
        "(null) = no data needed (service incidents: NIS2, DORA, SEC); a category such as "
        '"ssn"; or {"any": [...]} / {"all": [...]} combinations, e.g. {"all": '
        '["name", {"any": ["ssn", "drivers_license"]}]} for \'name plus SSN or '
        "licence number'.",
    )
    min_risk = models.CharField(
        max_length=10,
        choices=choices.RISK_CHOICES,
        null=True,
        blank=True,
        help_text="The harm test: the lowest assessed risk of harm at which notice is owed. "
        "Blank: no harm test (notice whatever the risk).",
    )
    encryption_safe_harbour = models.BooleanField(
        default=False,
        help_text="Notice is not owed if the data was encrypted.",
    )
    key_compromise_defeats_safe_harbour = models.BooleanField(
        default=True,
        help_text="The encryption safe harbour is lost if the key was compromised too.",
    )
    threshold_op = models.CharField(
        "threshold comparison",
        max_length=2,
        choices=choices.THRESHOLD_OP_CHOICES,
        null=True,
        blank=True,
        help_text="For a head-count condition ('more than 500 residents'): 'more than', "
        "'at least' or 'fewer than'. Blank: no head-count condition.",
    )
    threshold_value = models.PositiveIntegerField(
        "threshold number",
        null=True,
        blank=True,
        help_text="The number of people in the head-count condition, e.g. 500.",
    )
    threshold_counted = models.CharField(
        "threshold counts",
        max_length=20,
        choices=choices.THRESHOLD_COUNTED_CHOICES,
        null=True,
        blank=True,
        help_text="Who is counted: residents of the rule's jurisdiction, everyone affected, or "
        "the largest number in any one of its subdivisions.",
    )
    counterparty = models.CharField(
        max_length=200,
        blank=True,
        help_text="Contracts: the other party and clause, e.g. 'Acme Bank plc (DPA s.9.2)'.",
    )
    contact = models.CharField(
        max_length=200,
        blank=True,
        help_text="Contracts: where the notice goes, e.g. 'security@acme.example'.",
    )
    systems_any = models.JSONField(
        "systems",
        default=list,
        blank=True,
        help_text="Contracts: the clause applies only if one of these systems is affected, e.g. "
        '["payments-api"]. Empty: any system.',
    )
    customers_any = models.JSONField(
        "customers",
        default=list,
        blank=True,
        help_text="Contracts: the clause applies only if one of these customers' data or "
        'services is affected, e.g. ["acme-bank"]. Empty: any customer.',
    )
    sources = models.JSONField(
        default=list,
        blank=True,
        help_text="Where the rule was checked: statute URLs or document references, as a list.",
    )
    confidence = models.CharField(
        max_length=10,
        choices=choices.CONFIDENCE_CHOICES,
        default="high",
        help_text="How sure counsel is that this rule states the law correctly. 'Low' means "
        "the text is ambiguous or sources disagree: read the notes.",
    )
    status = models.CharField(
        "legal status",
        max_length=50,
        choices=choices.LEGAL_STATUS_CHOICES,
        default="in_force",
        help_text="Whether the law itself is in force, enacted but not yet in force, or only "
        "proposed.",
    )
    effective_from = models.DateField(
        null=True,
        blank=True,
        help_text="The first day this version applies (to incidents whose clock starts on or "
        "after it). Blank: since the rule began.",
    )
    effective_to = models.DateField(
        null=True,
        blank=True,
        help_text="The last day this version applies. Filled in automatically when a later "
        "version is published.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When counsel last checked this rule against its sources.",
    )
    notes = models.TextField(
        blank=True,
        help_text="Anything a reader should know: ambiguities, the reading taken, pending "
        "amendments.",
    )
    authorities = models.JSONField(
        default=dict,
        blank=True,
        help_text="EU-wide regimes (NIS2, DORA, ePrivacy, GDPR processor duty): the authority of "
        "each member state, keyed by its code ('DE'), a subdivision ('DE-BE') or 'DE#label' "
        'for organisations subject to listed regimes, e.g. {"DE": {"name": "BSI", '
        '"contact": "https://...", "citation": "BSIG s.32", "status": '
        '"in_force", "effective_from": "2025-12-06", "sources": [], "note": '
        '""}, "DE#ssm": {"name": "ECB", "subject_to": '
        '["ssm_significant_institution"]}}.',
    )
    displaces = models.JSONField(
        "displaces (precedence)",
        default=list,
        blank=True,
        help_text="Rules whose duties this rule displaces, as a JSON list, e.g. "
        '[{"rules": ["EU-NIS2-*"], "when_subject_to": ["dora"], "requires_applies": false, '
        '"basis": "lex_specialis", "citation": "Directive (EU) 2022/2555 Art 4(1)", '
        '"note": "..."}]. '
        "Optional keys: recipients (only duties to these recipients), when_subject_to, "
        "requires_applies (default true: only when this rule applies), note. Basis: "
        "lex_specialis, exemption, deemed_compliance, substantially_similar or other.",
    )
    delay = models.JSONField(
        "delay allowed",
        null=True,
        blank=True,
        help_text="The delay the law allows for this notice, as a JSON map; blank: none (the "
        'deadline runs whatever law enforcement asks). E.g. {"law_enforcement": true, '
        '"written_required": false, "after_lift": {"mode": "fixed_days", "amount": 30, "unit": '
        '"calendar_days"}, "citation": "..."}; after_lift mode: fixed_days, as_soon_as or '
        'original_if_later. SEC-style: {"national_security": {"mode": "fixed_days", "amount": '
        '30, "unit": "calendar_days"}, "citation": "..."}.',
    )
    notice_content = models.JSONField(**NOTICE_CONTENT_FIELD)
    extra = models.JSONField(
        default=dict,
        blank=True,
        help_text="Further data kept with the rule that the engine does not read.",
    )
    change_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="What changed in this version and why, e.g. 'AB 123: 45 days cut to 30'.",
    )
    source_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Identifies the rule-book file entry this version was loaded from.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who wrote this version (blank: loaded from the shipped rule book).",
    )
    created_at = models.DateTimeField(default=django_tz.now, help_text="When it was written.")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who published it.",
    )
    published_at = models.DateTimeField(null=True, blank=True, help_text="When it was published.")

    class Meta:
        ordering = ["rule__code", "version"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "version"], name="unique_rule_version_number")
        ]
        indexes = [
            # loader.current_rulebook() reads every published version in one query.
            models.Index(fields=["publication"], name="ruleversion_publication"),
        ]

    def __str__(self) -> str:
        return f"{self.rule.code} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.publication == Publication.PUBLISHED

    def in_force_on(self, day: date) -> bool:
        if self.effective_from and day < self.effective_from:
            return False
        return not (self.effective_to and day > self.effective_to)

    def to_rule_dict(self) -> dict:
        """This version as a rule-book entry (the engine's ``rule_to_dict`` format)."""
        return version_to_entry(self)

    @staticmethod
    def columns_from_rule_dict(entry: dict) -> dict:
        return columns_from_entry(entry)


def version_to_entry(row) -> dict:
    """A ``RuleVersion`` row as a rule-book entry (works on migration-state models too)."""
    entry = {
        "code": row.rule.code,
        "jurisdiction": row.rule.jurisdiction.code,
        "regime": row.regime_name,
        "regime_code": row.regime.code,
        "version": row.version,
    }
    for name in SIMPLE_RULE_FIELDS:
        if name in CARRIED_OUT and not hasattr(row, name):
            continue  # a migration's older model: the field travels in ``extra``
        value = getattr(row, name)
        if name in DATE_FIELDS:
            value = value.isoformat() if value else None
        elif name in LIST_FIELDS:
            value = list(value or [])
        entry[name] = value
    entry["extra"] = dict(row.extra or {})
    entry["threshold"] = (
        {
            "op": row.threshold_op,
            "value": row.threshold_value,
            "counted": row.threshold_counted or "jurisdiction",
        }
        if row.threshold_op or row.threshold_value is not None
        else None
    )
    entry["also_not_later_than"] = (
        {
            "event": row.also_not_later_than_event,
            "amount": row.also_not_later_than_amount,
            "unit": row.also_not_later_than_unit,
        }
        if row.also_not_later_than_event
        else None
    )
    return entry


def columns_from_entry(entry: dict, model=None) -> dict:
    """The ``RuleVersion`` column values for a rule-book entry (already validated).

    ``model``: the model written to (a migration's historical model may predate a column: such a
    field is carried in ``extra`` and moved to its column by the migration that adds it).
    """
    values = {}
    carried = {}
    for name in SIMPLE_RULE_FIELDS:
        if name not in entry:
            continue
        value = entry[name]
        if model is not None and name in CARRIED_OUT and not _has_field(model, name):
            if value not in (None, [], ()):
                carried[name] = value
            continue
        if name in DATE_FIELDS and isinstance(value, str):
            value = date.fromisoformat(value)
        elif name in LIST_FIELDS:
            value = list(value or [])
        elif name in NULLABLE_TEXT and value == "":
            value = None
        values[name] = value
    if "extra" in values and values["extra"] is None:
        values["extra"] = {}
    if carried:
        values["extra"] = {**values.get("extra", {}), **carried}
    for key in ("notes", "counterparty", "contact"):
        if key in values and values[key] is None:
            values[key] = ""
    threshold = entry.get("threshold") or {}
    values["threshold_op"] = threshold.get("op")
    values["threshold_value"] = threshold.get("value")
    values["threshold_counted"] = threshold.get("counted") if threshold else None
    limit = entry.get("also_not_later_than") or {}
    values["also_not_later_than_event"] = limit.get("event")
    values["also_not_later_than_amount"] = limit.get("amount")
    values["also_not_later_than_unit"] = limit.get("unit")
    return values


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist on any model class
        return False
    return True


def field_label(name: str) -> str:
    """The console's label for a rule-book field name (file form), e.g. 'legal status'."""
    special = {
        "regime": "regime as cited",
        "regime_code": "regime",
        "threshold": "threshold",
        "also_not_later_than": "also not later than",
        "code": "code",
        "jurisdiction": "jurisdiction",
    }
    if name in special:
        return special[name]
    try:
        return str(RuleVersion._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - any other key (publication, extra keys) reads as is
        return name.replace("_", " ")


class RuleChange(models.Model):
    """The history of the rule book: who changed what, when, with the values before and after.

    Written in the same transaction as the change itself, by ``jurisdictions.services`` and the
    importer; never edited. The admin and the rules page show it per rule.
    """

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        DRAFTED = "drafted", "Draft written"
        DRAFT_EDITED = "draft_edited", "Draft edited"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"
        ENDED = "ended", "Effective end date set"
        DISCARDED = "discarded", "Draft discarded"
        IMPORTED = "imported", "Loaded from a rule-book file"
        JURISDICTION = "jurisdiction", "Jurisdiction changed"
        CLOSURE = "closure", "Closure day changed"

    at = models.DateTimeField(default=django_tz.now, help_text="When the change was made.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who made it (blank: the shipped rule book, loaded at installation).",
    )
    action = models.CharField(
        max_length=20, choices=Action.choices, help_text="What kind of change it was."
    )
    rule = models.ForeignKey(
        Rule,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="changes",
        help_text="The rule changed, if the change was to a rule.",
    )
    rule_version = models.ForeignKey(
        RuleVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="changes",
        help_text="The version written, published, ended or superseded.",
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="changes",
        help_text="The jurisdiction changed, if the change was to a jurisdiction or its "
        "closure days.",
    )
    summary = models.CharField(max_length=500, help_text="The change in a sentence.")
    before = models.JSONField(null=True, blank=True, help_text="The values before the change.")
    after = models.JSONField(null=True, blank=True, help_text="The values after the change.")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["rule", "-at"], name="rulechange_rule_at")]

    def __str__(self) -> str:
        return self.summary

    def changed_labels(self) -> list[tuple[str, object, object]]:
        """``changed_fields`` with the names a reader knows ("deadline amount", "legal status")."""
        from jurisdictions.rule_words import difference_words

        return [(field_label(k), *difference_words(k, b, a)) for k, b, a in self.changed_fields()]

    def changed_fields(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each value that differs - what the history page lists."""
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


class PublishJob(models.Model):
    """A published change's recomputation of the open cases it affects, with its progress.

    The publish view writes the row and queues ``jurisdictions.tasks.recompute_after_publish``,
    which shares the cases out to the worker pool in parts; the progress page polls it.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Recomputing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    created_at = models.DateTimeField(default=django_tz.now, help_text="When it was published.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        help_text="Who published (blank: the shipped rule book).",
    )
    summary = models.CharField(max_length=500, help_text="What was published.")
    rule_versions = models.ManyToManyField(
        RuleVersion,
        related_name="publish_jobs",
        blank=True,
        help_text="The rule versions published.",
    )
    incident_ids = models.JSONField(default=list, help_text="The open cases to recompute.")
    total = models.PositiveIntegerField(default=0, help_text="How many cases to recompute.")
    done = models.PositiveIntegerField(default=0, help_text="How many are recomputed so far.")
    chunks = models.PositiveIntegerField(
        default=0, help_text="How many parts the cases were shared out in, one task each."
    )
    chunks_done = models.JSONField(
        default=list, help_text="The parts finished (a part delivered twice counts once)."
    )
    state = models.CharField(
        max_length=10,
        choices=State.choices,
        default=State.QUEUED,
        help_text="Queued, recomputing, done or failed.",
    )
    error = models.TextField(blank=True, help_text="Why it failed, if it did.")
    finished_at = models.DateTimeField(null=True, blank=True, help_text="When it finished.")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.summary} ({self.done}/{self.total}, {self.get_state_display()})"
