"""Parse and validate incident facts (``breachclock.facts/1``). No Django import.

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from . import places
from .rules import EVENTS, RISK_LEVELS

FORMAT = "breachclock.facts/1"
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
    "tax_id",
    "financial_account",
    "payment_card",
    "account_credentials",
    "medical",
    "health_insurance",
    "biometric",
    "genetic",
    "date_of_birth",
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


@dataclass(frozen=True)
class Organisation:
    role: str = "controller"
    main_establishment: str | None = None
    established_in: tuple[str, ...] = ()
    subject_to: tuple[str, ...] = ()


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
    law_enforcement_hold: Hold | None = None
    national_security_delay: NationalSecurityDelay | None = None
    product_security_incident: bool = False

    @property
    def total_affected(self) -> int:
        return sum(self.affected.values())


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
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise FactsError(f"{path}.{i}", "must be a non-empty string")
        out.append(item.strip())
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
        "law_enforcement_hold",
        "national_security_delay",
        "product_security_incident",
    }
)


def _flag(data: dict, key: str, path: str, default: bool = False) -> bool:
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


def parse_facts(data: Any, *, known_jurisdictions=None) -> Facts:
    """Validate ``data`` (a decoded JSON object) and return ``Facts``; raise ``FactsError``.

    ``known_jurisdictions``: codes of the rule book, accepted even where ISO 3166 has no such
    code (``EU``). Any other code must be an ISO 3166-1 country or ISO 3166-2 subdivision.
    """
    known = frozenset(known_jurisdictions) if known_jurisdictions is not None else None
    if not isinstance(data, dict):
        raise FactsError("(document)", "facts must be a JSON object")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise FactsError(unknown[0], "unknown field")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise FactsError("format", f"must be {FORMAT!r} (got {fmt!r})")
    title = data.get("title") or ""
    if not isinstance(title, str):
        raise FactsError("title", "must be a string")

    raw_events = _mapping(data.get("events"), "events")
    given: dict[str, datetime | None] = {}
    for key, value in raw_events.items():
        if key not in EVENTS:
            raise FactsError(f"events.{key}", f"unknown event; known: {', '.join(EVENTS)}")
        given[key] = None if value is None else parse_time(value, f"events.{key}")
    if given.get("discovered_at") is None:
        raise FactsError("events.discovered_at", "is required")
    discovered = given["discovered_at"]
    for name in KNOWLEDGE_EVENTS:
        when = given.get(name)
        if when is not None and when < discovered:
            raise FactsError(
                f"events.{name}",
                f"{when.isoformat()} is before discovered_at ({discovered.isoformat()}), the "
                "first knowledge of the incident; correct one of the two",
            )
    events = {name: given.get(name) for name in EVENTS}
    for name, source in EVENT_DEFAULTS:
        if events[name] is None:
            events[name] = events[source]

    org_raw = _mapping(data.get("organisation"), "organisation")
    for key in org_raw:
        if key not in ("role", "main_establishment", "established_in", "subject_to"):
            raise FactsError(f"organisation.{key}", "unknown field")
    role = _enum(org_raw.get("role", "controller"), ROLES, "organisation.role", nullable=False)
    main = org_raw.get("main_establishment")
    if main is not None:
        main = _check_jurisdiction(main, "organisation.main_establishment", known)
    established = _str_list(org_raw.get("established_in"), "organisation.established_in")
    for i, code in enumerate(established):
        _check_jurisdiction(code, f"organisation.established_in.{i}", known)
    subject_to = _str_list(org_raw.get("subject_to"), "organisation.subject_to")
    for i, token in enumerate(subject_to):
        if not _REGIME_TOKEN.match(token):
            raise FactsError(
                f"organisation.subject_to.{i}",
                f"{token!r} is not a regime key (lower case, e.g. sec_registrant or "
                "dora:credit_institution)",
            )
    organisation = Organisation(role, main, established, subject_to)

    categories = _str_list(data.get("data"), "data")
    for i, cat in enumerate(categories):
        if cat not in DATA_CATEGORIES:
            raise FactsError(
                f"data.{i}", f"unknown data category {cat!r}; known: {', '.join(DATA_CATEGORIES)}"
            )

    enc = _mapping(data.get("encryption"), "encryption")
    for key in enc:
        if key not in ("encrypted", "key_compromised"):
            raise FactsError(f"encryption.{key}", "unknown field")
    flags = {}
    for key in ("encrypted", "key_compromised"):
        value = enc.get(key, False)
        if value is None:
            value = False
        if not isinstance(value, bool):
            raise FactsError(f"encryption.{key}", "must be true or false")
        flags[key] = value

    risk = _enum(data.get("risk_of_harm"), RISK_LEVELS, "risk_of_harm")
    cause = _enum(data.get("cause"), CAUSES, "cause")

    affected: dict[str, int] = {}
    for code, count in _mapping(data.get("affected"), "affected").items():
        path = f"affected.{code}"
        _check_jurisdiction(code, path, known)
        if isinstance(count, bool) or not isinstance(count, int):
            raise FactsError(path, f"must be a whole number of people (got {count!r})")
        if count < 0:
            raise FactsError(path, f"must not be negative (got {count})")
        if count > MAX_AFFECTED:
            raise FactsError(path, f"must be at most {MAX_AFFECTED:,} people")
        affected[code] = count

    as_of = data.get("rules_as_of")
    if as_of is not None:
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

    notices: dict[str, datetime] = {}
    for code, when in _mapping(data.get("notices_sent"), "notices_sent").items():
        if not isinstance(code, str) or not code:
            raise FactsError("notices_sent", "keys must be rule codes")
        notices[code] = parse_time(when, f"notices_sent.{code}")

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
        systems=_str_list(data.get("systems"), "systems"),
        customers=_str_list(data.get("customers"), "customers"),
        law_enforcement_hold=_hold(data.get("law_enforcement_hold")),
        national_security_delay=_national_security(data.get("national_security_delay")),
        product_security_incident=_flag(
            data, "product_security_incident", "product_security_incident"
        ),
    )


def facts_to_dict(facts: Facts) -> dict:
    """The JSON form of ``facts``, as stated (defaulted events are not written out)."""
    org = facts.organisation
    out = {
        "format": FORMAT,
        "title": facts.title,
        "events": {
            name: (when.isoformat() if when else None) for name, when in facts.events_given.items()
        },
        "organisation": {
            "role": org.role,
            "main_establishment": org.main_establishment,
            "established_in": list(org.established_in),
            "subject_to": list(org.subject_to),
        },
        "data": sorted(facts.data, key=DATA_CATEGORIES.index),
        "encryption": {"encrypted": facts.encrypted, "key_compromised": facts.key_compromised},
        "risk_of_harm": facts.risk_of_harm,
        "cause": facts.cause,
        "affected": dict(facts.affected),
        "rules_as_of": facts.rules_as_of.isoformat() if facts.rules_as_of else None,
    }
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
    return out
