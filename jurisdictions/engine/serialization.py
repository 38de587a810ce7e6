"""Rules and jurisdictions to and from plain mappings (JSON/YAML-safe), with full validation.

The shipped rule book file, ``export_rules`` / ``import_rules`` and the database loader all go
through these functions, so a rule that one of them accepts the engine can evaluate. Errors name
the rule and the field: ``rule US-CA-AG, field deadline_unit: must be one of hours, ...``.

Rule book file format (YAML or JSON)::

    format: breachclock.rulebook/1
    version: "2026-11-27"
    jurisdictions: [<jurisdiction_to_dict form>, ...]
    rules: [<rule_to_dict form>, ...]

Several versions of one rule code may coexist (different ``version``, non-overlapping
``effective_from`` / ``effective_to`` ranges).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .facts import CAUSES, DATA_CATEGORIES
from .notice_content import PROFILES_FORMAT, NoticeContentError, check_notice_content
from .rules import (
    AFTER_LIFT_MODES,
    ANCHORS,
    CONFIDENCE,
    DISPLACEMENT_BASES,
    EVENT_PREFIX,
    EVENTS,
    FACT_FLAGS,
    NOTICE_PREFIX,
    RECIPIENTS,
    RISK_LEVELS,
    SCOPES,
    STATUSES,
    UNITS,
    AfterLift,
    Authority,
    Delay,
    Displacement,
    Jurisdiction,
    Limit,
    Rule,
    Threshold,
)

FORMAT = "breachclock.rulebook/1"
# Files kept beside the rule book that are not rules: notice-content profiles, contract templates.
SIDE_FORMATS = (PROFILES_FORMAT, "breachclock.contract-templates/1")
ESTABLISHMENT_CALENDAR = "establishment"
# Optional rule fields that may also be carried inside ``extra`` (see rule_from_dict).
EXTRA_CARRIED = (
    "relief_not_for",
    "causes_any",
    "deadline_anchor",
    "applies_with",
    "max_risk",
    "not_after_notice",
)
# Fields that have their own column; a store without it keeps them in ``extra`` (moved out on read).
CARRIED_OUT = ("displaces", "delay", "requires_facts", "authorities", "notice_content")
# An authorities key: a country ("DE"), a subdivision ("DE-BE"), either with "#label" for an entry
# that applies only to organisations subject to one of its subject_to tokens ("DE#ssm").
_AUTHORITY_KEY = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?(#[a-z0-9_]+)?$")
_AUTHORITY_FIELDS = {f.name for f in dataclasses.fields(Authority)}
ROLES = ("controller", "processor")
KINDS = ("statute", "contract")
DEADLINE_KINDS = ("before",)
RELIEFS = ("next_business_day_noon",)
THRESHOLD_OPS = (">", ">=", "<")
COUNTED = ("jurisdiction", "total", "per_subdivision")
REQUIRED_RULE_FIELDS = (
    "code",
    "jurisdiction",
    "regime",
    "regime_code",
    "recipient",
    "authority",
    "citation",
    "clock_start",
    "timing_standard",
)
_CUTOFF = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_RULE_FIELDS = {f.name: f for f in dataclasses.fields(Rule)}
_JUR_FIELDS = {f.name: f for f in dataclasses.fields(Jurisdiction)}


class RulebookError(ValueError):
    """A rule or jurisdiction that cannot be evaluated, naming which one and which field."""

    def __init__(self, rule_code: str | None, field: str | None, message: str):
        self.rule_code = rule_code
        self.field = field
        self.message = message
        where = []
        if rule_code:
            where.append(
                rule_code
                if rule_code.startswith(("rule ", "jurisdiction "))
                else f"rule {rule_code}"
            )
        if field:
            where.append(f"field {field}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


@dataclass(frozen=True)
class RulebookData:
    version: str
    jurisdictions: tuple[Jurisdiction, ...]
    rules: tuple[Rule, ...]


# --------------------------------------------------------------------------- to dict


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Threshold | Limit | Displacement | Delay | AfterLift):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Authority):
        # Fields at their defaults are left out: entries stay short in the rule book file.
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name == "name" or getattr(value, f.name) != _default_of(f)
        }
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _default_of(f: dataclasses.Field) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _to_dict(obj: Any, fields: dict, compact: bool) -> dict:
    out = {}
    for name, f in fields.items():
        value = getattr(obj, name)
        if compact and value == _default_of(f):
            continue
        out[name] = _plain(value)
    return out


def rule_to_dict(rule: Rule, *, compact: bool = False) -> dict:
    """Every field of ``rule`` as JSON-safe values; ``compact`` leaves out fields at default."""
    return _to_dict(rule, _RULE_FIELDS, compact)


def jurisdiction_to_dict(jurisdiction: Jurisdiction, *, compact: bool = False) -> dict:
    return _to_dict(jurisdiction, _JUR_FIELDS, compact)


def rulebook_to_dict(data: RulebookData, *, compact: bool = True) -> dict:
    return {
        "format": FORMAT,
        "version": data.version,
        "jurisdictions": [jurisdiction_to_dict(j, compact=compact) for j in data.jurisdictions],
        "rules": [rule_to_dict(r, compact=compact) for r in data.rules],
    }


# --------------------------------------------------------------------------- from dict


@cache
def valid_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return False
    return True


def _one_of(code, name, value, allowed, nullable=False):
    if value is None and nullable:
        return None
    if value not in allowed:
        raise RulebookError(code, name, f"must be one of {', '.join(allowed)} (got {value!r})")
    return value


def _string(code, name, value, *, nullable=False, empty_ok=False):
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise RulebookError(code, name, "must be a string" + (" or null" if nullable else ""))
    if not value.strip() and not empty_ok:
        raise RulebookError(code, name, "must not be empty")
    return value


def _date(code, name, value):
    if value is None:
        return None
    if isinstance(value, date):  # YAML may already give a date
        return value
    if not isinstance(value, str):
        raise RulebookError(code, name, f"must be a date YYYY-MM-DD (got {value!r})")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RulebookError(code, name, f"{value!r} is not a date YYYY-MM-DD") from None


def _positive_int(code, name, value, *, zero_ok=False):
    if isinstance(value, bool) or not isinstance(value, int) or value < (0 if zero_ok else 1):
        kind = "a whole number >= 0" if zero_ok else "a whole number >= 1"
        raise RulebookError(code, name, f"must be {kind} (got {value!r})")
    return value


def _str_tuple(code, name, value):
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise RulebookError(code, name, "must be a list of strings")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise RulebookError(code, name, f"must be a list of non-empty strings (got {item!r})")
    return tuple(value)


def _event(code, name, value, *, notice_ok):
    if isinstance(value, str) and value.startswith(NOTICE_PREFIX) and notice_ok:
        if not value[len(NOTICE_PREFIX) :].strip():
            raise RulebookError(code, name, "notice: must name a rule code, e.g. notice:US-CA-IND")
        return value
    allowed = EVENTS + (("notice:<RULE-CODE>",) if notice_ok else ())
    return _one_of(code, name, value, allowed)


def check_condition(code: str, value: Any, path: str = "data_condition") -> Any:
    """Validate a data-condition tree; return it with lists (YAML/JSON form)."""
    if value is None or value == "*":
        return value
    if isinstance(value, str):
        if value not in DATA_CATEGORIES:
            raise RulebookError(
                code,
                path,
                f"unknown data category {value!r}; known: * , {', '.join(DATA_CATEGORIES)}",
            )
        return value
    if isinstance(value, dict) and len(value) == 1:
        ((op, items),) = value.items()
        if op not in ("any", "all"):
            raise RulebookError(code, path, f"operator must be any or all (got {op!r})")
        if not isinstance(items, list | tuple) or not items:
            raise RulebookError(code, f"{path}.{op}", "must be a non-empty list of conditions")
        return {op: [check_condition(code, c, f"{path}.{op}.{i}") for i, c in enumerate(items)]}
    raise RulebookError(code, path, 'must be "*", a data category, or {any: [...]} / {all: [...]}')


def _threshold(code, value):
    if value is None:
        return None
    if isinstance(value, Threshold):
        value = _plain(value)
    if not isinstance(value, dict):
        raise RulebookError(code, "threshold", "must be a map {op, value, counted}")
    extra = set(value) - {"op", "value", "counted"}
    if extra:
        raise RulebookError(code, f"threshold.{sorted(extra)[0]}", "unknown field")
    if "counted" not in value or value["counted"] is None:
        raise RulebookError(
            code, "threshold.counted", "is required: say who is counted (jurisdiction or total)"
        )
    return Threshold(
        op=_one_of(code, "threshold.op", value.get("op"), THRESHOLD_OPS),
        value=_positive_int(code, "threshold.value", value.get("value"), zero_ok=True),
        counted=_one_of(code, "threshold.counted", value["counted"], COUNTED),
    )


def _limit(code, value):
    if value is None:
        return None
    if isinstance(value, Limit):
        value = _plain(value)
    if not isinstance(value, dict):
        raise RulebookError(code, "also_not_later_than", "must be a map {event, amount, unit}")
    extra = set(value) - {"event", "amount", "unit"}
    if extra:
        raise RulebookError(code, f"also_not_later_than.{sorted(extra)[0]}", "unknown field")
    return Limit(
        event=_event(code, "also_not_later_than.event", value.get("event"), notice_ok=True),
        amount=_positive_int(code, "also_not_later_than.amount", value.get("amount")),
        unit=_one_of(code, "also_not_later_than.unit", value.get("unit"), UNITS),
    )


def _authorities(code, value) -> dict[str, Authority]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RulebookError(code, "authorities", "must be a map {member state code: entry}")
    out = {}
    for key in sorted(value):
        entry = value[key]
        path = f"authorities.{key}"
        if not isinstance(key, str) or not _AUTHORITY_KEY.match(key):
            raise RulebookError(
                code, path, "key must be a country or subdivision code, e.g. DE, DE-BE or DE#ssm"
            )
        if isinstance(entry, Authority):
            entry = _plain(entry)
        if not isinstance(entry, dict):
            raise RulebookError(code, path, "must be a map {name, contact, citation, ...}")
        for name in entry:
            if name not in _AUTHORITY_FIELDS:
                raise RulebookError(code, f"{path}.{name}", "unknown field")
        subject_to = _str_tuple(code, f"{path}.subject_to", entry.get("subject_to"))
        if ("#" in key) != bool(subject_to):
            raise RulebookError(
                code,
                f"{path}.subject_to",
                "an XX#label entry needs subject_to tokens, and only such an entry may have them",
            )
        for name in ("name", "contact"):
            if len(entry.get(name) or "") > 200:
                raise RulebookError(code, f"{path}.{name}", "must be at most 200 characters")
        out[key] = Authority(
            name=_string(code, f"{path}.name", entry.get("name")),
            contact=_string(code, f"{path}.contact", entry.get("contact") or "", empty_ok=True),
            citation=_string(code, f"{path}.citation", entry.get("citation") or "", empty_ok=True),
            status=_one_of(code, f"{path}.status", entry.get("status", "in_force"), STATUSES),
            effective_from=_date(code, f"{path}.effective_from", entry.get("effective_from")),
            sources=_str_tuple(code, f"{path}.sources", entry.get("sources")),
            note=_string(code, f"{path}.note", entry.get("note") or "", empty_ok=True),
            subject_to=subject_to,
        )
    return out


def _bool(code, name, value, default):
    if value is None:
        return default
    if not isinstance(value, bool):
        raise RulebookError(code, name, "must be true or false")
    return value


def _map(code, name, value, allowed: tuple[str, ...], shape: str) -> dict:
    if not isinstance(value, dict):
        raise RulebookError(code, name, f"must be a map {shape}")
    extra = sorted(set(value) - set(allowed))
    if extra:
        raise RulebookError(
            code, f"{name}.{extra[0]}", f"unknown field; known: {', '.join(allowed)}"
        )
    return value


def _displaces(code, value) -> tuple[Displacement, ...]:
    """``displaces``: a list of {rules, basis, citation, recipients?, when_subject_to?,
    requires_applies?, note?}; each names the rules it displaces and the clause that says so."""
    if value in (None, [], ()):
        return ()
    if not isinstance(value, list | tuple):
        raise RulebookError(code, "displaces", "must be a list of displacements")
    out = []
    for i, item in enumerate(value):
        path = f"displaces.{i}"
        if isinstance(item, Displacement):
            item = _plain(item)
        d = _map(
            code,
            path,
            item,
            (
                "rules",
                "basis",
                "citation",
                "recipients",
                "when_subject_to",
                "requires_applies",
                "note",
            ),
            "{rules, basis, citation, ...}",
        )
        rules = _str_tuple(code, f"{path}.rules", d.get("rules"))
        if not rules:
            raise RulebookError(
                code, f"{path}.rules", "must name at least one rule code (globs allowed: EU-NIS2-*)"
            )
        recipients = _str_tuple(code, f"{path}.recipients", d.get("recipients"))
        for recipient in recipients:
            _one_of(code, f"{path}.recipients", recipient, RECIPIENTS)
        out.append(
            Displacement(
                rules=rules,
                basis=_one_of(code, f"{path}.basis", d.get("basis"), DISPLACEMENT_BASES),
                citation=_string(code, f"{path}.citation", d.get("citation")),
                recipients=recipients,
                when_subject_to=_str_tuple(
                    code, f"{path}.when_subject_to", d.get("when_subject_to")
                ),
                requires_applies=_bool(
                    code, f"{path}.requires_applies", d.get("requires_applies"), True
                ),
                note=_string(code, f"{path}.note", d.get("note") or "", empty_ok=True),
            )
        )
    return tuple(out)


def _after_lift(code, name, value) -> AfterLift | None:
    if value is None:
        return None
    if isinstance(value, AfterLift):
        value = _plain(value)
    d = _map(code, name, value, ("mode", "amount", "unit"), "{mode, amount, unit}")
    mode = _one_of(code, f"{name}.mode", d.get("mode"), AFTER_LIFT_MODES)
    amount, unit = d.get("amount"), d.get("unit")
    if mode == "as_soon_as":
        if amount is not None or unit is not None:
            raise RulebookError(code, f"{name}.amount", "as_soon_as has no fixed period")
        return AfterLift(mode)
    return AfterLift(
        mode,
        _positive_int(code, f"{name}.amount", amount),
        _one_of(code, f"{name}.unit", unit, UNITS),
    )


def _delay(code, value) -> Delay | None:
    """``delay``: the delay the law allows; absent means none."""
    if value is None:
        return None
    if isinstance(value, Delay):
        value = _plain(value)
    d = _map(
        code,
        "delay",
        value,
        (
            "law_enforcement",
            "written_required",
            "after_lift",
            "national_security",
            "citation",
            "note",
        ),
        "{law_enforcement, written_required, after_lift, national_security, citation, note}",
    )
    delay = Delay(
        citation=_string(code, "delay.citation", d.get("citation")),
        law_enforcement=_bool(code, "delay.law_enforcement", d.get("law_enforcement"), False),
        written_required=_bool(code, "delay.written_required", d.get("written_required"), False),
        after_lift=_after_lift(code, "delay.after_lift", d.get("after_lift")),
        national_security=_after_lift(code, "delay.national_security", d.get("national_security")),
        note=_string(code, "delay.note", d.get("note") or "", empty_ok=True),
    )
    if not delay.law_enforcement and (delay.written_required or delay.after_lift):
        raise RulebookError(
            code,
            "delay.law_enforcement",
            "must be true when written_required or after_lift is given",
        )
    if not delay.law_enforcement and delay.national_security is None:
        raise RulebookError(
            code,
            "delay",
            "allows no delay: set law_enforcement or national_security (or remove it)",
        )
    if delay.national_security is not None and delay.national_security.mode != "fixed_days":
        raise RulebookError(
            code,
            "delay.national_security.mode",
            "must be fixed_days (the longest delay after the original deadline)",
        )
    return delay


def _requires_facts(code, value) -> tuple[str, ...]:
    items = _str_tuple(code, "requires_facts", value)
    for item in items:
        if item.startswith(EVENT_PREFIX):
            _one_of(code, "requires_facts", item[len(EVENT_PREFIX) :], EVENTS)
        elif item not in FACT_FLAGS:
            raise RulebookError(
                code,
                "requires_facts",
                f"{item!r} is not a facts flag ({', '.join(FACT_FLAGS)}) or event:<event name>",
            )
    return items


def rule_from_dict(d: Any) -> Rule:
    """Build a ``Rule`` from its dict form, validating every field on its own.

    Cross-references (jurisdiction known, ``notice:X`` rule exists, holiday calendar available,
    version ranges) are checked by ``load_rulebook_data``.
    """
    if isinstance(d, Rule):
        d = rule_to_dict(d)
    if not isinstance(d, dict):
        raise RulebookError(None, None, f"a rule must be a map (got {type(d).__name__})")
    code = d.get("code")
    if not isinstance(code, str) or not code.strip():
        raise RulebookError("(no code)", "code", "is required")
    for name in d:
        if name not in _RULE_FIELDS:
            raise RulebookError(code, name, "unknown field")
    for name in REQUIRED_RULE_FIELDS:
        if d.get(name) in (None, ""):
            raise RulebookError(code, name, "is required")
        _string(code, name, d[name])

    kw: dict[str, Any] = {name: d[name] for name in REQUIRED_RULE_FIELDS}
    kw["recipient"] = _one_of(code, "recipient", d["recipient"], RECIPIENTS)
    kw["clock_start"] = _event(code, "clock_start", d["clock_start"], notice_ok=True)
    kw["version"] = _positive_int(code, "version", d.get("version", 1))
    kw["stage"] = _string(code, "stage", d.get("stage"), nullable=True)
    kw["obligated_role"] = _one_of(
        code, "obligated_role", d.get("obligated_role"), ROLES, nullable=True
    )
    kw["scope"] = _one_of(code, "scope", d.get("scope", "residents"), SCOPES)
    kw["requires_subject_to"] = _str_tuple(
        code, "requires_subject_to", d.get("requires_subject_to")
    )
    kw["data_condition"] = check_condition(code, d.get("data_condition", "*"))
    kw["min_risk"] = _one_of(code, "min_risk", d.get("min_risk"), RISK_LEVELS, nullable=True)
    for flag in ("encryption_safe_harbour", "key_compromise_defeats_safe_harbour"):
        value = d.get(flag, _RULE_FIELDS[flag].default)
        if not isinstance(value, bool):
            raise RulebookError(code, flag, "must be true or false")
        kw[flag] = value
    kw["threshold"] = _threshold(code, d.get("threshold"))
    amount = d.get("deadline_amount")
    unit = d.get("deadline_unit")
    if amount is not None:
        kw["deadline_amount"] = _positive_int(code, "deadline_amount", amount)
        kw["deadline_unit"] = _one_of(code, "deadline_unit", unit, UNITS)
    elif unit is not None:
        kw["deadline_unit"] = _one_of(code, "deadline_unit", unit, UNITS)
    cutoff = d.get("deadline_cutoff")
    if cutoff is not None:
        if not isinstance(cutoff, str) or not _CUTOFF.match(cutoff):
            raise RulebookError(
                code, "deadline_cutoff", f"must be HH:MM, e.g. 17:30 (got {cutoff!r})"
            )
        if kw.get("deadline_unit") not in ("calendar_days", "business_days"):
            raise RulebookError(
                code, "deadline_cutoff", "only applies to calendar_days or business_days deadlines"
            )
        kw["deadline_cutoff"] = cutoff
    kw["deadline_kind"] = _one_of(
        code, "deadline_kind", d.get("deadline_kind"), DEADLINE_KINDS, nullable=True
    )
    if kw["deadline_kind"] == "before" and not kw["clock_start"].startswith(NOTICE_PREFIX):
        raise RulebookError(code, "deadline_kind", "before needs a clock_start notice:<RULE-CODE>")
    kw["also_not_later_than"] = _limit(code, d.get("also_not_later_than"))
    kw["non_business_day_relief"] = _one_of(
        code, "non_business_day_relief", d.get("non_business_day_relief"), RELIEFS, nullable=True
    )
    kw["holiday_calendar"] = _string(
        code, "holiday_calendar", d.get("holiday_calendar"), nullable=True
    )
    tz = _string(code, "timezone", d.get("timezone"), nullable=True)
    if tz is not None and not valid_timezone(tz):
        raise RulebookError(code, "timezone", f"unknown time zone {tz!r} (use an IANA name)")
    kw["timezone"] = tz
    kw["sources"] = _str_tuple(code, "sources", d.get("sources"))
    kw["confidence"] = _one_of(code, "confidence", d.get("confidence", "high"), CONFIDENCE)
    kw["status"] = _one_of(code, "status", d.get("status", "in_force"), STATUSES)
    for name in ("effective_from", "effective_to", "last_reviewed"):
        kw[name] = _date(code, name, d.get(name))
    if kw["effective_from"] and kw["effective_to"] and kw["effective_to"] < kw["effective_from"]:
        raise RulebookError(code, "effective_to", "is before effective_from")
    for name in ("notes", "counterparty", "contact"):
        kw[name] = _string(code, name, d.get(name) or "", empty_ok=True)
    kw["kind"] = _one_of(code, "kind", d.get("kind", "statute"), KINDS)
    kw["systems_any"] = _str_tuple(code, "systems_any", d.get("systems_any"))
    kw["customers_any"] = _str_tuple(code, "customers_any", d.get("customers_any"))
    extra = d.get("extra") or {}
    if not isinstance(extra, dict):
        raise RulebookError(code, "extra", "must be a map")
    # Newer optional fields may travel in ``extra`` (a store that has no column for them keeps
    # them there); the top-level value wins when both are present.
    for name in EXTRA_CARRIED:
        if not d.get(name) and extra.get(name):
            d = {**d, name: extra[name]}
    kw["relief_not_for"] = _str_tuple(code, "relief_not_for", d.get("relief_not_for"))
    kw["causes_any"] = _str_tuple(code, "causes_any", d.get("causes_any"))
    kw["max_risk"] = _one_of(code, "max_risk", d.get("max_risk"), RISK_LEVELS, nullable=True)
    if kw["max_risk"] and kw.get("min_risk"):
        if RISK_LEVELS.index(kw["max_risk"]) < RISK_LEVELS.index(kw["min_risk"]):
            raise RulebookError(code, "max_risk", "is below min_risk: the rule could never apply")
    # Fields a store without their column (a migration's older model) carries in ``extra``: they
    # are lifted out, so the rule reads the same wherever it was stored.
    if any(name in extra for name in CARRIED_OUT):
        extra = dict(extra)
        for name in CARRIED_OUT:
            carried = extra.pop(name, None)
            if d.get(name) in (None, [], (), {}) and carried is not None:
                d = {**d, name: carried}
    kw["displaces"] = _displaces(code, d.get("displaces"))
    kw["delay"] = _delay(code, d.get("delay"))
    kw["requires_facts"] = _requires_facts(code, d.get("requires_facts"))
    kw["authorities"] = _authorities(code, d.get("authorities"))
    try:
        kw["notice_content"] = check_notice_content(d.get("notice_content"))
    except NoticeContentError as error:
        raise RulebookError(code, "notice_content", error.message) from None
    kw["applies_with"] = _str_tuple(code, "applies_with", d.get("applies_with"))
    if code in kw["applies_with"]:
        raise RulebookError(code, "applies_with", "a rule cannot be linked to itself")
    kw["not_after_notice"] = _string(
        code, "not_after_notice", d.get("not_after_notice"), nullable=True
    )
    if kw["not_after_notice"] == code:
        raise RulebookError(code, "not_after_notice", "a rule cannot follow its own notice")
    for cause in kw["causes_any"]:
        _one_of(code, "causes_any", cause, CAUSES)
    kw["deadline_anchor"] = _one_of(
        code, "deadline_anchor", d.get("deadline_anchor"), ANCHORS, nullable=True
    )
    if kw["deadline_anchor"] and kw.get("deadline_amount") is None:
        raise RulebookError(code, "deadline_anchor", "needs a deadline_amount to count from it")
    if kw["kind"] == "contract" and not kw["counterparty"].strip():
        raise RulebookError(code, "counterparty", "is required for a contract clause")
    kw["extra"] = extra
    return Rule(**kw)


def _holiday_country_ok(country: str, subdivision: str | None) -> str | None:
    """None when the holidays package knows the calendar, else the problem."""
    import holidays  # imported here: loading the package is slow and only validation needs it

    supported = holidays.list_supported_countries()
    if country not in supported:
        return f"the holidays package has no calendar for country {country!r}"
    if subdivision is not None and subdivision not in supported[country]:
        return f"the holidays package has no subdivision {subdivision!r} of {country}"
    return None


def jurisdiction_from_dict(d: Any) -> Jurisdiction:
    if isinstance(d, Jurisdiction):
        d = jurisdiction_to_dict(d)
    if not isinstance(d, dict):
        raise RulebookError(None, None, "a jurisdiction must be a map")
    code = d.get("code")
    if not isinstance(code, str) or not code.strip():
        raise RulebookError("jurisdiction (no code)", "code", "is required")
    label = f"jurisdiction {code}"
    for name in d:
        if name not in _JUR_FIELDS:
            raise RulebookError(label, name, "unknown field")
    name = _string(label, "name", d.get("name"))
    parent = _string(label, "parent", d.get("parent"), nullable=True)
    tz = _string(label, "timezone", d.get("timezone", "UTC"))
    if not valid_timezone(tz):
        raise RulebookError(label, "timezone", f"unknown time zone {tz!r} (use an IANA name)")
    country = _string(label, "holiday_country", d.get("holiday_country"), nullable=True)
    subdivision = _string(label, "holiday_subdivision", d.get("holiday_subdivision"), nullable=True)
    if subdivision and not country:
        raise RulebookError(label, "holiday_subdivision", "needs a holiday_country")
    if country:
        problem = _holiday_country_ok(country, subdivision)
        if problem:
            field = "holiday_subdivision" if "subdivision" in problem else "holiday_country"
            raise RulebookError(label, field, problem)
    closures = d.get("extra_closures") or ()
    if not isinstance(closures, list | tuple):
        raise RulebookError(label, "extra_closures", "must be a list of dates")
    flags = {}
    for flag in ("eu", "eea"):
        value = d.get(flag, False)
        if not isinstance(value, bool):
            raise RulebookError(label, flag, "must be true or false")
        flags[flag] = value
    return Jurisdiction(
        code=code,
        name=name,
        parent=parent,
        timezone=tz,
        holiday_country=country,
        holiday_subdivision=subdivision,
        extra_closures=tuple(_date(label, "extra_closures", c) for c in closures),
        members=_str_tuple(label, "members", d.get("members")),
        **flags,
    )


# --------------------------------------------------------------------------- whole rule book


def holiday_calendar_available(rule: Rule, jurisdictions: dict[str, Jurisdiction]) -> bool:
    """Whether business days of ``rule`` can be counted (its own calendar or its jurisdiction's)."""
    import holidays

    if rule.holiday_calendar:
        if rule.holiday_calendar == ESTABLISHMENT_CALENDAR:
            return True  # falls back to the TARGET (ECB) calendar when no establishment is known
        if rule.holiday_calendar in holidays.list_supported_financial():
            return True
        other = jurisdictions.get(rule.holiday_calendar)
        return bool(other and other.holiday_country)
    own = jurisdictions.get(rule.jurisdiction)
    return bool(own and own.holiday_country)


def validate_rules(rules, jurisdictions) -> None:
    """Cross-checks over a whole set of rules; raise ``RulebookError`` at the first problem."""
    by_code = {j.code: j for j in jurisdictions}
    for j in jurisdictions:
        if j.parent is not None and j.parent not in by_code:
            raise RulebookError(
                f"jurisdiction {j.code}", "parent", f"unknown jurisdiction {j.parent!r}"
            )
        for member in j.members:
            if member not in by_code:
                raise RulebookError(
                    f"jurisdiction {j.code}", "members", f"unknown jurisdiction {member!r}"
                )
    versions: dict[str, list[Rule]] = {}
    for rule in rules:
        versions.setdefault(rule.code, []).append(rule)
    for rule in rules:
        if rule.jurisdiction not in by_code:
            raise RulebookError(
                rule.code, "jurisdiction", f"unknown jurisdiction {rule.jurisdiction!r}"
            )
        for name, event in (
            ("clock_start", rule.clock_start),
            (
                "also_not_later_than.event",
                rule.also_not_later_than and rule.also_not_later_than.event,
            ),
        ):
            if event and event.startswith(NOTICE_PREFIX):
                target = event[len(NOTICE_PREFIX) :]
                if target not in versions:
                    raise RulebookError(rule.code, name, f"names a missing rule {target!r}")
                if target == rule.code:
                    raise RulebookError(rule.code, name, "a rule cannot start at its own notice")
        for linked in rule.applies_with:
            if linked not in versions:
                raise RulebookError(rule.code, "applies_with", f"names a missing rule {linked!r}")
        if rule.not_after_notice and rule.not_after_notice not in versions:
            raise RulebookError(
                rule.code, "not_after_notice", f"names a missing rule {rule.not_after_notice!r}"
            )
        units = [rule.deadline_unit if rule.deadline_amount is not None else None]
        if rule.also_not_later_than:
            units.append(rule.also_not_later_than.unit)
        needs_calendar = "business_days" in units or rule.non_business_day_relief
        if needs_calendar and not holiday_calendar_available(rule, by_code):
            raise RulebookError(
                rule.code,
                "holiday_calendar",
                f"business days need a holiday calendar: jurisdiction {rule.jurisdiction} has no "
                "holiday_country and the rule names no usable holiday_calendar",
            )
        if rule.holiday_calendar and not holiday_calendar_available(rule, by_code):
            raise RulebookError(
                rule.code,
                "holiday_calendar",
                f"unknown calendar {rule.holiday_calendar!r} (a jurisdiction code with a holiday "
                "country, or a market such as NYSE)",
            )
        for i, displacement in enumerate(rule.displaces):
            for pattern in displacement.rules:
                if not any(fnmatchcase(other, pattern) for other in versions):
                    raise RulebookError(
                        rule.code,
                        f"displaces.{i}.rules",
                        f"{pattern!r} matches no rule code of the rule book",
                    )
        if rule.threshold is not None and rule.threshold.counted not in COUNTED:
            raise RulebookError(
                rule.code, "threshold.counted", f"must be one of {', '.join(COUNTED)}"
            )
    # Detect dependency cycles (a -> notice:b -> notice:a) that could never be computed.
    deps = {code: {r.depends_on for r in vs if r.depends_on} for code, vs in versions.items()}
    state: dict[str, int] = {}

    def visit(code, trail):
        if state.get(code) == 2:
            return
        if state.get(code) == 1:
            raise RulebookError(code, "clock_start", f"circular notices: {' -> '.join(trail)}")
        state[code] = 1
        for dep in deps.get(code, ()):
            visit(dep, [*trail, dep])
        state[code] = 2

    for code in deps:
        visit(code, [code])
    for code, vs in versions.items():
        seen = set()
        for r in vs:
            if r.version in seen:
                raise RulebookError(code, "version", f"version {r.version} appears twice")
            seen.add(r.version)
        ordered = sorted(vs, key=lambda r: r.effective_from or date.min)
        for a, b in zip(ordered, ordered[1:], strict=False):
            a_end = a.effective_to or date.max
            if (b.effective_from or date.min) <= a_end:
                raise RulebookError(
                    code,
                    "effective_from",
                    f"version {b.version} (from {b.effective_from or 'the beginning'}) overlaps "
                    f"version {a.version} (to {a.effective_to or 'open end'}); set effective_to "
                    "on the earlier version",
                )


def load_rulebook_data(mapping: Any) -> RulebookData:
    """Validate a whole rule book mapping (the file form) and return plain objects."""
    if not isinstance(mapping, dict):
        raise RulebookError(None, "(document)", "a rule book must be a map")
    for key in mapping:
        if key not in ("format", "version", "jurisdictions", "rules"):
            raise RulebookError(None, key, "unknown top-level field")
    if mapping.get("format") != FORMAT:
        raise RulebookError(None, "format", f"must be {FORMAT!r} (got {mapping.get('format')!r})")
    version = mapping.get("version")
    if isinstance(version, date):
        version = version.isoformat()
    if not isinstance(version, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", version):
        raise RulebookError(None, "version", f"must be a date string YYYY-MM-DD (got {version!r})")
    _date(None, "version", version)
    raw_j = mapping.get("jurisdictions")
    raw_r = mapping.get("rules")
    if not isinstance(raw_j, list):
        raise RulebookError(None, "jurisdictions", "must be a list")
    if not isinstance(raw_r, list):
        raise RulebookError(None, "rules", "must be a list")
    jurisdictions = tuple(jurisdiction_from_dict(j) for j in raw_j)
    seen = set()
    for j in jurisdictions:
        if j.code in seen:
            raise RulebookError(f"jurisdiction {j.code}", "code", "appears twice")
        seen.add(j.code)
    rules = tuple(rule_from_dict(r) for r in raw_r)
    validate_rules(rules, jurisdictions)
    return RulebookData(version=version, jurisdictions=jurisdictions, rules=rules)


def read_rulebook_file(path) -> RulebookData:
    """Read a YAML or JSON rule book file; a directory means every ``*.yaml`` in it, merged."""
    import yaml

    path = Path(path)
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    merged: dict[str, Any] = {}
    for file in files:
        try:
            with file.open(encoding="utf-8") as handle:
                # JSON is YAML too; the C loader (when built) reads the shipped book ~10x faster.
                doc = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
        except yaml.YAMLError as exc:
            raise RulebookError(None, str(file), f"not valid YAML/JSON: {exc}") from None
        if not isinstance(doc, dict):
            raise RulebookError(None, str(file), "a rule book file must be a map")
        if doc.get("format") in SIDE_FORMATS:
            continue  # profiles and templates beside the rule book are read on their own
        if not merged:
            merged = {
                **doc,
                "jurisdictions": list(doc.get("jurisdictions") or []),
                "rules": list(doc.get("rules") or []),
            }
        else:
            merged["jurisdictions"] += doc.get("jurisdictions") or []
            merged["rules"] += doc.get("rules") or []
    if not merged:
        raise RulebookError(None, str(path), "no rule book file found")
    return load_rulebook_data(merged)


def default_rulebook_path() -> Path:
    """The rule book shipped with the code."""
    return Path(__file__).resolve().parent.parent / "rulebook" / "rulebook.yaml"
