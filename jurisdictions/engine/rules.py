"""Plain, immutable rule objects: what the engine reads. No Django import.

The database (``jurisdictions.models``), the shipped rule book file (``jurisdictions/rulebook``) and
``export_rules`` / ``import_rules`` all hold the same fields; ``jurisdictions.loader`` turns rows
into these objects. Every field is data a rule administrator can edit: no law lives in ``if``
statements.

Vocabulary (see the facts format, ``breachclock.facts/1``):

* recipient: supervisory_authority, attorney_general, state_agency, sector_regulator,
  csirt_or_competent_authority, individuals, consumer_reporting_agencies, media, controller,
  service_recipients, public, internal.
* clock_start: an event name of the facts format (``discovered_at``, ``aware_at``,
  ``determined_at``, ``scope_identified_at``, ``materiality_determined_at``,
  ``classified_major_at``, ``assessed_notifiable_at``, ``ransom_paid_at``,
  ``exploited_vulnerability_at``, ``corrective_measure_available_at``) or
  ``notice:<RULE-CODE>`` - the clock starts when another rule's notice is sent.
* deadline unit: hours, calendar_days, business_days, months, minutes (elapsed, like hours: Chile's
  RAN 20-8 half hour); ``amount=None`` means no fixed outer limit ("without undue delay").
* scope - which jurisdictions' people or establishments bring the rule into play:
    - ``residents``: people residing in the rule's jurisdiction (or its subdivisions) are affected;
    - ``lead_authority``: GDPR-style one-stop-shop - the authority of the main establishment, or,
      with no main establishment, every authority where affected people reside;
    - ``establishment``: the organisation is established in the rule's jurisdiction;
    - ``residents_or_establishment``: either of the two above;
    - ``establishment_or_threshold``: the organisation is established (an insurer: domiciled) in
      the rule's jurisdiction, or residents are affected and the rule's head-count threshold is
      met; an establishment there needs no head count (NAIC Insurance Data Security Model Law
      s.6: "state of domicile" or "250 or more consumers residing in this state");
    - ``organisation``: the organisation is subject to the regime wherever people live (SEC, HIPAA).
    - ``main_establishment``: an EU-wide regime (NIS2, DORA, ePrivacy, GDPR processor duty) owed in
      ONE member state: that of ``organisation.main_establishment``, else the first of
      ``organisation.established_in`` inside the rule's region; the rule's ``authorities`` name
      the authority there (see ``jurisdictions.engine.authorities``).
* authorities: optional per-state entries ``{"DE": Authority, "DE-BE": ..., "DE#ssm": ...}`` -
  the authority of a member state (or of one of its subdivisions: a German Land), with its
  contact, the national law designating it (``citation``; a directive's transposition) and that
  law's ``status`` / ``effective_from``. A key ``XX#label`` is an alternative entry for
  organisations subject to one of its ``subject_to`` tokens (the ECB for a significant
  institution; the BfDI for a telecoms provider).
* data_condition: a condition tree over data categories. ``None`` = no data condition (service
  incidents: NIS2, DORA, SEC). ``"*"`` = any personal data. A string = that category is in the
  facts' ``data``. ``{"any": [...]}`` / ``{"all": [...]}`` combine conditions. Example (a US state's
  "personal information"): ``{"any": [{"all": ["name", {"any": ["ssn", "drivers_license"]}]},
  "account_credentials"]}``.
* kind: ``statute`` (a law or regulation) or ``contract`` (a customer DPA, vendor agreement or
  insurance policy clause: ``counterparty`` and ``contact`` say whom to tell; ``systems_any`` and
  ``customers_any`` limit it to incidents touching those systems or customers, matched against the
  optional ``systems`` / ``customers`` lists of the facts).
* min_risk: ``None`` = no harm test; otherwise the lowest ``risk_of_harm`` that triggers the rule,
  on the scale none < unlikely < risk < high (GDPR Art 33: ``risk``; Art 34: ``high``; a US state
  that excuses notice when there is no reasonable likelihood of harm: ``unlikely``).
* max_risk: ``None`` = no ceiling; otherwise the highest ``risk_of_harm`` at which the rule still
  applies: a duty owed only on the no-harm path (Florida 501.171(4)(c): the written determination
  that the breach will not likely result in harm goes to the Department of Legal Affairs; Alaska
  45.48.010(c): the attorney general is told before relying on the no-harm exception). A risk not
  yet assessed keeps the rule listed (the choice is then made consciously).
* not_after_notice: a rule code; once that rule's notice is recorded as sent, this notice is due
  no later than that instant, whichever is sooner ("within 14 business days of discovery or when
  the data collector provides notice to consumers, whichever is sooner": 9 V.S.A. 2435(b)(3)).
  Carried in ``extra`` by the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

RECIPIENTS = (
    "supervisory_authority",
    "attorney_general",
    "state_agency",
    "sector_regulator",
    "csirt_or_competent_authority",
    "individuals",
    "consumer_reporting_agencies",
    "media",
    "controller",
    "service_recipients",
    "public",
    "internal",
)
EVENTS = (
    "occurred_at",
    "discovered_at",
    "aware_at",
    "determined_at",
    "scope_identified_at",
    "materiality_determined_at",
    "classified_major_at",
    "assessed_notifiable_at",
    "ransom_paid_at",
    # A written determination that the breach is not likely to cause harm was made (the US harm
    # tests: Fla. Stat. 501.171(4)(c) and the like); duties to send or keep it count from here.
    "no_harm_determined_at",
    # Cyber Resilience Act Art 14: awareness of an actively exploited vulnerability in a product
    # with digital elements, and the moment a corrective or mitigating measure is available.
    "exploited_vulnerability_at",
    "corrective_measure_available_at",
)
UNITS = ("hours", "calendar_days", "business_days", "months", "minutes")
# Where the count starts, if not at the clock-start instant itself: ``calendar_year_end`` - the end
# of the calendar year (in the authority's zone) in which the clock-start event falls (HIPAA
# 164.408(c): breaches under 500 reported "not later than 60 days after the end of each calendar
# year" for breaches discovered during it).
ANCHORS = ("calendar_year_end",)
SCOPES = (
    "residents",
    "lead_authority",
    "establishment",
    "residents_or_establishment",
    "establishment_or_threshold",
    "organisation",
    "main_establishment",
)
RISK_LEVELS = ("none", "unlikely", "risk", "high")
CONFIDENCE = ("high", "medium", "low")
STATUSES = (
    "in_force",
    "proposed_not_in_force",
    "notified_not_yet_in_force",
    "in_force_pending_executive_regulations",
)
NOTICE_PREFIX = "notice:"
# Why one rule displaces another (see ``Displacement``).
DISPLACEMENT_BASES = (
    "lex_specialis",
    "exemption",
    "deemed_compliance",
    "substantially_similar",
    "other",
)
# After a law-enforcement hold is lifted: a fixed period from the lift, "as soon as" with no fixed
# limit, or the original deadline when it is later than the fixed period from the lift.
AFTER_LIFT_MODES = ("fixed_days", "as_soon_as", "original_if_later")
# Facts conditions a rule may require (``requires_facts``): a true flag of the facts, or an
# event that has been recorded ("event:exploited_vulnerability_at").
FACT_FLAGS = ("product_security_incident", "client_financial_impact")
EVENT_PREFIX = "event:"


@dataclass(frozen=True)
class Threshold:
    """A head-count condition: "more than 500 California residents" = (">", 500, "jurisdiction");
    "fewer than 500 individuals" = ("<", 500, "total").

    ``counted``: ``jurisdiction`` - people residing in the rule's jurisdiction (with its
    subdivisions); ``total`` - everyone affected by the breach; ``per_subdivision`` - the largest
    count in any one subdivision of the rule's jurisdiction (HIPAA media notice: "more than 500
    residents of a State").
    """

    op: str  # ">", ">=" or "<"
    value: int
    counted: str = "jurisdiction"


@dataclass(frozen=True)
class Limit:
    """A second outer limit from another event; the earlier of the two deadlines wins.

    DORA: initial notification 4 h after classification, but no later than 24 h after awareness.
    """

    event: str
    amount: int
    unit: str


@dataclass(frozen=True)
class Authority:
    """The authority one member state (or subdivision) designates under an EU-wide regime."""

    name: str
    contact: str = ""  # portal or address to file with
    citation: str = ""  # the national law designating it / transposing the directive
    status: str = "in_force"  # of that national law (STATUSES)
    effective_from: date | None = None
    sources: tuple[str, ...] = ()
    note: str = ""
    subject_to: tuple[str, ...] = ()  # only for organisations subject to one of these (XX#label)

    def in_force_on(self, day: date) -> bool:
        if self.status in ("proposed_not_in_force", "notified_not_yet_in_force"):
            return False
        return not (self.effective_from and day < self.effective_from)


@dataclass(frozen=True)
class Displacement:
    """This rule displaces others: their duties do not apply (precedence as data).

    ``rules``: codes of displaced rules (fnmatch globs allowed, "EU-NIS2-*"). ``recipients``: only
    duties to these recipients are displaced (empty: every duty). ``when_subject_to``: only if the
    organisation is subject to one of these (same matching as ``requires_subject_to``; empty: no
    condition). ``requires_applies``: only when the displacing rule itself applies to the facts;
    false: the condition alone suffices (an exemption written into the displaced law may then sit
    on the displaced rule, naming itself).
    """

    rules: tuple[str, ...]
    basis: str  # one of DISPLACEMENT_BASES
    citation: str
    recipients: tuple[str, ...] = ()
    when_subject_to: tuple[str, ...] = ()
    requires_applies: bool = True
    note: str = ""


@dataclass(frozen=True)
class AfterLift:
    """How the clock runs once a law-enforcement hold is lifted (``AFTER_LIFT_MODES``)."""

    mode: str
    amount: int | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Delay:
    """What delay the law allows for this notice. No ``Delay`` on a rule: none at all.

    ``law_enforcement``: a law-enforcement agency may hold the notice (facts key
    ``law_enforcement_hold``); ``written_required``: only a written request does;
    ``after_lift``: the clock after the hold is lifted (absent: as soon as possible).
    ``national_security``: the longest delay after the original deadline that a national-security
    determination gives without a further one (SEC Item 1.05(c): 30 calendar days; facts key
    ``national_security_delay``), as ``AfterLift(mode="fixed_days", amount, unit)``.
    """

    citation: str
    law_enforcement: bool = False
    written_required: bool = False
    after_lift: AfterLift | None = None
    national_security: AfterLift | None = None
    note: str = ""


@dataclass(frozen=True)
class Jurisdiction:
    """Where a recipient sits, and how days are counted there."""

    code: str  # ISO 3166-1 alpha-2 or 3166-2: "DE", "US-CA"; "EU" for EU-level instruments
    name: str
    parent: str | None = None  # "US" for "US-CA"
    timezone: str = "UTC"  # IANA zone for day counting (a US state: its capital's zone)
    holiday_country: str | None = None  # holidays package country code, e.g. "US", "DE"
    holiday_subdivision: str | None = None  # e.g. "CA", "VT"
    extra_closures: tuple[date, ...] = ()  # closure days an administrator added
    eu: bool = False
    eea: bool = False
    # A region's member jurisdictions: people residing in a member count as residents of the
    # region (the EU entry lists the EU and EEA states, where GDPR applies). Without a list, the
    # entry coded "EU" contains every EEA-flagged jurisdiction.
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One notification duty: who must be told, when it applies, and by when."""

    code: str  # stable identifier, e.g. "US-CA-AG"
    jurisdiction: str  # code of the Jurisdiction where the recipient sits
    regime: str  # display name, e.g. "California Civil Code 1798.82"
    regime_code: str  # short key, e.g. "gdpr", "us-ca-breach"
    recipient: str
    authority: str  # the authority's name, e.g. "California Attorney General"
    citation: str
    clock_start: str  # an event name, or "notice:<RULE-CODE>"
    timing_standard: str  # the statute's words, e.g. "without undue delay, within 72 hours"
    version: int = 1
    stage: str | None = None
    obligated_role: str | None = None  # "controller" | "processor" | None (either)
    scope: str = "residents"
    requires_subject_to: tuple[str, ...] = ()  # any one suffices; "dora" matches "dora:credit_..."
    data_condition: Any = "*"
    min_risk: str | None = None
    max_risk: str | None = None  # carried in ``extra`` by the database
    encryption_safe_harbour: bool = False
    key_compromise_defeats_safe_harbour: bool = True
    threshold: Threshold | None = None
    deadline_amount: int | None = None
    deadline_unit: str | None = None
    deadline_cutoff: str | None = (
        None  # "17:30": end of a business day, local time; default 23:59:59
    )
    deadline_kind: str | None = None  # override: "before" (must precede the clock-start notice)
    deadline_anchor: str | None = None  # "calendar_year_end": count from the end of that year
    also_not_later_than: Limit | None = None
    non_business_day_relief: str | None = None  # "next_business_day_noon" (DORA RTS Art 5(4))
    # Override the jurisdiction's calendar: a jurisdiction code ("US-NY"), a market ("NYSE"), or
    # "establishment" - the member state where the organisation is established (DORA RTS Art 5(4)).
    holiday_calendar: str | None = None
    timezone: str | None = None  # override the jurisdiction's zone, e.g. SEC: America/New_York
    sources: tuple[str, ...] = ()
    confidence: str = "high"
    status: str = "in_force"
    effective_from: date | None = None
    effective_to: date | None = None
    last_reviewed: date | None = None
    notes: str = ""
    kind: str = "statute"  # "statute" | "contract"
    counterparty: str = ""  # contracts: the other party, e.g. "Acme Bank plc (customer DPA s.9.2)"
    contact: str = ""  # contracts: where the notice goes, e.g. "security@acme.example"
    systems_any: tuple[str, ...] = ()  # applies only if one of these systems is affected
    customers_any: tuple[str, ...] = ()  # applies only if one of these customers is affected
    # Applies only if the facts' cause is one of these (Japan's wrongful-purpose category, Korea's
    # external-hacking limb); an unrecorded cause is treated as matching until it is recorded.
    causes_any: tuple[str, ...] = ()
    # Subject-to keys for which the relief rule does not apply (DORA RTS Art 5(5): credit
    # institutions, CCPs, trading venues, NIS2 entities for initial and intermediate reports).
    relief_not_for: tuple[str, ...] = ()
    # Per member state (or subdivision) authority entries; see Authority and scope
    # main_establishment.
    authorities: dict[str, Authority] = field(default_factory=dict, hash=False)
    # A linked duty: owed only where one of these rules applies (Japan: the notice to individuals
    # is owed exactly where a report to the PPC is). Carried in ``extra`` by the database.
    applies_with: tuple[str, ...] = ()
    # Due no later than the notice under this rule once it is recorded as sent (the earlier wins).
    # Carried in ``extra`` by the database.
    not_after_notice: str | None = None
    displaces: tuple[Displacement, ...] = ()  # precedence: the duties this rule displaces
    delay: Delay | None = None  # the delay the law allows (None: no delay)
    # Applies only if every one holds: a facts flag that is true ("product_security_incident")
    # or an event that is recorded ("event:exploited_vulnerability_at").
    requires_facts: tuple[str, ...] = ()
    # What the notice must and must not say, resolved (``jurisdictions.engine.notice_content``);
    # {} when nothing is recorded. The engine's deadlines never read it.
    notice_content: dict = field(default_factory=dict, hash=False)
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def depends_on(self) -> str | None:
        """The rule code whose notice starts this clock, if any."""
        if self.clock_start.startswith(NOTICE_PREFIX):
            return self.clock_start[len(NOTICE_PREFIX) :]
        return None

    def in_force_on(self, day: date) -> bool:
        if self.effective_from and day < self.effective_from:
            return False
        return not (self.effective_to and day > self.effective_to)
