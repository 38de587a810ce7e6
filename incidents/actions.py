"""Every change to a case goes through here.

Each action runs in one transaction, takes the ``acting_user`` who asked for it, and writes its
``Activity`` row(s) - who, when, before, after - in that same transaction. Views, the API, the
admin, management commands and Celery tasks call these functions; nothing else writes the rows.

Bad input raises ``ActionError`` (or the engine's ``FactsError``) naming the field, before anything
is written.
"""

from __future__ import annotations

import contextvars
import csv
import hashlib
import io
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC as _UTC
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from audit.context import current_request_id as audit_request_id
from jurisdictions.engine.facts import (
    FORMAT_2 as FACTS_FORMAT_2,
)
from jurisdictions.engine.facts import (
    MAX_AFFECTED,
    FactsError,
    data_set_to_dict,
    parse_facts,
)
from security.uploads import validate_attachment

from . import holds as hold_facts
from .choices import (
    ACTED_ON,
    DATA_CATEGORIES,
    EVENT_NAMES,
    ActivityKind,
    AttachmentKind,
    IncidentStatus,
    NotificationMethod,
    ObligationStatus,
    Severity,
    TeamRole,
)
from .models import (
    Activity,
    AffectedPopulation,
    Attachment,
    ConflictDecision,
    FeedToken,
    Incident,
    IncidentEvent,
    Note,
    Obligation,
    ReferenceSequence,
    TeamMember,
    as_format_2,
    notices_sent_of,
)

NO_LONGER_APPLIES = "no longer applies: "
logger = logging.getLogger(__name__)

# Set per request by middleware (the audit trail) so every Activity row carries its request id.
current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "breachclock_request_id", default=""
)


class ActionError(ValueError):
    """A change was refused; ``field`` names the input at fault (as the form or API calls it)."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


# --- activity ----------------------------------------------------------------------------------
def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return _iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return value


def _iso_utc(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(_UTC).isoformat().replace("+00:00", "Z")


def log_activity(
    incident: Incident,
    kind: str,
    summary: str,
    *,
    actor=None,
    before: Any = None,
    after: Any = None,
    obligation: Obligation | None = None,
    at: datetime | None = None,
) -> Activity:
    """Append one entry to the case's timeline (in the caller's transaction).

    ``actor`` None means the system (a rule-book update, a scheduled reminder). Other apps log
    through this too (e.g. "reminder sent"); the request id comes from ``current_request_id``.
    """
    activity = Activity.objects.create(
        incident=incident,
        kind=kind,
        summary=summary,
        actor=actor if (actor is not None and actor.is_authenticated) else None,
        before=_jsonable(before),
        after=_jsonable(after),
        obligation=obligation,
        at=at or timezone.now(),
        # The request id comes from the audit trail's middleware when a request is being served.
        request_id=current_request_id.get() or audit_request_id(),
    )
    _activity_written(activity)
    return activity


def _activity_written(activity: Activity) -> None:
    """Hook for the audit trail: called for every Activity row, inside the same transaction.

    The audit app mirrors each change into its append-only log (with request id and address),
    so the change and its audit record commit or roll back together.
    """
    from audit.recording import record_activity

    record_activity(activity)


def _obligations_changed(changed_obligations: list[Obligation]) -> None:
    """Hook for reminders: called once per transaction that created obligations or changed their
    deadline or status, with those rows (already saved).

    The reminders app cancels the unsent reminder rows of old deadline versions and writes new
    ones, inside this same transaction, so a deadline and its reminders can never disagree.
    """
    # Reminders hook (reminders/schedule.py): the one call from cases into the reminder schedule.
    from reminders.schedule import sync_reminders

    sync_reminders(changed_obligations)


# --- helpers -----------------------------------------------------------------------------------
def _require_user(acting_user) -> None:
    if acting_user is None or not acting_user.is_authenticated:
        raise ActionError("acting_user", "a signed-in user must be named for every change")


def _lock(incident: Incident) -> Incident:
    # Row lock: two changes to one case (say a fact edit and a rule-book recompute) run one
    # after the other, so neither computes obligations from facts the other is replacing.
    return Incident.objects.select_for_update().get(pk=incident.pk)


def next_reference(year: int) -> str:
    """INC-<year>-<NNNN>: the year's counter row is locked, so two openings never share a number."""
    seq, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
    seq.last += 1
    # A number already taken (a restored or imported case, a counter reset) is skipped rather
    # than failing the unique constraint with a 500.
    while Incident.objects.filter(reference=f"INC-{year}-{seq.last:04d}").exists():
        seq.last += 1
    seq.save(update_fields=["last"])
    return f"INC-{year}-{seq.last:04d}"


def _evaluate(facts: dict, **kwargs):
    from jurisdictions.services import evaluate_facts

    return evaluate_facts(facts, **kwargs)


def _clean_text(value, field_name: str, *, required: bool, max_length: int | None = None) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ActionError(field_name, "must be text")
    problem = _storable_problem(value)
    if problem:
        raise ActionError(field_name, problem)
    value = value.strip()
    if required and not value:
        raise ActionError(field_name, "is required")
    if max_length and len(value) > max_length:
        raise ActionError(field_name, f"must be at most {max_length} characters")
    return value


def _storable_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored as text (PostgreSQL refuses NUL; UTF-8 refuses lone
    surrogates), or None."""
    if "\x00" in text:
        return "must not contain NUL characters"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains characters that are not valid Unicode text"
    return None


def _check_fact_strings(parsed) -> None:
    """Free-text lists of the facts must be storable text too (names are checked by the parser)."""
    for name in ("systems", "customers"):
        for i, item in enumerate(getattr(parsed, name)):
            problem = _storable_problem(item)
            if problem:
                raise FactsError(f"{name}.{i}", problem)
            if len(item) > 200:
                raise FactsError(f"{name}.{i}", "must be at most 200 characters")


# How far ahead of our clock a recorded time may be (another device's clock may run fast).
CLOCK_SKEW = timedelta(minutes=5)


def _check_not_future(events: dict, now: datetime, *, only: Iterable[str] | None = None) -> None:
    """A real case records what has happened: an event ahead of now is a typing mistake. (The
    engine and what-if allow it - exploring a hypothetical is their point.)"""
    for name, when in events.items():
        if when is None or (only is not None and name not in only):
            continue
        if when > now + CLOCK_SKEW:
            raise FactsError(
                f"events.{name}",
                f"{when.isoformat()} is in the future; record an event once it has happened",
            )


def _check_hold_not_future(key: str, value: dict, now: datetime) -> None:
    """A hold is recorded once it was requested (or lifted), as events are."""
    for path, when in hold_facts.times(key, value).items():
        if when > now + CLOCK_SKEW:
            raise FactsError(path, f"{_iso_utc(when)} is in the future; record it once it happened")


def _choice(value, choices, field_name: str) -> str:
    if value not in choices.values:
        raise ActionError(field_name, f"must be one of: {', '.join(choices.values)}")
    return value


# --- facts <-> model fields --------------------------------------------------------------------
FACT_FIELDS = (
    "organisation_role",
    "main_establishment",
    "established_in",
    "subject_to",
    "data_categories",
    "encrypted",
    "key_compromised",
    "product_security_incident",
    "risk_of_harm",
    "cause",
    "systems",
    "customers",
    "rules_as_of",
)


def _fields_from_facts(parsed) -> dict:
    org = parsed.organisation
    return {
        "organisation_role": org.role,
        "main_establishment": org.main_establishment or "",
        "established_in": list(org.established_in),
        "subject_to": list(org.subject_to),
        "data_categories": sorted(parsed.data, key=DATA_CATEGORIES.index),
        "encrypted": parsed.encrypted,
        "key_compromised": parsed.key_compromised,
        "product_security_incident": parsed.product_security_incident,
        "risk_of_harm": parsed.risk_of_harm or "",
        "cause": parsed.cause or "",
        "systems": list(parsed.systems),
        "customers": list(parsed.customers),
        "rules_as_of": parsed.rules_as_of,
        "facts_format": parsed.format,
        "organisation_roles": list(org.roles),
        "sectors": list(org.sectors),
        "data_sets": [data_set_to_dict(s) for s in parsed.data_sets],
        "encryption_by_category": {
            cat: {"encrypted": enc, "key_compromised": lost}
            for cat, (enc, lost) in parsed.encryption_by_category.items()
        },
        "facts_derived": sorted(parsed.derived),
    }


def _stored_facts(incident: Incident) -> dict:
    """The case's facts as the engine reads them, freshly from the database."""
    incident = Incident.objects.prefetch_related("events", "affected", "obligations").get(
        pk=incident.pk
    )
    return incident.facts_dict()


def _without_engine_only(facts: dict) -> dict:
    out = dict(facts)
    out.pop("notices_sent", None)
    return out


def _merge_facts(current: dict, changes: dict) -> dict:
    """``changes`` over ``current``: events, organisation and encryption merge key by key (an
    event set to null is cleared); every other key is replaced whole."""
    if not isinstance(changes, dict):
        raise FactsError("(document)", "facts changes must be a JSON object")
    merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in current.items()}
    for key, value in changes.items():
        if key in ("events", "organisation", "encryption") and isinstance(value, dict):
            base = dict(merged.get(key) or {})
            if key == "organisation":
                # One way of saying the role replaces the other: roles (format 2) for role.
                if "roles" in value and "role" not in value:
                    base.pop("role", None)
                elif "role" in value and "roles" not in value:
                    base.pop("roles", None)
            merged[key] = {**base, **value}
        elif key in hold_facts.HOLD_KEYS and isinstance(value, dict):
            # A hold merges too: lifting it is {"lifted_at": ...}; null removes it.
            merged[key] = {**(merged.get(key) or {}), **value}
        else:
            merged[key] = value
    return merged


# --- opening a case ----------------------------------------------------------------------------
def _picked_profile(value, acting_user):
    from organisations.actions import may_pick
    from organisations.models import OrganisationProfile

    if not may_pick(acting_user):
        raise ActionError("organisation_profile", "only people who may open cases can pick one")
    if isinstance(value, OrganisationProfile):
        value = value.pk
    if isinstance(value, bool) or not isinstance(value, int):
        raise ActionError("organisation_profile", "must be the id of an organisation profile")
    profile = OrganisationProfile.objects.filter(pk=value, active=True).first()
    if profile is None:
        raise ActionError("organisation_profile", f"no active organisation profile {value}")
    return profile


def _with_profile(facts: dict, profile) -> dict:
    """The profile's organisation facts under the ones the facts state (stated keys win)."""
    stated = facts.get("organisation")
    if stated is not None and not isinstance(stated, dict):
        return facts  # the parser names the error
    stated = dict(stated or {})
    org = profile.organisation_facts()
    if "role" in stated or "roles" in stated:
        org.pop("role", None)
        org.pop("roles", None)
    facts["organisation"] = {**org, **stated}
    if "roles" in facts["organisation"] or "sectors" in facts["organisation"]:
        facts["format"] = FACTS_FORMAT_2  # a format-1 document reads the same as format 2
    return facts


@transaction.atomic
def open_incident(
    facts: dict,
    *,
    acting_user,
    title: str | None = None,
    description: str = "",
    severity: str = Severity.MEDIUM,
    privileged: bool = False,
    risk_rationale: str = "",
    event_basis: dict[str, str] | None = None,
    organisation_profile=None,
) -> Incident:
    """Open a case from facts (``breachclock.facts/1`` or ``/2``); the opener becomes owner and
    team member.

    ``organisation_profile`` (a profile or its id): its organisation facts fill the keys the
    facts do not state, and the case keeps a snapshot of the profile as it is now.
    Obligations are computed in the same transaction. Raises ``FactsError`` / ``ActionError``
    naming the field, with nothing stored.
    """
    _require_user(acting_user)
    if not isinstance(facts, dict):
        raise FactsError("(document)", "facts must be a JSON object")
    facts = dict(facts)
    profile = None
    if organisation_profile is not None:
        profile = _picked_profile(organisation_profile, acting_user)
        facts = _with_profile(facts, profile)
    title = _clean_text(
        title if title is not None else facts.get("title"), "title", required=True, max_length=200
    )
    facts["title"] = title
    facts.pop("notices_sent", None)  # a new case has sent nothing yet
    holds = hold_facts.clean_all(facts)
    parsed = parse_facts(facts)
    _check_fact_strings(parsed)
    _check_not_future(parsed.events_given, timezone.now())
    for key, value in holds.items():
        _check_hold_not_future(key, value, timezone.now())
    _choice(severity, Severity, "severity")
    description = _clean_text(description, "description", required=False)
    risk_rationale = _clean_text(risk_rationale, "risk_rationale", required=False)
    evaluation = _evaluate(facts)  # before any write: a bad fact stores nothing

    now = timezone.now()
    incident = Incident.objects.create(
        reference=next_reference(now.year),
        title=title,
        description=description,
        severity=severity,
        privileged=bool(privileged),
        risk_rationale=risk_rationale,
        owner=acting_user,
        created_by=acting_user,
        created_at=now,
        updated_at=now,
        organisation_profile=profile,
        organisation_snapshot=profile.snapshot() if profile else {},
        holds=holds,
        **_fields_from_facts(parsed),
    )
    basis = event_basis or {}
    IncidentEvent.objects.bulk_create(
        IncidentEvent(
            incident=incident,
            event=name,
            at=at,
            determined_by=acting_user,
            basis=basis.get(name, ""),
            recorded_at=now,
        )
        for name, at in parsed.events_given.items()
        if at is not None
    )
    AffectedPopulation.objects.bulk_create(
        AffectedPopulation(incident=incident, jurisdiction=code, count=count)
        for code, count in parsed.affected.items()
    )
    TeamMember.objects.create(
        incident=incident, user=acting_user, role=TeamRole.OWNER, added_by=acting_user
    )
    log_activity(
        incident,
        ActivityKind.OPENED,
        f"{incident.reference} opened by {acting_user.get_username()}",
        actor=acting_user,
        after={
            "title": title,
            "severity": severity,
            "privileged": bool(privileged),
            "facts": _without_engine_only(incident.facts_dict(notices_sent={})),
            **(
                {"organisation_profile": {"id": profile.pk, "name": profile.name}}
                if profile
                else {}
            ),
        },
    )
    recompute_obligations(
        incident, acting_user=acting_user, reason="incident opened", evaluation=evaluation
    )
    return incident


# --- facts -------------------------------------------------------------------------------------
@transaction.atomic
def update_facts(
    incident: Incident,
    changes: dict,
    *,
    acting_user,
    reason: str = "",
    event_basis: dict[str, str] | None = None,
    activity_kind: str = ActivityKind.FACTS_CHANGED,
    summary: str = "",
) -> RecomputeResult | None:
    """Change some facts (a partial facts document) and recompute the obligations.

    ``affected`` replaces the whole map (``set_affected`` is the per-jurisdiction door). Returns
    the recompute result, or None if nothing changed. ``activity_kind`` / ``summary`` name the
    change in the timeline when a narrower door (``record_hold``) calls this one.
    """
    _require_user(acting_user)
    incident = _lock(incident)
    changes = dict(changes or {})
    if "format" in changes and changes["format"] is None:
        changes.pop("format")
    if "notices_sent" in changes:
        raise FactsError("notices_sent", "is derived from recorded notifications; record one")
    current = _without_engine_only(_stored_facts(incident))
    if "title" in changes:
        changes["title"] = _clean_text(changes["title"], "title", required=True, max_length=200)
    merged = _merge_facts(current, changes)
    holds = hold_facts.clean_all(merged)
    parsed = parse_facts(merged)
    _check_fact_strings(parsed)
    new = _without_engine_only(_canonical(parsed, merged))
    old = current
    # Keys of both: a hold removed is in the old facts only.
    changed_keys = [k for k in dict.fromkeys([*new, *old]) if new.get(k) != old.get(k)]
    if not changed_keys:
        return None
    old_events = old.get("events") or {}
    _check_not_future(
        parsed.events_given,
        timezone.now(),
        # Only what this change sets: an unrelated edit must not fail on an older record.
        only={k for k, v in (new.get("events") or {}).items() if v != old_events.get(k)},
    )
    for key, value in holds.items():
        if value != old.get(key):
            _check_hold_not_future(key, value, timezone.now())

    now = timezone.now()
    for name, value in _fields_from_facts(parsed).items():
        setattr(incident, name, value)
    incident.title = parsed.title or incident.title
    incident.holds = holds
    incident.updated_at = now
    incident.save()

    if "events" in changed_keys:
        _store_events(incident, old["events"], new["events"], acting_user, event_basis or {}, now)
    if "affected" in changed_keys:
        _store_affected(incident, parsed.affected)

    before = {k: old.get(k) for k in changed_keys}
    after = {k: new.get(k) for k in changed_keys}
    log_activity(
        incident,
        activity_kind,
        (summary or f"Facts changed: {', '.join(_describe_keys(before, after))}")
        + (f" ({reason})" if reason else ""),
        actor=acting_user,
        before=before,
        after=after,
    )
    return recompute_obligations(
        incident,
        acting_user=acting_user,
        reason=f"facts changed: {', '.join(_describe_keys(before, after))}",
    )


# --- holds: requests to delay notices -------------------------------------------------------------
@transaction.atomic
def record_hold(
    incident: Incident, key: str, value: dict | None, *, acting_user, reason: str = ""
) -> RecomputeResult | None:
    """Record, change or remove (``value`` None) a request to delay notices - the facts key
    ``law_enforcement_hold`` or ``national_security_delay`` - and recompute the obligations.

    The engine decides which duties the hold holds (their ``due_at`` empties, ``waiting_for``
    names the hold, reminders pause) and which keep running; the timeline gets the hold's before
    and after. Returns None if nothing changed.
    """
    if key not in hold_facts.HOLD_KEYS:
        raise ActionError("key", f"must be one of: {', '.join(hold_facts.HOLD_KEYS)}")
    reason = _clean_text(reason, "reason", required=False, max_length=2000)
    before = Incident.objects.get(pk=incident.pk).holds.get(key)
    cleaned = hold_facts.clean(key, value)
    lifted = _is_lift(key, before, cleaned)
    kind = ActivityKind.HOLD_LIFTED if lifted else ActivityKind.HOLD_RECORDED
    if cleaned is None:
        words = f"{hold_facts.LABELS[key].capitalize()} removed"
    elif lifted:
        words = f"{hold_facts.LABELS[key].capitalize()} lifted: {hold_facts.describe(key, cleaned)}"
    else:
        words = (
            f"{hold_facts.LABELS[key].capitalize()} recorded: {hold_facts.describe(key, cleaned)}"
        )
    # The whole value (not a merge): the form and the API's hold endpoint send all of it.
    return update_facts(
        incident,
        {key: cleaned} if cleaned is not None else {key: None},
        acting_user=acting_user,
        reason=reason,
        activity_kind=kind,
        summary=words,
    )


def _is_lift(key: str, before: dict | None, after: dict | None) -> bool:
    _, end, _ = hold_facts.SHAPES[key]
    return bool(after and after.get(end) and not (before or {}).get(end))


@transaction.atomic
def lift_hold(incident: Incident, key: str, *, lifted_at: datetime, acting_user, reason: str = ""):
    """Record that the hold ended at ``lifted_at``: held duties are re-timed from the lift."""
    current = Incident.objects.get(pk=incident.pk).holds.get(key)
    if current is None:
        raise ActionError("lifted_at", "there is no hold on this case to lift")
    _, end, _ = hold_facts.SHAPES[key]
    if lifted_at is None:
        raise ActionError("lifted_at", "is required")
    return record_hold(
        incident,
        key,
        {**current, end: _iso_utc(lifted_at)},
        acting_user=acting_user,
        reason=reason,
    )


# --- conflicts between rules ---------------------------------------------------------------------
DECISION_MAX_LENGTH = 10_000


@transaction.atomic
def decide_conflict(
    incident: Incident, key: str, *, decision: str, acting_user
) -> ConflictDecision:
    """Counsel's decision on a conflict the latest recompute found (by its stable ``key``): what
    the team will do and why. A later decision on the same key supersedes this one for display;
    both stay in the record."""
    _require_user(acting_user)
    incident = _lock(incident)
    decision = _clean_text(decision, "decision", required=True, max_length=DECISION_MAX_LENGTH)
    conflict = next((c for c in incident.conflicts if c.get("key") == key), None)
    if conflict is None:
        raise ActionError("key", "this conflict does not arise on the case (any more)")
    previous = (
        ConflictDecision.objects.filter(incident=incident, key=key)
        .order_by("decided_at", "id")
        .last()
    )
    now = timezone.now()
    row = ConflictDecision.objects.create(
        incident=incident,
        key=key,
        conflict=conflict,
        decision=decision,
        decided_by=acting_user,
        decided_at=now,
    )
    log_activity(
        incident,
        ActivityKind.CONFLICT_DECIDED,
        f"Decision on {conflict_label(conflict)}: {decision}",
        actor=acting_user,
        before={"decision": previous.decision} if previous else None,
        after={"key": key, "conflict": conflict, "decision": decision},
        at=now,
    )
    incident.updated_at = now
    incident.save(update_fields=["updated_at"])
    return row


CONFLICT_KINDS = {
    "displacement": "one rule displaces another",
    "hold_not_allowed": "a hold that some duties do not allow",
    "hold_not_written": "a hold that needs a written request",
    "content": "what one notice must say and another must not",
    "no_rule": "people where the rule book has no rule",
}


def conflict_label(conflict: dict) -> str:
    kind = conflict.get("kind") or "conflict"
    rules = ", ".join(conflict.get("rules") or [])
    return f"{CONFLICT_KINDS.get(kind, kind.replace('_', ' '))} ({rules})"


def _conflict_key(item: dict) -> str:
    """The engine's stable key, else one made of the kind and the rules (sorted)."""
    if item.get("key"):
        return str(item["key"])
    return f"{item.get('kind') or 'conflict'}:{'+'.join(sorted(map(str, item.get('rules') or [])))}"


def _conflicts_list(evaluation) -> list[dict]:
    """The evaluation's ``conflicts`` as stored on the case: JSON-safe, each with its ``key``,
    in the engine's order, one per key."""
    out, seen = [], set()
    for entry in _attr(evaluation, "conflicts") or []:
        d = dict(_result_dict(entry))
        d["rules"] = [str(r) for r in d.get("rules") or []]
        d["key"] = _conflict_key(d)
        if d["key"] in seen:
            continue
        seen.add(d["key"])
        out.append(d)
    return _jsonable(out)


def _log_conflicts(incident: Incident, old: list[dict], new: list[dict], actor, reason) -> None:
    old_by_key = {c.get("key"): c for c in old}
    new_by_key = {c.get("key"): c for c in new}
    for key, conflict in new_by_key.items():
        if key not in old_by_key:
            log_activity(
                incident,
                ActivityKind.CONFLICT_FOUND,
                f"Conflict: {conflict_label(conflict)}: {conflict.get('why', '')} ({reason})",
                actor=actor,
                after=conflict,
            )
    for key, conflict in old_by_key.items():
        if key not in new_by_key:
            log_activity(
                incident,
                ActivityKind.CONFLICT_GONE,
                f"No longer a conflict: {conflict_label(conflict)} ({reason})",
                actor=actor,
                before=conflict,
            )


def _canonical(parsed, merged: dict) -> dict:
    """Facts in the exact shape ``Incident.facts_dict`` writes, for comparison with the stored."""
    org = parsed.organisation
    out = {
        "format": "breachclock.facts/1",
        "title": parsed.title,
        "events": {name: _iso_utc(parsed.events_given.get(name)) for name in EVENT_NAMES},
        "organisation": {
            "role": org.role,
            "main_establishment": org.main_establishment,
            "established_in": list(org.established_in),
            "subject_to": list(org.subject_to),
        },
        "data": sorted(parsed.data, key=DATA_CATEGORIES.index),
        "encryption": {"encrypted": parsed.encrypted, "key_compromised": parsed.key_compromised},
        "risk_of_harm": parsed.risk_of_harm,
        "cause": parsed.cause,
        "affected": dict(sorted(parsed.affected.items())),
        "systems": list(parsed.systems),
        "customers": list(parsed.customers),
        "rules_as_of": parsed.rules_as_of.isoformat() if parsed.rules_as_of else None,
        **{k: merged[k] for k in sorted(hold_facts.HOLD_KEYS) if merged.get(k) is not None},
        **({"product_security_incident": True} if parsed.product_security_incident else {}),
    }
    if parsed.format != FACTS_FORMAT_2:
        return out
    fields = _fields_from_facts(parsed)
    return as_format_2(
        out,
        roles=org.all_roles,
        sectors=org.sectors,
        data_sets=fields["data_sets"],
        by_category=fields["encryption_by_category"],
        derived=fields["facts_derived"],
    )


def _describe_keys(before: dict, after: dict) -> list[str]:
    out = []
    for key in after:
        if isinstance(after[key], dict) and isinstance(before.get(key), dict):
            subkeys = [
                k for k in after[key] if after[key].get(k) != (before.get(key) or {}).get(k)
            ] + [k for k in (before.get(key) or {}) if k not in after[key]]
            out.extend(f"{key}.{k}" for k in dict.fromkeys(subkeys))
        else:
            out.append(key)
    return out


def _store_events(incident, old: dict, new: dict, acting_user, basis: dict, now) -> None:
    rows = {e.event: e for e in incident.events.all()}
    for name in EVENT_NAMES:
        if old.get(name) == new.get(name):
            continue
        at = new.get(name)
        row = rows.get(name)
        if at is None:
            if row:
                row.delete()
            continue
        when = datetime.fromisoformat(at.replace("Z", "+00:00"))
        if row:
            row.at, row.determined_by, row.recorded_at = when, acting_user, now
            row.basis = basis.get(name, row.basis)
            row.save()
        else:
            IncidentEvent.objects.create(
                incident=incident,
                event=name,
                at=when,
                determined_by=acting_user,
                basis=basis.get(name, ""),
                recorded_at=now,
            )


def _store_affected(incident, counts: dict[str, int]) -> None:
    rows = {a.jurisdiction: a for a in incident.affected.all()}
    for code, row in rows.items():
        if code not in counts:
            row.delete()
    for code, count in counts.items():
        row = rows.get(code)
        if row is None:
            AffectedPopulation.objects.create(incident=incident, jurisdiction=code, count=count)
        elif row.count != count:
            row.count = count
            row.save(update_fields=["count"])


@transaction.atomic
def set_affected(
    incident: Incident, counts: dict, *, acting_user, replace: bool = True, source: str = ""
) -> RecomputeResult | None:
    """Record affected people per jurisdiction (``{"DE": 9000, "US-CA": 600}``) and recompute.

    ``replace=False`` merges into the stored counts (a count of 0 is kept as 0 - "none there").
    """
    _require_user(acting_user)
    if not isinstance(counts, dict):
        raise FactsError("affected", "must be an object of jurisdiction code to count")
    incident = _lock(incident)
    current = {a.jurisdiction: a.count for a in incident.affected.all()}
    new = dict(counts) if replace else {**current, **counts}
    normalised = {}
    for code, count in new.items():
        key = code.strip().upper() if isinstance(code, str) else code
        normalised[key] = count
    result = update_facts(
        incident,
        {"affected": normalised},
        acting_user=acting_user,
        reason=f"affected people from {source}" if source else "",
    )
    return result


class AffectedCSVError(ValueError):
    """A counts file with problems; ``errors`` lists ``(line_number, message)``, all of them."""

    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        self.field = "file"
        super().__init__("; ".join(f"line {n}: {msg}" if n else msg for n, msg in errors))


CSV_MAX_BYTES = 1_000_000
_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


def parse_affected_csv(file) -> dict[str, int]:
    """Read a ``jurisdiction,count`` CSV (header optional; ``;`` or tab also accepted).

    Returns ``{code: count}``; raises ``AffectedCSVError`` listing every bad line, so a person can
    fix the file in one go. Counts may carry thousands separators ("9,000" when quoted, "9 000").
    """
    raw = file.read(CSV_MAX_BYTES + 1) if hasattr(file, "read") else file
    if isinstance(raw, bytes):
        if len(raw) > CSV_MAX_BYTES:
            raise AffectedCSVError([(0, f"the file is larger than {CSV_MAX_BYTES:,} bytes")])
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise AffectedCSVError([(0, "the file is not UTF-8 text")]) from None
    else:
        text = str(raw)
        if len(text) > CSV_MAX_BYTES:
            raise AffectedCSVError([(0, f"the file is larger than {CSV_MAX_BYTES:,} bytes")])
        text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise AffectedCSVError([(0, "the file is not a text file")])
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    counts: dict[str, int] = {}
    first_line: dict[str, int] = {}
    errors: list[tuple[int, str]] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for line_no, row in enumerate(reader, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if len(cells) < 2 or (len(cells) > 2 and any(cells[2:])):
            errors.append((line_no, "expected two columns: jurisdiction code, count"))
            continue
        code, count_text = cells[0].upper(), cells[1]
        if line_no == 1 and not _CODE.match(code) and not _is_count(count_text):
            continue  # a header row such as "jurisdiction,count"
        if not _CODE.match(code):
            errors.append(
                (line_no, f"{cells[0]!r} is not a jurisdiction code (ISO 3166: DE, US-CA)")
            )
            continue
        count = _parse_count(count_text)
        if count is None:
            errors.append((line_no, f"count {count_text!r} for {code} is not a whole number"))
            continue
        if count < 0:
            errors.append((line_no, f"count for {code} must not be negative"))
            continue
        if count > MAX_AFFECTED:
            errors.append((line_no, f"count for {code} must be at most {MAX_AFFECTED:,} people"))
            continue
        if code in counts:
            errors.append((line_no, f"{code} is listed twice (first on line {first_line[code]})"))
            continue
        counts[code] = count
        first_line[code] = line_no
    if errors:
        raise AffectedCSVError(errors)
    if not counts:
        raise AffectedCSVError([(0, "the file has no jurisdiction,count rows")])
    return counts


def _parse_count(text: str) -> int | None:
    cleaned = text.replace(",", "").replace("_", "").replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?[0-9]+", cleaned):
        # A longer number than any plausible count would only slow int() down; cap it.
        if len(cleaned) > 20:
            return -1 if cleaned.startswith("-") else MAX_AFFECTED + 1
        return int(cleaned)
    return None


def _is_count(text: str) -> bool:
    return _parse_count(text) is not None


# --- details, status, team, notes, attachments --------------------------------------------------
DETAIL_FIELDS = ("title", "description", "severity", "privileged", "risk_rationale")


@transaction.atomic
def update_details(incident: Incident, *, acting_user, **changes) -> Incident:
    """Change what is not a fact for the engine: description, severity, privilege, rationale."""
    _require_user(acting_user)
    incident = _lock(incident)
    unknown = set(changes) - set(DETAIL_FIELDS)
    if unknown:
        raise ActionError(sorted(unknown)[0], "unknown field")
    clean = {}
    for name, value in changes.items():
        if name == "title":
            clean[name] = _clean_text(value, "title", required=True, max_length=200)
        elif name in ("description", "risk_rationale"):
            clean[name] = _clean_text(value, name, required=False)
        elif name == "severity":
            clean[name] = _choice(value, Severity, "severity")
        elif name == "privileged":
            if not isinstance(value, bool):
                raise ActionError("privileged", "must be true or false")
            clean[name] = value
    before = {k: getattr(incident, k) for k in clean if getattr(incident, k) != clean[k]}
    if not before:
        return incident
    after = {k: clean[k] for k in before}
    for name, value in after.items():
        setattr(incident, name, value)
    incident.updated_at = timezone.now()
    incident.save()
    log_activity(
        incident,
        ActivityKind.DETAILS_CHANGED,
        f"Changed {', '.join(after)}",
        actor=acting_user,
        before=before,
        after=after,
    )
    return incident


# Allowed status moves. A closed case is reopened explicitly, never edited back to work.
TRANSITIONS = {
    IncidentStatus.TRIAGE: {IncidentStatus.INVESTIGATING, IncidentStatus.NOTIFYING, "closed"},
    IncidentStatus.INVESTIGATING: {IncidentStatus.TRIAGE, IncidentStatus.NOTIFYING, "closed"},
    IncidentStatus.NOTIFYING: {IncidentStatus.INVESTIGATING, IncidentStatus.CLOSED},
    IncidentStatus.CLOSED: {IncidentStatus.REOPENED},
    IncidentStatus.REOPENED: {
        IncidentStatus.INVESTIGATING,
        IncidentStatus.NOTIFYING,
        IncidentStatus.CLOSED,
    },
}


@transaction.atomic
def change_status(incident: Incident, status: str, *, acting_user, reason: str = "") -> Incident:
    """Move the case along triage -> investigating -> notifying -> closed (and reopened).

    Closing while obligations are still open needs a reason; reopening always does.
    """
    _require_user(acting_user)
    incident = _lock(incident)
    _choice(status, IncidentStatus, "status")
    reason = _clean_text(reason, "reason", required=False)
    if status == incident.status:
        return incident
    if status not in TRANSITIONS[incident.status]:
        raise ActionError(
            "status",
            f"cannot go from {incident.get_status_display()} to {IncidentStatus(status).label}",
        )
    if status == IncidentStatus.CLOSED and not reason:
        open_count = incident.obligations.filter(status="open", superseded=False).count()
        if open_count:
            raise ActionError(
                "reason", f"{open_count} obligation(s) are still open: say why the case closes"
            )
    if status == IncidentStatus.REOPENED and not reason:
        raise ActionError("reason", "say why the case is reopened")
    before = {"status": incident.status}
    incident.status = status
    now = timezone.now()
    incident.closed_at = now if status == IncidentStatus.CLOSED else None
    incident.updated_at = now
    incident.save()
    log_activity(
        incident,
        ActivityKind.STATUS_CHANGED,
        f"Status: {IncidentStatus(before['status']).label} -> {IncidentStatus(status).label}"
        + (f" ({reason})" if reason else ""),
        actor=acting_user,
        before=before,
        after={"status": status, "reason": reason or None},
    )
    return incident


# Lower is more senior: a member may step down, never raise their own role.
ROLE_RANK = {TeamRole.OWNER: 0, TeamRole.LEAD: 1, TeamRole.COUNSEL: 2, TeamRole.RESPONDER: 3,
             TeamRole.VIEWER: 4}  # fmt: skip


def may_steer(incident: Incident, user) -> bool:
    """Who may hand a case on or appoint, change and remove its incident leads: its owner, or
    someone above the case team (the privacy office with change rights, a superuser). Anyone
    else who may edit could otherwise make themselves owner and shut the owner out."""
    from .queries import CHANGE_PERMISSION, sees_all

    return bool(
        user is not None
        and user.is_authenticated
        and (
            user.pk == incident.owner_id
            or user.is_superuser
            or (sees_all(user) and user.has_perm(CHANGE_PERMISSION))
        )
    )


def may_own(user) -> bool:
    """An owner must be able to act on the case (a read-only person could not even hand it on)."""
    from .queries import CHANGE_PERMISSION

    return bool(user is not None and user.is_active and user.has_perm(CHANGE_PERMISSION))


def _check_role_change(incident, user, role, current, acting_user) -> None:
    if TeamRole.LEAD in (role, current) and not may_steer(incident, acting_user):
        raise ActionError(
            "role",
            "only the case owner or the privacy office may appoint or change an incident lead",
        )
    if current and user.pk == acting_user.pk and ROLE_RANK[role] < ROLE_RANK[current]:
        raise ActionError("role", "you cannot raise your own role; ask the case owner")


@transaction.atomic
def add_team_member(incident: Incident, user, role: str, *, acting_user) -> TeamMember:
    """Put ``user`` on the case with ``role`` (or change their role). Logged: who can see a case
    is part of the record."""
    _require_user(acting_user)
    incident = _lock(incident)
    _choice(role, TeamRole, "role")
    if user is None or not getattr(user, "is_active", False):
        raise ActionError("user", "must be an active user")
    if role == TeamRole.OWNER and user.pk != incident.owner_id:
        raise ActionError("role", "use transfer_ownership to change the owner")
    member = TeamMember.objects.filter(incident=incident, user=user).first()
    if member:
        if member.role == role:
            return member
        if member.role == TeamRole.OWNER:
            raise ActionError("role", "the owner's role changes only by transfer of ownership")
    _check_role_change(incident, user, role, member.role if member else None, acting_user)
    if member:
        before = {"user": user.get_username(), "role": member.role}
        member.role = role
        member.save(update_fields=["role"])
        log_activity(
            incident,
            ActivityKind.TEAM_ROLE_CHANGED,
            f"{user.get_username()} is now {TeamRole(role).label}",
            actor=acting_user,
            before=before,
            after={"user": user.get_username(), "role": role},
        )
        return member
    member = TeamMember.objects.create(
        incident=incident, user=user, role=role, added_by=acting_user
    )
    log_activity(
        incident,
        ActivityKind.TEAM_ADDED,
        f"{user.get_username()} added as {TeamRole(role).label}",
        actor=acting_user,
        after={"user": user.get_username(), "role": role},
    )
    return member


@transaction.atomic
def change_team_role(incident: Incident, user, role: str, *, acting_user) -> TeamMember:
    """Give someone already on the team another role. Unlike ``add_team_member`` it never puts
    a new person on the case: a role form must not widen who can see it."""
    _require_user(acting_user)
    incident = _lock(incident)
    _choice(role, TeamRole, "role")
    if user is None or not TeamMember.objects.filter(incident=incident, user=user).exists():
        raise ActionError("user", "is not on this case")
    return add_team_member(incident, user, role, acting_user=acting_user)


@transaction.atomic
def remove_team_member(incident: Incident, user, *, acting_user) -> None:
    _require_user(acting_user)
    incident = _lock(incident)
    member = TeamMember.objects.filter(incident=incident, user=user).first()
    if member is None:
        raise ActionError("user", "is not on this case")
    if member.role == TeamRole.OWNER or user.pk == incident.owner_id:
        raise ActionError("user", "the owner cannot be removed; transfer ownership first")
    leaving = user.pk == acting_user.pk
    if member.role == TeamRole.LEAD and not leaving and not may_steer(incident, acting_user):
        raise ActionError(
            "user", "only the case owner or the privacy office may remove an incident lead"
        )
    member.delete()
    log_activity(
        incident,
        ActivityKind.TEAM_REMOVED,
        f"{user.get_username()} " + ("left the case" if leaving else "removed from the team"),
        actor=acting_user,
        before={"user": user.get_username(), "role": member.role},
    )


@transaction.atomic
def leave_case(incident: Incident, *, acting_user) -> None:
    """Take ``acting_user`` off the team (any role may); the owner must hand the case on first,
    so a case always has someone answerable for it."""
    _require_user(acting_user)
    incident = _lock(incident)
    if acting_user.pk == incident.owner_id:
        raise ActionError(
            "user", "you own this case; make another member the owner before you leave"
        )
    if not TeamMember.objects.filter(incident=incident, user=acting_user).exists():
        raise ActionError("user", "you are not on this case's team")
    remove_team_member(incident, acting_user, acting_user=acting_user)


@transaction.atomic
def transfer_ownership(incident: Incident, user, *, acting_user) -> Incident:
    """Make ``user`` the owner; the previous owner stays on the team as lead. Only the owner
    (or the privacy office) may hand a case on, and only to someone who may change cases."""
    _require_user(acting_user)
    incident = _lock(incident)
    if user is None or not getattr(user, "is_active", False):
        raise ActionError("user", "must be an active user")
    if user.pk == incident.owner_id:
        return incident
    if not may_steer(incident, acting_user):
        raise ActionError("user", "only the case owner or the privacy office may hand the case on")
    if not may_own(user):
        raise ActionError(
            "user", "has a read-only role and could not act on the case: choose someone who may"
        )
    previous = incident.owner
    team = TeamMember.objects.filter(incident=incident)
    new_role_before = team.filter(user=user).values_list("role", flat=True).first()
    team.filter(user=previous).update(role=TeamRole.LEAD)
    TeamMember.objects.update_or_create(
        incident=incident,
        user=user,
        defaults={"role": TeamRole.OWNER},
        create_defaults={"role": TeamRole.OWNER, "added_by": acting_user},
    )
    incident.owner = user
    incident.updated_at = timezone.now()
    incident.save(update_fields=["owner", "updated_at"])
    log_activity(
        incident,
        ActivityKind.TEAM_ROLE_CHANGED,
        f"Ownership passed from {previous.get_username()} to {user.get_username()}",
        actor=acting_user,
        # Both people's roles, before and after: the record says who could do what.
        before={
            "owner": previous.get_username(),
            "roles": {
                previous.get_username(): TeamRole.OWNER,
                user.get_username(): new_role_before,
            },
        },
        after={
            "owner": user.get_username(),
            "roles": {previous.get_username(): TeamRole.LEAD, user.get_username(): TeamRole.OWNER},
        },
    )
    return incident


NOTE_MAX_LENGTH = 20000


@transaction.atomic
def add_note(incident: Incident, text: str, *, acting_user, privileged: bool = False) -> Note:
    _require_user(acting_user)
    text = _clean_text(text, "text", required=True, max_length=NOTE_MAX_LENGTH)
    # bool("false") is True: a client's string must not mark a note privileged by accident.
    if not isinstance(privileged, bool):
        raise ActionError("privileged", "must be true or false")
    note = Note.objects.create(
        incident=incident, author=acting_user, text=text, privileged=bool(privileged)
    )
    log_activity(
        incident,
        ActivityKind.NOTE_ADDED,
        "Privileged note added" if privileged else "Note added",
        actor=acting_user,
        after={"note": note.pk, "privileged": bool(privileged), "text": text},
    )
    return note


@transaction.atomic
def add_attachment(
    incident: Incident,
    upload: UploadedFile,
    *,
    acting_user,
    kind: str = AttachmentKind.EVIDENCE,
    privileged: bool = False,
    name: str | None = None,
) -> Attachment:
    """Store a file on the case with its SHA-256, so a filing can later be shown unaltered."""
    _require_user(acting_user)
    _choice(kind, AttachmentKind, "kind")
    if upload is None:
        raise ActionError("file", "choose a file")
    # The one upload check (allow-list by name and first bytes, size limit), here as well as in
    # the forms and serializers: every path that stores a file ends in this function.
    try:
        validate_attachment(upload)
    except ValidationError as exc:
        raise ActionError("file", " ".join(exc.messages)) from None
    size = upload.size
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    display = _clean_text(name or upload.name, "name", required=True, max_length=200)
    display = display.replace("/", "_").replace("\\", "_")
    attachment = Attachment(
        incident=incident,
        name=display,
        content_type=(getattr(upload, "content_type", "") or "")[:100],
        size=size,
        sha256=digest.hexdigest(),
        kind=kind,
        privileged=bool(privileged),
        uploaded_by=acting_user,
    )
    attachment.file.save(display, upload, save=False)
    attachment.save()
    log_activity(
        incident,
        ActivityKind.ATTACHMENT_ADDED,
        f"Attached {display} ({AttachmentKind(kind).label.lower()})",
        actor=acting_user,
        after={"attachment": attachment.pk, "name": display, "sha256": attachment.sha256},
    )
    return attachment


# --- obligations: decisions ---------------------------------------------------------------------
def _lock_obligation(obligation: Obligation) -> Obligation:
    _lock(obligation.incident)
    return Obligation.objects.select_related("incident").get(pk=obligation.pk)


def _obligation_label(ob: Obligation) -> str:
    stage = f" ({ob.stage.replace('_', ' ')})" if ob.stage else ""
    return f"{ob.rule_code}{stage} to {ob.authority or ob.recipient.replace('_', ' ')}"


@transaction.atomic
def record_notification(
    obligation: Obligation,
    *,
    sent_at: datetime,
    method: str,
    sent_to: str,
    acting_user,
    reference: str = "",
    evidence: Attachment | UploadedFile | None = None,
) -> Obligation:
    """Record that the notice was given: when, how, to whom, its reference, the letter or filing.

    Clocks that start at this notice (``notice:<RULE>``) are recomputed in the same transaction.
    """
    _require_user(acting_user)
    ob = _lock_obligation(obligation)
    if not isinstance(sent_at, datetime):
        raise ActionError("sent_at", "must be a date and time")
    if timezone.is_naive(sent_at):
        raise ActionError("sent_at", "must include a time zone (UTC offset)")
    if sent_at > timezone.now() + CLOCK_SKEW:
        raise ActionError("sent_at", "is in the future; record a notice once it has gone out")
    earliest = (
        IncidentEvent.objects.filter(
            incident_id=ob.incident_id, event__in=("occurred_at", "discovered_at")
        )
        .order_by("at")
        .first()
    )
    if earliest is not None and sent_at < earliest.at:
        raise ActionError(
            "sent_at",
            f"is before the incident itself ({earliest.event} {_iso_utc(earliest.at)}); "
            "a notice cannot precede what it reports",
        )
    _choice(method, NotificationMethod, "method")
    sent_to = _clean_text(sent_to, "sent_to", required=True, max_length=300)
    reference = _clean_text(reference, "reference", required=False, max_length=200)
    if ob.status == ObligationStatus.NOTIFIED:
        raise ActionError("status", f"already recorded as notified on {_iso_utc(ob.notified_at)}")
    if ob.status != ObligationStatus.OPEN:
        raise ActionError(
            "status", f"is {ob.get_status_display().lower()}; reopen it before recording a notice"
        )
    if isinstance(evidence, UploadedFile):
        evidence = add_attachment(
            ob.incident,
            evidence,
            acting_user=acting_user,
            kind=AttachmentKind.NOTIFICATION,
            privileged=ob.incident.privileged,
        )
    elif evidence is not None and evidence.incident_id != ob.incident_id:
        raise ActionError("evidence", "belongs to another case")

    before = _decision_state(ob)
    now = timezone.now()
    ob.status = ObligationStatus.NOTIFIED
    ob.notified_at = sent_at
    ob.notified_method = method
    ob.notified_to = sent_to
    ob.notified_reference = reference
    ob.evidence = evidence
    ob.status_changed_at = now
    ob.status_changed_by = acting_user
    ob.updated_at = now
    ob.save()
    on_time = ""
    if ob.due_at:
        on_time = " (on time)" if sent_at <= ob.due_at else " (after the deadline)"
    log_activity(
        ob.incident,
        ActivityKind.NOTIFICATION_RECORDED,
        f"Notified {_obligation_label(ob)} by {ob.get_notified_method_display().lower()} "
        f"on {_iso_utc(sent_at)}{on_time}",
        actor=acting_user,
        before=before,
        after=_decision_state(ob),
        obligation=ob,
    )
    result = recompute_obligations(
        ob.incident, acting_user=acting_user, reason=f"notice sent under {ob.rule_code}"
    )
    if ob not in result.changed:
        _obligations_changed([ob])
    ob.refresh_from_db()
    return ob


def _decision_state(ob: Obligation) -> dict:
    return {
        "status": ob.status,
        "reason": ob.reason or None,
        "notified_at": _iso_utc(ob.notified_at),
        "method": ob.notified_method or None,
        "sent_to": ob.notified_to or None,
        "reference": ob.notified_reference or None,
        "evidence": ob.evidence_id,
    }


def _decide(ob_in: Obligation, status: str, reason: str, acting_user, kind: str) -> Obligation:
    _require_user(acting_user)
    reason = _clean_text(reason, "reason", required=True, max_length=2000)
    ob = _lock_obligation(ob_in)
    if ob.status != ObligationStatus.OPEN:
        raise ActionError("status", f"is already {ob.get_status_display().lower()}")
    before = _decision_state(ob)
    now = timezone.now()
    ob.status = status
    ob.reason = reason
    ob.status_changed_at = now
    ob.status_changed_by = acting_user
    ob.updated_at = now
    ob.save()
    log_activity(
        ob.incident,
        kind,
        f"{_obligation_label(ob)}: {ObligationStatus(status).label.lower()} - {reason}",
        actor=acting_user,
        before=before,
        after=_decision_state(ob),
        obligation=ob,
    )
    _obligations_changed([ob])
    return ob


@transaction.atomic
def mark_not_required(obligation: Obligation, *, reason: str, acting_user) -> Obligation:
    """Counsel decided this notice is not owed (e.g. risk assessed as unlikely). Reason required."""
    return _decide(
        obligation,
        ObligationStatus.NOT_REQUIRED,
        reason,
        acting_user,
        ActivityKind.MARKED_NOT_REQUIRED,
    )


@transaction.atomic
def waive(obligation: Obligation, *, reason: str, acting_user) -> Obligation:
    """The recipient or counsel waived the notice (e.g. an authority said not to file)."""
    return _decide(obligation, ObligationStatus.WAIVED, reason, acting_user, ActivityKind.WAIVED)


@transaction.atomic
def reopen_obligation(obligation: Obligation, *, reason: str, acting_user) -> Obligation:
    """Undo a decision (not required / waived / a notice recorded in error). Reason required."""
    _require_user(acting_user)
    reason = _clean_text(reason, "reason", required=True, max_length=2000)
    ob = _lock_obligation(obligation)
    if ob.status == ObligationStatus.OPEN:
        raise ActionError("status", "is already open")
    before = _decision_state(ob)
    now = timezone.now()
    ob.status = ObligationStatus.OPEN
    ob.reason = ""
    ob.notified_at = None
    ob.notified_method = ""
    ob.notified_to = ""
    ob.notified_reference = ""
    ob.evidence = None
    ob.status_changed_at = now
    ob.status_changed_by = acting_user
    ob.updated_at = now
    ob.save()
    log_activity(
        ob.incident,
        ActivityKind.REOPENED_OBLIGATION,
        f"{_obligation_label(ob)} reopened - {reason}",
        actor=acting_user,
        before=before,
        after={**_decision_state(ob), "reason": reason},
        obligation=ob,
    )
    result = recompute_obligations(
        ob.incident, acting_user=acting_user, reason=f"{ob.rule_code} reopened"
    )
    if ob not in result.changed:
        _obligations_changed([ob])
    return ob


@transaction.atomic
def set_internal_target(
    obligation: Obligation, *, target_at: datetime | None, reason: str, acting_user
) -> Obligation:
    """Set (or clear, with ``target_at`` None) the team's own target date for an open obligation
    the law gives no fixed deadline. Reminders and calendar feeds then count down to it, labelled
    as an internal target. A recompute keeps it; a legal deadline, once known, takes precedence.
    """
    _require_user(acting_user)
    reason = _clean_text(reason, "reason", required=True, max_length=2000)
    if target_at is not None:
        if not isinstance(target_at, datetime) or timezone.is_naive(target_at):
            raise ActionError("target_at", "must be a date and time with its time zone")
        target_at = target_at.astimezone(_UTC)
    ob = _lock_obligation(obligation)
    if ob.status != ObligationStatus.OPEN or ob.superseded:
        raise ActionError("status", "an internal target can only be set on an open obligation")
    if ob.due_at is not None:
        raise ActionError(
            "target_at",
            "this obligation has a fixed legal deadline; an internal target is only for "
            "obligations without one",
        )
    if ob.target_at == target_at:
        raise ActionError("target_at", "is already set to this value")
    before = {"target_at": ob.target_at, "deadline_version": ob.deadline_version}
    now = timezone.now()
    ob.target_at = target_at
    ob.target_set_by = acting_user
    ob.target_set_at = now
    # The reminder deadline moved: old reminders are cancelled, new ones written.
    ob.deadline_version += 1
    ob.updated_at = now
    ob.save()
    what = f"set to {_iso_utc(target_at)}" if target_at else "cleared"
    log_activity(
        ob.incident,
        ActivityKind.TARGET_SET,
        f"Internal target of {_obligation_label(ob)} {what} - {reason}",
        actor=acting_user,
        before=before,
        after={"target_at": target_at, "deadline_version": ob.deadline_version, "reason": reason},
        obligation=ob,
    )
    _obligations_changed([ob])
    return ob


# --- recompute ---------------------------------------------------------------------------------
# Fields copied from the engine's result onto the row (the computed part of an obligation).
_COMPUTED = (
    "rule_version",
    "jurisdiction",
    "regime",
    "recipient",
    "authority",
    "kind",
    "counterparty",
    "contact",
    "clock_start_event",
    "clock_start_at",
    "due_at",
    "due_local",
    "due_local_tz",
    "deadline_kind",
    "timing_standard",
    "citation",
    "waiting_for",
    "why",
    "computation",
    "confidence",
    "rule_status",
)
# Changes to these are explanations that follow the facts; they do not get their own entry.
_QUIET = {"why", "computation", "due_local", "due_local_tz"}


@dataclass
class RecomputeResult:
    """What a recompute did to one case's obligations."""

    created: list[Obligation] = field(default_factory=list)
    moved: list[tuple[Obligation, datetime | None, datetime | None]] = field(default_factory=list)
    updated: list[Obligation] = field(default_factory=list)
    no_longer_applies: list[Obligation] = field(default_factory=list)
    superseded: list[Obligation] = field(default_factory=list)
    applies_again: list[Obligation] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> list[Obligation]:
        """Rows whose deadline or status changed, or that are new: what reminders care about."""
        seen: dict[int, Obligation] = {}
        for ob in (
            self.created
            + [m[0] for m in self.moved]
            + self.no_longer_applies
            + self.superseded
            + self.applies_again
        ):
            seen[ob.pk] = ob
        return list(seen.values())

    @property
    def anything(self) -> bool:
        return bool(
            self.created
            or self.moved
            or self.updated
            or self.no_longer_applies
            or self.superseded
            or self.applies_again
        )

    def summary(self) -> str:
        parts = []
        for label, items in (
            ("new", self.created),
            ("deadline moved", self.moved),
            ("updated", self.updated),
            ("no longer apply", self.no_longer_applies),
            ("superseded", self.superseded),
            ("apply again", self.applies_again),
        ):
            if items:
                parts.append(f"{len(items)} {label}")
        return ", ".join(parts) or "no change"


def _attr(obj, name, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _as_utc(value) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.astimezone(_UTC)


def _result_dict(result) -> dict:
    """An engine result in the obligations format (``breachclock.obligations/1``) as a dict.

    The engine's ``ObligationResult.to_dict()`` is the contract; a plain dict in that format
    (what tests and the API's what-if pass around) is taken as is.
    """
    if isinstance(result, dict):
        return result
    return result.to_dict()


def _computed_values(result, d: dict | None = None) -> dict:
    """An engine obligation -> the computed columns of an Obligation row."""
    d = d if d is not None else _result_dict(result)
    due_local_obj = None if isinstance(result, dict) else getattr(result, "due_local", None)
    tz_name = d.get("timezone") or ""
    if not tz_name and isinstance(due_local_obj, datetime):
        tz_name = getattr(due_local_obj.tzinfo, "key", "") or ""
    clock = d.get("clock_start") or {}
    return {
        "rule_version": int(d.get("rule_version") or 1),
        "jurisdiction": d.get("jurisdiction") or "",
        "regime": d.get("regime") or "",
        "recipient": d.get("recipient") or "",
        "authority": d.get("authority") or "",
        "kind": d.get("kind") or "statute",
        "counterparty": d.get("counterparty") or "",
        "contact": d.get("contact") or "",
        "clock_start_event": clock.get("event") or "",
        "clock_start_at": _as_utc(clock.get("at")),
        "due_at": _as_utc(d.get("due_at")),
        "due_local": d.get("due_local") or "",
        "due_local_tz": tz_name,
        "deadline_kind": d.get("deadline_kind") or "",
        "timing_standard": d.get("timing_standard") or "",
        "citation": d.get("citation") or "",
        "waiting_for": d.get("waiting_for") or "",
        "why": list(d.get("why") or []),
        "computation": list(d.get("computation") or []),
        "confidence": d.get("confidence") or "",
        "rule_status": d.get("rule_status") or "",
    }


def _key(rule_code: str, stage) -> tuple[str, str]:
    return rule_code, stage or ""


def _not_applicable_reasons(evaluation) -> dict[str, str]:
    reasons: dict[str, str] = {}
    for entry in _attr(evaluation, "not_applicable") or []:
        d = _result_dict(entry)
        code, why = d.get("rule"), d.get("why")
        if isinstance(why, (list, tuple)):
            why = "; ".join(why)
        if code and why and code not in reasons:
            reasons[code] = str(why)
    return reasons


_NOT_APPLICABLE_KEYS = ("rule", "jurisdiction", "recipient", "regime", "rule_version", "why")
_NOT_APPLICABLE_EXTRA = ("displaced_by", "in_force_from")


def _not_applicable_list(evaluation) -> list[dict]:
    """The engine's "why not" list as stored on the case (JSON-safe, in the engine's order)."""
    out = []
    for entry in _attr(evaluation, "not_applicable") or []:
        d = _result_dict(entry)
        why = d.get("why")
        if isinstance(why, (list, tuple)):
            why = "; ".join(str(w) for w in why)
        entry = {**{k: d.get(k) for k in _NOT_APPLICABLE_KEYS}, "why": why or ""}
        # Structured reasons, when the engine gives them: the displacing rule, the start date.
        entry.update({k: d[k] for k in _NOT_APPLICABLE_EXTRA if d.get(k)})
        out.append(entry)
    return _jsonable(out)


def _fmt_due(value: datetime | None) -> str:
    return _iso_utc(value) if value else "no fixed deadline"


@transaction.atomic
def recompute_obligations(
    incident: Incident,
    *,
    acting_user=None,
    reason: str,
    evaluation=None,
) -> RecomputeResult:
    """Bring the stored obligations in line with what the engine now says, keeping the record.

    Rows are matched by ``(rule_code, stage)``. New ones are created; a moved deadline is updated,
    its ``deadline_version`` bumped and the old and new deadline logged with the reason; rows a
    person acted on keep their status (if the law no longer asks for them they are flagged
    ``superseded``, never deleted); open rows that no longer apply become not required with
    "no longer applies: <why>", and apply again if the facts swing back. ``acting_user`` None is
    the system (e.g. a rule-book change). Ends with ``_obligations_changed`` in this transaction.
    """
    # Locked (see _lock) and read with what the facts need, in one go.
    incident = (
        Incident.objects.select_for_update()
        .prefetch_related("events", "affected", "obligations")
        .get(pk=incident.pk)
    )
    if evaluation is None:
        evaluation = _evaluate(incident.facts_dict())
    actor = acting_user if acting_user is not None and acting_user.is_authenticated else None
    stored = {_key(o.rule_code, o.stage): o for o in incident.obligations.all()}
    result = RecomputeResult()
    now = timezone.now()
    seen: set[tuple[str, str]] = set()

    for computed in _attr(evaluation, "obligations") or []:
        d = _result_dict(computed)
        values = _computed_values(computed, d)
        key = _key(d["rule"], d.get("stage"))
        if key in seen:  # the engine gives one result per (rule, stage); be safe on repeats
            continue
        seen.add(key)
        ob = stored.get(key)
        if ob is None:
            ob = Obligation.objects.create(
                incident=incident,
                rule_code=key[0],
                stage=key[1],
                created_at=now,
                updated_at=now,
                **values,
            )
            result.created.append(ob)
            continue
        _apply_computed(ob, values, result, now)

    reasons = _not_applicable_reasons(evaluation)
    for key, ob in stored.items():
        if key in seen:
            continue
        why = reasons.get(ob.rule_code, "the rule no longer applies to these facts")
        if ob.status == ObligationStatus.OPEN and not ob.superseded:
            ob.status = ObligationStatus.NOT_REQUIRED
            ob.reason = f"{NO_LONGER_APPLIES}{why}"
            ob.status_changed_at = now
            ob.status_changed_by = None  # the system decided; a person can reopen it
            ob.updated_at = now
            ob.save()
            result.no_longer_applies.append(ob)
        elif ob.status in ACTED_ON and not ob.superseded and not _system_closed(ob):
            ob.superseded = True
            ob.updated_at = now
            ob.save(update_fields=["superseded", "updated_at"])
            result.superseded.append(ob)

    _log_recompute(incident, result, actor, reason)
    update_fields = []
    ruled_out = _not_applicable_list(evaluation)
    if ruled_out != incident.not_applicable:
        incident.not_applicable = ruled_out
        update_fields.append("not_applicable")
    conflicts = _conflicts_list(evaluation)
    if conflicts != incident.conflicts:
        _log_conflicts(incident, incident.conflicts, conflicts, actor, reason)
        incident.conflicts = conflicts
        update_fields.append("conflicts")
    if result.anything:
        incident.updated_at = now
        update_fields.append("updated_at")
    if update_fields:
        incident.save(update_fields=update_fields)
    changed = result.changed
    if changed:
        _obligations_changed(changed)
    return result


def _system_closed(ob: Obligation) -> bool:
    return (
        ob.status == ObligationStatus.NOT_REQUIRED
        and ob.status_changed_by_id is None
        and ob.reason.startswith(NO_LONGER_APPLIES)
    )


def _apply_computed(ob: Obligation, values: dict, result: RecomputeResult, now) -> None:
    diffs = {name: value for name, value in values.items() if getattr(ob, name) != value}
    applies_again = False
    if _system_closed(ob):
        # It stopped applying and nobody decided anything since: it applies again.
        ob.status = ObligationStatus.OPEN
        ob.reason = ""
        ob.status_changed_at = now
        applies_again = True
    elif ob.superseded:
        ob.superseded = False
        applies_again = True
    if not diffs and not applies_again:
        result.unchanged += 1
        return
    old_due = ob.due_at
    before = {name: getattr(ob, name) for name in diffs}
    for name, value in diffs.items():
        setattr(ob, name, value)
    if "due_at" in diffs:
        ob.deadline_version += 1
        result.moved.append((ob, old_due, ob.due_at))
    elif any(name not in _QUIET for name in diffs):
        result.updated.append(ob)
    ob._recompute_before = before  # for the activity entry; not a field
    ob.updated_at = now
    ob.save()
    if applies_again:
        result.applies_again.append(ob)


def _log_recompute(incident, result: RecomputeResult, actor, reason: str) -> None:
    for ob in result.created:
        log_activity(
            incident,
            ActivityKind.OBLIGATION_ADDED,
            f"Obligation: {_obligation_label(ob)}, due {_fmt_due(ob.due_at)} ({reason})",
            actor=actor,
            after={
                "rule": ob.rule_code,
                "stage": ob.stage or None,
                "due_at": ob.due_at,
                "waiting_for": ob.waiting_for or None,
                "why": ob.why,
            },
            obligation=ob,
        )
    for ob, old, new in result.moved:
        before = getattr(ob, "_recompute_before", {})
        log_activity(
            incident,
            ActivityKind.DEADLINE_MOVED,
            f"Deadline of {_obligation_label(ob)} moved from {_fmt_due(old)} to "
            f"{_fmt_due(new)}: {reason}",
            actor=actor,
            before={
                "due_at": old,
                "deadline_version": ob.deadline_version - 1,
                **{k: v for k, v in before.items() if k in ("clock_start_at", "waiting_for")},
            },
            after={
                "due_at": new,
                "deadline_version": ob.deadline_version,
                "clock_start_at": ob.clock_start_at,
                "waiting_for": ob.waiting_for or None,
                "why": ob.why,
                "computation": ob.computation,
                "reason": reason,
            },
            obligation=ob,
        )
    for ob in result.updated:
        before = getattr(ob, "_recompute_before", {})
        log_activity(
            incident,
            ActivityKind.OBLIGATION_CHANGED,
            f"{_obligation_label(ob)} changed ({', '.join(k for k in before if k not in _QUIET)})"
            f": {reason}",
            actor=actor,
            before={k: v for k, v in before.items() if k not in _QUIET},
            after={k: getattr(ob, k) for k in before if k not in _QUIET},
            obligation=ob,
        )
    for ob in result.no_longer_applies:
        log_activity(
            incident,
            ActivityKind.OBLIGATION_NO_LONGER_APPLIES,
            f"{_obligation_label(ob)} {ob.reason} ({reason})",
            actor=actor,
            before={"status": ObligationStatus.OPEN},
            after={"status": ob.status, "reason": ob.reason},
            obligation=ob,
        )
    for ob in result.superseded:
        log_activity(
            incident,
            ActivityKind.OBLIGATION_SUPERSEDED,
            f"{_obligation_label(ob)} is no longer required by the rules; kept as "
            f"{ob.get_status_display().lower()} ({reason})",
            actor=actor,
            before={"superseded": False},
            after={"superseded": True, "status": ob.status},
            obligation=ob,
        )
    for ob in result.applies_again:
        log_activity(
            incident,
            ActivityKind.OBLIGATION_APPLIES_AGAIN,
            f"{_obligation_label(ob)} applies again ({reason})",
            actor=actor,
            after={"status": ob.status, "superseded": ob.superseded},
            obligation=ob,
        )
    if result.anything:
        log_activity(
            incident,
            ActivityKind.OBLIGATIONS_RECOMPUTED,
            f"Obligations recomputed: {result.summary()} ({reason})",
            actor=actor,
            after={"reason": reason, "summary": result.summary()},
        )


def _would_change(obligations: Iterable[Obligation], evaluation) -> bool:
    """Would ``recompute_obligations`` write anything? (The same comparison, without writes.)"""
    stored = {_key(o.rule_code, o.stage): o for o in obligations}
    seen = set()
    for computed in _attr(evaluation, "obligations") or []:
        d = _result_dict(computed)
        key = _key(d["rule"], d.get("stage"))
        seen.add(key)
        ob = stored.get(key)
        if ob is None or _system_closed(ob) or ob.superseded:
            return True
        values = _computed_values(computed, d)
        if any(getattr(ob, name) != value for name, value in values.items()):
            return True
    for key, ob in stored.items():
        if key in seen:
            continue
        if ob.status == ObligationStatus.OPEN and not ob.superseded:
            return True
        if ob.status in ACTED_ON and not ob.superseded and not _system_closed(ob):
            return True
    return False


def recompute_many(
    incidents: Iterable[Incident] | None = None,
    *,
    reason: str,
    acting_user=None,
    batch_size: int = 400,
) -> dict[str, int]:
    """Recompute many cases (e.g. after a rule-book change; default: every case whose deadlines
    still run - ``deadlines_running``: not closed, or closed with an obligation still open).

    Cases are read and evaluated in batches (a handful of queries per batch, the rule book read
    once per batch); only a case whose obligations would change is then recomputed for real, in
    its own transaction under its row lock - so one failing case does not roll back the others,
    and a fact edited meanwhile is never overwritten by the batch's stale read.
    Returns counts by outcome.
    """
    from jurisdictions.loader import current_rulebook

    qs = incidents if incidents is not None else Incident.objects.deadlines_running()
    totals = {
        "cases": 0,
        "changed": 0,
        "created": 0,
        "moved": 0,
        "no_longer_applies": 0,
        "failed": 0,
    }
    ids = (
        list(qs.order_by("pk").values_list("pk", flat=True))
        if hasattr(qs, "values_list")
        else [i.pk for i in qs]
    )
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        rulebook = current_rulebook()
        # Related rows by one query each, grouped here: cheaper than prefetch_related, which
        # builds a queryset per case.
        events: dict[int, dict] = defaultdict(dict)
        for incident_id, name, at in IncidentEvent.objects.filter(
            incident_id__in=chunk
        ).values_list("incident_id", "event", "at"):
            events[incident_id][name] = at
        affected: dict[int, dict] = defaultdict(dict)
        for incident_id, code, count in AffectedPopulation.objects.filter(
            incident_id__in=chunk
        ).values_list("incident_id", "jurisdiction", "count"):
            affected[incident_id][code] = count
        stored: dict[int, list[Obligation]] = defaultdict(list)
        for ob in Obligation.objects.filter(incident_id__in=chunk):
            stored[ob.incident_id].append(ob)
        for incident in Incident.objects.filter(pk__in=chunk):
            totals["cases"] += 1
            obligations = stored[incident.pk]
            notices = notices_sent_of(obligations)
            facts = incident.facts_dict(
                events=events[incident.pk], affected=affected[incident.pk], notices_sent=notices
            )
            try:
                evaluation = _evaluate(facts, rulebook=rulebook)
            except FactsError:
                # Facts stored before a rule-book change that no longer validate (e.g. a
                # jurisdiction removed): leave the case as it is and count it.
                logger.exception("recompute skipped %s: facts no longer valid", incident.reference)
                totals["failed"] += 1
                continue
            conflicts_moved = _conflicts_list(evaluation) != incident.conflicts
            if not conflicts_moved and not _would_change(obligations, evaluation):
                ruled_out = _not_applicable_list(evaluation)
                if ruled_out != incident.not_applicable:  # only the "why not" list moved
                    Incident.objects.filter(pk=incident.pk).update(not_applicable=ruled_out)
                continue
            result = recompute_obligations(incident, acting_user=acting_user, reason=reason)
            totals["changed"] += int(result.anything)
            totals["created"] += len(result.created)
            totals["moved"] += len(result.moved)
            totals["no_longer_applies"] += len(result.no_longer_applies)
    return totals


# --- calendar feeds ----------------------------------------------------------------------------
@transaction.atomic
def create_feed_token(user, *, incident: Incident | None = None, acting_user) -> FeedToken:
    """A new secret feed address for ``user``: all their deadlines, or one case's."""
    _require_user(acting_user)
    if acting_user.pk != user.pk and not acting_user.is_superuser:
        raise ActionError("user", "feed links are created by their owner")
    if incident is not None and not Incident.objects.visible_to(user).filter(pk=incident.pk):
        raise ActionError("incident", "is not one of this user's cases")
    token = FeedToken.objects.create(user=user, incident=incident)
    if incident is not None:
        log_activity(
            incident,
            ActivityKind.FEED_TOKEN,
            f"Calendar feed link created for {user.get_username()}",
            actor=acting_user,
            after={"feed": token.pk, "user": user.get_username()},
        )
    return token


@transaction.atomic
def revoke_feed_token(token: FeedToken, *, acting_user) -> FeedToken:
    """Close a feed address at once; calendars using it get 404 from now on."""
    _require_user(acting_user)
    if acting_user.pk != token.user_id and not acting_user.is_superuser:
        raise ActionError("token", "feed links are revoked by their owner or an administrator")
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    if token.incident_id:
        log_activity(
            token.incident,
            ActivityKind.FEED_TOKEN,
            f"Calendar feed link of {token.user.get_username()} revoked",
            actor=acting_user,
            before={"feed": token.pk, "revoked": False},
            after={"feed": token.pk, "revoked": True},
        )
    return token
