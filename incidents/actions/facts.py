"""Changing a case's facts (and the requests to delay notices, which are facts too); every
change recomputes the obligations in the same transaction.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from jurisdictions.engine.facts import FORMAT_2 as FACTS_FORMAT_2
from jurisdictions.engine.facts import FactsError, data_set_to_dict, parse_facts

from .. import client_impact
from .. import holds as hold_facts
from ..choices import DATA_CATEGORIES, EVENT_NAMES, ActivityKind
from ..facts_review import review_changes
from ..models import AffectedPopulation, Incident, IncidentEvent, as_format_2
from .activity import log_activity
from .common import (
    ActionError,
    _check_hold_not_future,
    _check_not_future,
    _clean_text,
    _iso_utc,
    _lock,
    _require_user,
    _storable_problem,
)
from .recompute import RecomputeResult, recompute_obligations

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
    "client_financial_impact",
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
        "client_financial_impact": parsed.client_financial_impact,
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
    incident = (
        Incident.objects.unrestricted("re-read of the case being changed")
        .prefetch_related("events", "affected", "obligations")
        .get(pk=incident.pk)
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


def _check_fact_strings(parsed) -> None:
    """Free-text lists of the facts must be storable text too (names are checked by the parser)."""
    for name in ("systems", "customers"):
        for i, item in enumerate(getattr(parsed, name)):
            problem = _storable_problem(item)
            if problem:
                raise FactsError(f"{name}.{i}", problem)
            if len(item) > 200:
                raise FactsError(f"{name}.{i}", "must be at most 200 characters")


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
    recompute_reason: str = "",
) -> RecomputeResult | None:
    """Change some facts (a partial facts document) and recompute the obligations.

    ``affected`` replaces the whole map (``set_affected`` is the per-jurisdiction door). Returns
    the recompute result, or None if nothing changed. ``activity_kind`` / ``summary`` name the
    change in the timeline when a narrower door (``record_hold``, an assessment) calls this one;
    ``recompute_reason`` is then what each moved obligation says it moved for.
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
    review_changes(changes)  # regime keys this change sets must be known (stored ones stay)
    merged = _merge_facts(current, changes)
    if merged.get(client_impact.KEY) is None:
        merged.pop(client_impact.KEY, None)  # null clears it: not yet known
    elif "format" not in changes:
        merged["format"] = FACTS_FORMAT_2  # the key exists in format 2 only
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
        reason=recompute_reason or f"facts changed: {', '.join(_describe_keys(before, after))}",
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
    stored = Incident.objects.unrestricted("re-read of the case being changed")
    before = stored.get(pk=incident.pk).holds.get(key)
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
    stored = Incident.objects.unrestricted("re-read of the case being changed")
    current = stored.get(pk=incident.pk).holds.get(key)
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
        **(
            {"client_financial_impact": parsed.client_financial_impact}
            if parsed.client_financial_impact is not None
            else {}
        ),
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
