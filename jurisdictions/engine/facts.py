"""Parse and validate incident facts (``breachclock.facts/1`` and ``/2``). No Django import.

``parse_facts`` turns the JSON-shaped mapping into an immutable ``Facts`` object or raises
``FactsError`` naming the offending field as a dotted path (``events.discovered_at``,
``affected.US-XX``). Nothing is guessed: a timestamp without a UTC offset is refused, because a
deadline must never depend on the server's zone.

Compatible extensions of format 1 (all optional):

* ``notices_sent``: ``{RULE_CODE: iso-time}`` - notices already given; a rule whose clock starts at
  another rule's notice then counts from the recorded time instead of the latest possible one.
* ``systems`` / ``customers``: lists of names, matched by contract clauses.
* ``law_enforcement_hold``: ``{"requested_at": iso-time, "lifted_at": iso-time or null,
  "written": bool, "agency": str}`` - a law-enforcement agency asked that notices wait because they
  would impede its investigation. Rules whose law allows it (rule field ``delay``) are held until
  ``lifted_at`` and then re-timed; every other duty keeps running (a ``hold_not_allowed`` conflict).
* ``national_security_delay``: ``{"determined_at": iso-time, "ends_at": iso-time or null,
  "notified_in_writing": bool}`` - SEC Form 8-K Item 1.05(c): the US Attorney General determined
  that disclosure poses a substantial risk to national security or public safety and told the SEC
  in writing; the disclosure may wait for the period the Attorney General specifies (``ends_at``),
  without a further determination at most 30 days after the original deadline (the rule's
  ``delay.national_security`` says how long). ``notified_in_writing`` defaults to true; false means
  the SEC has not been notified in writing yet, so no delay applies.
* ``product_security_incident``: true when the incident is a severe incident having an impact on
  the security of a product with digital elements (Cyber Resilience Act Art 14(3)); its clocks
  start at ``aware_at``.
* ``client_financial_impact`` (format 2): true when a major ICT-related incident has an impact on
  the financial interests of the financial entity's clients (DORA Art 19(3)); the notice to
  clients is owed only then.

Jurisdiction codes: any ISO 3166-1 country or ISO 3166-2 subdivision (``places``), and the rule
book's own codes (``EU``). A subdivision without rules of its own rolls up to its country.

Format 2 (``"format": "breachclock.facts/2"``) reads every format-1 document the same way and
adds (a format-1 document using one of these is refused, naming the key):

* ``organisation.roles``: ``["controller", "processor"]`` - both roles at once for the whole
  breach (``organisation.role`` still works; both given must agree).
* ``organisation.sectors``: sector tokens (``health``, ``insurance``, ``telecom``...), the same
  open vocabulary as ``subject_to`` (``[a-z0-9_]+(:[a-z0-9_]+)?``); a rule that requires a
  regime matches a sector token too.
* ``data_sets``: the breach split by the role the organisation plays for each set of data::

      [{"name": "staff", "role": "controller", "data": ["name", "ssn"],
        "affected": {"US-CA": 40}},
       {"name": "end users of customers", "role": "processor", "data": ["name", "contact"],
        "affected": {"DE": 9000}, "controller": "Acme Ltd"}]

  ``name`` (unique) and ``role`` are required; ``data`` and ``affected`` default to the
  whole breach's; ``controller`` names whom a processor set's notice goes to. Without top-level
  ``data`` / ``affected`` the whole breach is their union / sum (and ``derived`` says so, so that
  the facts are written back as given). Duties of a role are computed from that role's data sets
  only; duties owed whatever the role (NIS2, SEC...) from the whole breach.
* ``encryption.by_category``: ``{"payment_card": {"encrypted": false},
  "account_credentials": {"encrypted": true, "key_compromised": false}}``. A category not listed
  takes the top-level ``encrypted`` / ``key_compromised`` flags. A rule's encryption safe harbour
  holds only if every category that can make the rule apply is encrypted with a safe key.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from . import places
from .rules import EVENTS, RISK_LEVELS
from .vocabulary import regime_problem

FORMAT = "breachclock.facts/1"
FORMAT_2 = "breachclock.facts/2"
FORMATS = (FORMAT, FORMAT_2)
# Years an event, a notice or a what-if date can plausibly have: far-off years overflow date
# arithmetic (a deadline past year 9999) and are always typing mistakes.
YEARS = (1900, 2200)
# People affected in ONE jurisdiction: more than the most populous country has (about 1.4
# billion) is a typing mistake, and the bound keeps a count within the database's 32-bit column.
MAX_AFFECTED = 2_000_000_000

DATA_CATEGORIES = (
    "name",
    "ssn",
    "national_id",
    "drivers_license",
    "passport",
    "military_id",
    "tax_id",
    "tax_withholding",
    "employee_id",
    "financial_account",
    "payment_card",
    "account_credentials",
    "medical",
    "health_insurance",
    "biometric",
    "genetic",
    "date_of_birth",
    "mothers_maiden_name",
    "vital_record",
    "electronic_signature",
    "contact",
    "location",
    "special_category",
    "children",
    "other",
)
ROLES = ("controller", "processor")
CAUSES = (
    "external_attack",
    "ransomware",
    "insider_misuse",
    "loss_or_theft",
    "misdirected_disclosure",
    "system_failure",
    "other",
)
# Events defaulted from another one, in the order the defaults chain (spec: facts.md).
EVENT_DEFAULTS = (
    ("aware_at", "discovered_at"),
    ("determined_at", "aware_at"),
    ("scope_identified_at", "determined_at"),
)

# Events that are someone's knowledge or judgement about the incident: none can come before
# ``discovered_at``, its first knowledge. (``occurred_at`` and ``ransom_paid_at`` are not knowledge;
# and the legal tests behind aware_at and determined_at differ, so neither must precede the other.)
KNOWLEDGE_EVENTS = (
    "aware_at",
    "determined_at",
    "scope_identified_at",
    "materiality_determined_at",
    "classified_major_at",
    "assessed_notifiable_at",
)

_REGIME_TOKEN = re.compile(r"^[a-z0-9_]+(:[a-z0-9_]+)?$")


class FactsError(ValueError):
    """Invalid facts; ``field`` is a dotted path such as ``events.discovered_at``."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")

    @property
    def errors(self) -> dict[str, list[str]]:
        """Every problem found, by dotted path: ``{path: [message, ...]}``."""
        return {self.field: [self.message]}


class FactsErrors(FactsError):
    """Several invalid facts at once, so a person fixes them all in one go. ``field`` and
    ``message`` are the first problem's (callers that show one keep working)."""

    def __init__(self, errors: dict[str, list[str]]):
        self._errors = errors
        field, messages = next(iter(errors.items()))
        super().__init__(field, messages[0])

    @property
    def errors(self) -> dict[str, list[str]]:
        return self._errors

    def __str__(self) -> str:
        return "; ".join(f"{f}: {m}" for f, ms in self._errors.items() for m in ms)


class Problems:
    """Collects ``FactsError``s from independent checks: ``with problems:`` around each check
    records its error and carries on; ``raise_any()`` raises them all together."""

    def __init__(self):
        self.errors: dict[str, list[str]] = {}

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        if isinstance(exc, FactsError):
            self.add(exc)
            return True
        return False

    def add(self, exc: FactsError) -> None:
        for path, messages in exc.errors.items():
            self.errors.setdefault(path, []).extend(messages)

    def raise_any(self) -> None:
        if not self.errors:
            return
        if len(self.errors) == 1 and len(next(iter(self.errors.values()))) == 1:
            ((field, (message,)),) = self.errors.items()
            raise FactsError(field, message)
        raise FactsErrors(self.errors)


@dataclass(frozen=True)
class Organisation:
    role: str = "controller"  # the first of ``roles`` (format 1 had one role)
    main_establishment: str | None = None
    established_in: tuple[str, ...] = ()
    subject_to: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # every role the organisation plays in this breach
    sectors: tuple[str, ...] = ()

    @property
    def all_roles(self) -> tuple[str, ...]:
        return self.roles or (self.role,)


@dataclass(frozen=True)
class DataSet:
    """A part of the breach for which the organisation plays one role (format 2)."""

    name: str
    role: str
    data: frozenset[str] | None = None  # None: the whole breach's categories
    affected: dict[str, int] | None = None  # None: the whole breach's people
    controller: str = ""  # processor sets: whom the notice goes to


@dataclass(frozen=True)
class Hold:
    """A law-enforcement request that notices wait (``law_enforcement_hold``)."""

    requested_at: datetime
    lifted_at: datetime | None = None
    written: bool = False
    agency: str = ""


@dataclass(frozen=True)
class NationalSecurityDelay:
    """SEC Item 1.05(c): the Attorney General's national-security determination."""

    determined_at: datetime
    ends_at: datetime | None = None
    notified_in_writing: bool = True


@dataclass(frozen=True)
class Facts:
    """Validated incident facts. ``events`` has the spec's defaults applied; ``events_given``
    keeps what was actually stated, so that ``facts_to_dict`` writes the facts back unchanged."""

    events: dict[str, datetime | None]
    events_given: dict[str, datetime | None]
    title: str = ""
    organisation: Organisation = field(default_factory=Organisation)
    data: frozenset[str] = frozenset()
    encrypted: bool = False
    key_compromised: bool = False
    risk_of_harm: str | None = None
    cause: str | None = None
    affected: dict[str, int] = field(default_factory=dict)
    rules_as_of: date | None = None
    notices_sent: dict[str, datetime] = field(default_factory=dict)
    systems: tuple[str, ...] = ()
    customers: tuple[str, ...] = ()
    format: str = FORMAT
    data_sets: tuple[DataSet, ...] = ()
    # category -> (encrypted, key_compromised); a category not listed takes the flags above
    encryption_by_category: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    derived: frozenset[str] = frozenset()  # "data" / "affected" computed from the data sets
    law_enforcement_hold: Hold | None = None
    national_security_delay: NationalSecurityDelay | None = None
    product_security_incident: bool = False
    # None: not said - a rule needing it still applies (the conservative reading), saying so.
    client_financial_impact: bool | None = None

    @property
    def total_affected(self) -> int:
        return sum(self.affected.values())

    def protection(self, category: str) -> tuple[bool, bool]:
        """(encrypted, key_compromised) of one data category."""
        found = self.encryption_by_category.get(category)
        return found if found is not None else (self.encrypted, self.key_compromised)


def parse_time(value: Any, path: str) -> datetime:
    """An ISO 8601 timestamp with an offset (or ``Z``) -> aware datetime."""
    if not isinstance(value, str):
        raise FactsError(path, "must be an ISO 8601 timestamp string with a UTC offset")
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise FactsError(
            path, f"{value!r} is not an ISO 8601 timestamp (e.g. 2026-03-27T17:00:00+01:00)"
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise FactsError(
            path,
            f"{value!r} has no UTC offset; add one (e.g. +01:00 or Z) so the deadline does not "
            "depend on the server's time zone",
        )
    if not YEARS[0] <= parsed.year <= YEARS[1]:
        # Far-off years overflow date arithmetic (a deadline past year 9999) in the engine.
        raise FactsError(path, f"{value!r} is out of range ({YEARS[0]}-{YEARS[1]})")
    return parsed


def _check_jurisdiction(code: Any, path: str, known: frozenset[str] | None) -> str:
    if not isinstance(code, str) or not code:
        raise FactsError(path, "must be a jurisdiction code such as DE or US-CA")
    if known is not None and code in known:
        return code  # the rule book's own codes (EU and the like) are always good
    # Every ISO 3166-1 country and ISO 3166-2 subdivision is a place people live, whether or not
    # the rule book has rules of its own for it: one without rolls up to its country.
    why_not = places.problem(code)
    if why_not:
        raise FactsError(path, why_not)
    return code


def check_jurisdiction(code: Any, path: str, known_jurisdictions=None) -> str:
    """``code`` if it is a jurisdiction code the parser accepts, else ``FactsError`` at ``path``
    (for forms that check every code at once rather than stop at the parser's first error)."""
    known = frozenset(known_jurisdictions) if known_jurisdictions is not None else None
    return _check_jurisdiction(code, path, known)


def _enum(value: Any, allowed: tuple[str, ...], path: str, *, nullable: bool = True):
    if value is None and nullable:
        return None
    if value not in allowed:
        raise FactsError(path, f"must be one of {', '.join(allowed)} (got {value!r})")
    return value


def _str_list(value: Any, path: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise FactsError(path, "must be a list of strings")
    out = []
    problems = Problems()
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            problems.add(FactsError(f"{path}.{i}", "must be a non-empty string"))
        else:
            out.append(item.strip())
    problems.raise_any()
    return tuple(out)


def _mapping(value: Any, path: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FactsError(path, "must be an object")
    return value


_TOP_KEYS = frozenset(
    {
        "format",
        "title",
        "events",
        "organisation",
        "data",
        "encryption",
        "risk_of_harm",
        "cause",
        "affected",
        "rules_as_of",
        "notices_sent",
        "systems",
        "customers",
        "data_sets",
        "law_enforcement_hold",
        "national_security_delay",
        "product_security_incident",
        "client_financial_impact",
    }
)
# Keys only format 2 reads (dotted paths), refused in a format-1 document.
FORMAT_2_KEYS = (
    "data_sets",
    "organisation.roles",
    "organisation.sectors",
    "encryption.by_category",
    "client_financial_impact",
)
_ORG_KEYS = ("role", "main_establishment", "established_in", "subject_to", "roles", "sectors")


def _flag(data: dict, key: str, path: str, default: bool | None = False) -> bool | None:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise FactsError(path, "must be true or false")
    return value


def _hold(value: Any) -> Hold | None:
    if value is None:
        return None
    path = "law_enforcement_hold"
    raw = _mapping(value, path)
    for key in raw:
        if key not in ("requested_at", "lifted_at", "written", "agency"):
            raise FactsError(f"{path}.{key}", "unknown field")
    if raw.get("requested_at") is None:
        raise FactsError(f"{path}.requested_at", "is required: when the agency asked for the hold")
    requested = parse_time(raw["requested_at"], f"{path}.requested_at")
    lifted = raw.get("lifted_at")
    if lifted is not None:
        lifted = parse_time(lifted, f"{path}.lifted_at")
        if lifted < requested:
            raise FactsError(
                f"{path}.lifted_at",
                f"{lifted.isoformat()} is before requested_at ({requested.isoformat()})",
            )
    agency = raw.get("agency") or ""
    if not isinstance(agency, str):
        raise FactsError(f"{path}.agency", "must be a string")
    return Hold(requested, lifted, _flag(raw, "written", f"{path}.written"), agency.strip())


def _national_security(value: Any) -> NationalSecurityDelay | None:
    if value is None:
        return None
    path = "national_security_delay"
    raw = _mapping(value, path)
    for key in raw:
        if key not in ("determined_at", "ends_at", "notified_in_writing"):
            raise FactsError(f"{path}.{key}", "unknown field")
    if raw.get("determined_at") is None:
        raise FactsError(
            f"{path}.determined_at", "is required: when the Attorney General made the determination"
        )
    determined = parse_time(raw["determined_at"], f"{path}.determined_at")
    ends = raw.get("ends_at")
    if ends is not None:
        ends = parse_time(ends, f"{path}.ends_at")
        if ends < determined:
            raise FactsError(
                f"{path}.ends_at",
                f"{ends.isoformat()} is before determined_at ({determined.isoformat()})",
            )
    written = _flag(raw, "notified_in_writing", f"{path}.notified_in_writing", True)
    return NationalSecurityDelay(determined, ends, written)


def parse_facts(data: Any, *, known_jurisdictions=None, known_regimes=None) -> Facts:
    """Validate ``data`` (a decoded JSON object) and return ``Facts``; raise ``FactsError`` (one
    problem) or ``FactsErrors`` (several: every independent problem is found in one pass).

    ``known_jurisdictions``: codes of the rule book, accepted even where ISO 3166 has no such
    code (``EU``). Any other code must be an ISO 3166-1 country or ISO 3166-2 subdivision.
    ``known_regimes``: when given, a ``subject_to`` key outside it is refused with the closest
    known key (a typo would silently drop the obligations of that regime).
    """
    known = frozenset(known_jurisdictions) if known_jurisdictions is not None else None
    if not isinstance(data, dict):
        raise FactsError("(document)", "facts must be a JSON object")
    problems = Problems()
    for key in sorted(set(data) - _TOP_KEYS):
        problems.add(FactsError(key, "unknown field"))
    fmt = data.get("format", FORMAT)
    if fmt not in FORMATS:
        raise FactsError("format", f"must be {FORMAT!r} or {FORMAT_2!r} (got {fmt!r})")
    if fmt == FORMAT:
        with problems:
            _refuse_format_2_keys(data)
    title = data.get("title") or ""
    if not isinstance(title, str):
        problems.add(FactsError("title", "must be a string"))
        title = ""

    events: dict[str, datetime | None] = dict.fromkeys(EVENTS)
    given: dict[str, datetime | None] = {}
    with problems:
        events, given = _events(data.get("events"))

    org_raw: dict = {}
    with problems:
        org_raw = _mapping(data.get("organisation"), "organisation")
    for key in org_raw:
        if key not in _ORG_KEYS:
            problems.add(FactsError(f"organisation.{key}", "unknown field"))
    main = org_raw.get("main_establishment")
    if main is not None:
        with problems:
            main = _check_jurisdiction(main, "organisation.main_establishment", known)
    established: tuple[str, ...] = ()
    with problems:
        established = _str_list(org_raw.get("established_in"), "organisation.established_in")
    for i, code in enumerate(established):
        with problems:
            _check_jurisdiction(code, f"organisation.established_in.{i}", known)
    subject_to: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    with problems:
        subject_to = _tokens(org_raw.get("subject_to"), "organisation.subject_to", known_regimes)
    with problems:
        sectors = _tokens(org_raw.get("sectors"), "organisation.sectors")

    categories: tuple[str, ...] = ()
    with problems:
        categories = _categories(data.get("data"), "data")
    affected_given = data.get("affected")
    affected: dict[str, int] = {}
    with problems:
        affected = _affected(affected_given, "affected", known)
    data_sets: tuple[DataSet, ...] = ()
    with problems:
        data_sets = _data_sets(data.get("data_sets"), known)
    derived: set[str] = set()
    if data_sets:
        if data.get("data") is None:
            derived.add("data")
            categories = tuple(
                c for c in DATA_CATEGORIES if any(c in (s.data or ()) for s in data_sets)
            )
        if affected_given is None:
            derived.add("affected")
            for s in data_sets:
                for code, n in (s.affected or {}).items():
                    affected[code] = min(affected.get(code, 0) + n, MAX_AFFECTED)
        with problems:
            _check_data_sets_within(data_sets, categories, affected)
    roles: tuple[str, ...] = ("controller",)
    with problems:
        roles = _roles(org_raw, data_sets)
    organisation = Organisation(
        roles[0], main, established, subject_to, roles if fmt == FORMAT_2 else (), sectors
    )

    enc: dict = {}
    with problems:
        enc = _mapping(data.get("encryption"), "encryption")
    for key in enc:
        if key not in ("encrypted", "key_compromised", "by_category"):
            problems.add(FactsError(f"encryption.{key}", "unknown field"))
    flags = {"encrypted": False, "key_compromised": False}
    for key in flags:
        with problems:
            flags[key] = _flag(enc, key, f"encryption.{key}")
    by_category: dict[str, tuple[bool, bool]] = {}
    with problems:
        by_category = _by_category(enc.get("by_category"))

    risk = cause = as_of = None
    with problems:
        risk = _enum(data.get("risk_of_harm"), RISK_LEVELS, "risk_of_harm")
    with problems:
        cause = _enum(data.get("cause"), CAUSES, "cause")
    with problems:
        as_of = _rules_as_of(data.get("rules_as_of"))

    notices: dict[str, datetime] = {}
    with problems:
        for code, when in _mapping(data.get("notices_sent"), "notices_sent").items():
            if not isinstance(code, str) or not code:
                raise FactsError("notices_sent", "keys must be rule codes")
            notices[code] = parse_time(when, f"notices_sent.{code}")
    lists: dict[str, tuple[str, ...]] = {"systems": (), "customers": ()}
    for key in lists:
        with problems:
            lists[key] = _str_list(data.get(key), key)
    hold = delay = None
    with problems:
        hold = _hold(data.get("law_enforcement_hold"))
    with problems:
        delay = _national_security(data.get("national_security_delay"))
    product = False
    client_impact = None
    with problems:
        product = _flag(data, "product_security_incident", "product_security_incident")
    with problems:
        client_impact = _flag(
            data, "client_financial_impact", "client_financial_impact", default=None
        )
    problems.raise_any()

    return Facts(
        events=events,
        events_given=given,
        title=title,
        organisation=organisation,
        data=frozenset(categories),
        encrypted=flags["encrypted"],
        key_compromised=flags["key_compromised"],
        risk_of_harm=risk,
        cause=cause,
        affected=affected,
        rules_as_of=as_of,
        notices_sent=notices,
        systems=lists["systems"],
        customers=lists["customers"],
        format=fmt,
        data_sets=data_sets,
        encryption_by_category=by_category,
        derived=frozenset(derived),
        law_enforcement_hold=hold,
        national_security_delay=delay,
        product_security_incident=product,
        client_financial_impact=client_impact,
    )


def _events(value: Any) -> tuple[dict[str, datetime | None], dict[str, datetime | None]]:
    """(events with the spec's defaults, events as given); every bad event is named."""
    problems = Problems()
    raw_events = _mapping(value, "events")
    given: dict[str, datetime | None] = {}
    for key, value in raw_events.items():
        with problems:
            if key not in EVENTS:
                raise FactsError(f"events.{key}", f"unknown event; known: {', '.join(EVENTS)}")
            given[key] = None if value is None else parse_time(value, f"events.{key}")
    if given.get("discovered_at") is None and "events.discovered_at" not in problems.errors:
        problems.add(FactsError("events.discovered_at", "is required"))
    discovered = given.get("discovered_at")
    for name in KNOWLEDGE_EVENTS:
        when = given.get(name)
        if discovered is not None and when is not None and when < discovered:
            problems.add(
                FactsError(
                    f"events.{name}",
                    f"{when.isoformat()} is before discovered_at ({discovered.isoformat()}), the "
                    "first knowledge of the incident; correct one of the two",
                )
            )
    problems.raise_any()
    events = {name: given.get(name) for name in EVENTS}
    for name, source in EVENT_DEFAULTS:
        if events[name] is None:
            events[name] = events[source]
    return events, given


def _rules_as_of(as_of: Any) -> date | None:
    if as_of is None:
        return None
    if not isinstance(as_of, str):
        raise FactsError("rules_as_of", "must be a date YYYY-MM-DD or null")
    try:
        as_of = date.fromisoformat(as_of)
    except ValueError:
        raise FactsError("rules_as_of", f"{as_of!r} is not a date YYYY-MM-DD") from None
    if not YEARS[0] <= as_of.year <= YEARS[1]:
        raise FactsError(
            "rules_as_of", f"{as_of.isoformat()} is out of range ({YEARS[0]}-{YEARS[1]})"
        )
    return as_of


def _refuse_format_2_keys(data: dict) -> None:
    for path in FORMAT_2_KEYS:
        head, _, key = path.partition(".")
        value = data.get(head)
        if (not key and value is not None) or (key and isinstance(value, dict) and key in value):
            raise FactsError(path, f'is a key of {FORMAT_2!r}; say so in "format"')


def _tokens(value: Any, path: str, known_regimes=None) -> tuple[str, ...]:
    tokens = _str_list(value, path)
    problems = Problems()
    for i, token in enumerate(tokens):
        if not _REGIME_TOKEN.match(token):
            problems.add(
                FactsError(
                    f"{path}.{i}",
                    f"{token!r} is not a regime key (lower case, e.g. sec_registrant or "
                    "dora:credit_institution)",
                )
            )
        elif known_regimes is not None:
            why_not = regime_problem(token, known_regimes)
            if why_not:
                problems.add(FactsError(f"{path}.{i}", why_not))
    problems.raise_any()
    return tokens


def _categories(value: Any, path: str) -> tuple[str, ...]:
    categories = _str_list(value, path)
    problems = Problems()
    for i, cat in enumerate(categories):
        if cat not in DATA_CATEGORIES:
            close = difflib.get_close_matches(cat, DATA_CATEGORIES, n=1)
            hint = f"did you mean {close[0]}?" if close else f"known: {', '.join(DATA_CATEGORIES)}"
            problems.add(FactsError(f"{path}.{i}", f"unknown data category {cat!r}; {hint}"))
    problems.raise_any()
    return categories


def _affected(value: Any, path: str, known) -> dict[str, int]:
    affected: dict[str, int] = {}
    problems = Problems()
    for code, count in _mapping(value, path).items():
        where = f"{path}.{code}"
        with problems:
            _check_jurisdiction(code, where, known)
        if isinstance(count, bool) or not isinstance(count, int):
            problems.add(FactsError(where, f"must be a whole number of people (got {count!r})"))
        elif count < 0:
            problems.add(FactsError(where, f"must not be negative (got {count})"))
        elif count > MAX_AFFECTED:
            problems.add(FactsError(where, f"must be at most {MAX_AFFECTED:,} people"))
        else:
            affected[code] = count
    problems.raise_any()
    return affected


def _roles(org_raw: dict, data_sets: tuple[DataSet, ...]) -> tuple[str, ...]:
    """The organisation's roles: ``roles``, else ``role``, else those of the data sets."""
    role = org_raw.get("role")
    if role is not None:
        _enum(role, ROLES, "organisation.role", nullable=False)
    raw = org_raw.get("roles")
    if raw is None:
        set_roles = tuple(r for r in ROLES if any(s.role == r for s in data_sets))
        roles = (role,) if role else set_roles or ("controller",)
    else:
        listed = _str_list(raw, "organisation.roles")
        if not listed:
            raise FactsError("organisation.roles", "must list at least one role")
        for i, item in enumerate(listed):
            _enum(item, ROLES, f"organisation.roles.{i}", nullable=False)
        roles = tuple(r for r in ROLES if r in listed)
        if role is not None and role not in roles:
            raise FactsError(
                "organisation.role",
                f"{role!r} is not among organisation.roles ({', '.join(roles)})",
            )
    for i, s in enumerate(data_sets):
        if s.role not in roles:
            raise FactsError(
                f"data_sets.{i}.role",
                f"{s.role!r} is not among the organisation's roles ({', '.join(roles)})",
            )
    return roles


_DATA_SET_KEYS = ("name", "role", "data", "affected", "controller")


def _data_sets(value: Any, known) -> tuple[DataSet, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise FactsError("data_sets", "must be a list of data sets")
    out: list[DataSet] = []
    names: set[str] = set()
    for i, raw in enumerate(value):
        path = f"data_sets.{i}"
        if not isinstance(raw, dict):
            raise FactsError(path, "must be an object with name, role, data, affected")
        for key in raw:
            if key not in _DATA_SET_KEYS:
                raise FactsError(f"{path}.{key}", "unknown field")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise FactsError(f"{path}.name", 'is required (e.g. "end users of customers")')
        name = name.strip()
        if len(name) > 200:
            raise FactsError(f"{path}.name", "must be at most 200 characters")
        if name in names:
            raise FactsError(f"{path}.name", f"{name!r} names another data set too")
        names.add(name)
        role = _enum(raw.get("role"), ROLES, f"{path}.role", nullable=False)
        data = raw.get("data")
        affected = raw.get("affected")
        controller = raw.get("controller") or ""
        if not isinstance(controller, str) or len(controller) > 200:
            raise FactsError(f"{path}.controller", "must be a name of at most 200 characters")
        if controller and role != "processor":
            raise FactsError(f"{path}.controller", "only a processor's data set has a controller")
        out.append(
            DataSet(
                name,
                role,
                None if data is None else frozenset(_categories(data, f"{path}.data")),
                None if affected is None else _affected(affected, f"{path}.affected", known),
                controller.strip(),
            )
        )
    return tuple(out)


def _check_data_sets_within(data_sets, categories, affected) -> None:
    """A data set is part of the breach: its categories and places are the breach's too."""
    whole = set(categories)
    for i, s in enumerate(data_sets):
        for cat in sorted(s.data or (), key=DATA_CATEGORIES.index):
            if cat not in whole:
                raise FactsError(
                    f"data_sets.{i}.data",
                    f"{cat!r} is not among the breach's data categories (data); add it there",
                )
        for code, n in (s.affected or {}).items():
            if n > affected.get(code, 0):
                raise FactsError(
                    f"data_sets.{i}.affected.{code}",
                    f"{n:,} people, more than the breach's {affected.get(code, 0):,} there "
                    "(affected)",
                )


def _by_category(value: Any) -> dict[str, tuple[bool, bool]]:
    out: dict[str, tuple[bool, bool]] = {}
    for cat, raw in _mapping(value, "encryption.by_category").items():
        path = f"encryption.by_category.{cat}"
        if cat not in DATA_CATEGORIES:
            raise FactsError(path, f"unknown data category {cat!r}")
        if not isinstance(raw, dict):
            raise FactsError(path, 'must be an object such as {"encrypted": true}')
        for key in raw:
            if key not in ("encrypted", "key_compromised"):
                raise FactsError(f"{path}.{key}", "unknown field")
        encrypted = _flag(raw, "encrypted", f"{path}.encrypted")
        compromised = _flag(raw, "key_compromised", f"{path}.key_compromised")
        if compromised and not encrypted:
            raise FactsError(
                f"{path}.key_compromised", "only encrypted data can have its key compromised"
            )
        out[cat] = (encrypted, compromised)
    return out


def facts_to_dict(facts: Facts) -> dict:
    """The JSON form of ``facts``, as stated (defaulted events and derived totals are not written
    out), in the format it was given in."""
    org = facts.organisation
    v2 = facts.format == FORMAT_2
    organisation = {
        "role": org.role,
        "main_establishment": org.main_establishment,
        "established_in": list(org.established_in),
        "subject_to": list(org.subject_to),
    }
    encryption: dict[str, Any] = {
        "encrypted": facts.encrypted,
        "key_compromised": facts.key_compromised,
    }
    if v2:
        del organisation["role"]
        organisation["roles"] = list(org.all_roles)
        organisation["sectors"] = list(org.sectors)
        if facts.encryption_by_category:
            encryption["by_category"] = {
                cat: {"encrypted": enc, "key_compromised": lost}
                for cat, (enc, lost) in facts.encryption_by_category.items()
            }
    out = {
        "format": facts.format,
        "title": facts.title,
        "events": {
            name: (when.isoformat() if when else None) for name, when in facts.events_given.items()
        },
        "organisation": organisation,
        "data": sorted(facts.data, key=DATA_CATEGORIES.index),
        "encryption": encryption,
        "risk_of_harm": facts.risk_of_harm,
        "cause": facts.cause,
        "affected": dict(facts.affected),
        "rules_as_of": facts.rules_as_of.isoformat() if facts.rules_as_of else None,
    }
    if facts.data_sets:
        out["data_sets"] = [data_set_to_dict(s) for s in facts.data_sets]
    for key in facts.derived:
        del out[key]
    if facts.notices_sent:
        out["notices_sent"] = {k: v.isoformat() for k, v in facts.notices_sent.items()}
    if facts.systems:
        out["systems"] = list(facts.systems)
    if facts.customers:
        out["customers"] = list(facts.customers)
    hold = facts.law_enforcement_hold
    if hold is not None:
        out["law_enforcement_hold"] = {
            "requested_at": hold.requested_at.isoformat(),
            "lifted_at": hold.lifted_at.isoformat() if hold.lifted_at else None,
            "written": hold.written,
            "agency": hold.agency,
        }
    delay = facts.national_security_delay
    if delay is not None:
        out["national_security_delay"] = {
            "determined_at": delay.determined_at.isoformat(),
            "ends_at": delay.ends_at.isoformat() if delay.ends_at else None,
            "notified_in_writing": delay.notified_in_writing,
        }
    if facts.product_security_incident:
        out["product_security_incident"] = True
    if facts.client_financial_impact is not None:
        out["client_financial_impact"] = facts.client_financial_impact
    return out


def data_set_to_dict(data_set: DataSet) -> dict:
    out: dict[str, Any] = {"name": data_set.name, "role": data_set.role}
    if data_set.data is not None:
        out["data"] = sorted(data_set.data, key=DATA_CATEGORIES.index)
    if data_set.affected is not None:
        out["affected"] = dict(data_set.affected)
    if data_set.controller:
        out["controller"] = data_set.controller
    return out
