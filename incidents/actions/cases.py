"""Opening a case, its details (title, severity, privilege) and its status."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from jurisdictions.engine.facts import FORMAT_2 as FACTS_FORMAT_2
from jurisdictions.engine.facts import FactsError, parse_facts

from .. import client_impact
from .. import holds as hold_facts
from ..choices import ActivityKind, IncidentStatus, Severity, TeamRole
from ..facts_review import known_regimes
from ..models import AffectedPopulation, Incident, IncidentEvent, ReferenceSequence, TeamMember
from . import hooks
from .activity import log_activity
from .common import (
    ActionError,
    _check_hold_not_future,
    _check_not_future,
    _choice,
    _clean_text,
    _lock,
    _require_user,
)
from .facts import _check_fact_strings, _fields_from_facts, _without_engine_only
from .recompute import recompute_obligations


def next_reference(year: int) -> str:
    """INC-<year>-<NNNN>: the year's counter row is locked, so two openings never share a number."""
    seq, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
    seq.last += 1
    # A number already taken (a restored or imported case, a counter reset) is skipped rather
    # than failing the unique constraint with a 500.
    taken = Incident.objects.unrestricted("a reference is unique across every case")
    while taken.filter(reference=f"INC-{year}-{seq.last:04d}").exists():
        seq.last += 1
    seq.save(update_fields=["last"])
    return f"INC-{year}-{seq.last:04d}"


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
    facts = client_impact.with_format(dict(facts))
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
    # A regime key no rule knows is refused: a typo would silently drop that regime's duties.
    parsed = parse_facts(facts, known_regimes=known_regimes())
    _check_fact_strings(parsed)
    _check_not_future(parsed.events_given, timezone.now())
    for key, value in holds.items():
        _check_hold_not_future(key, value, timezone.now())
    _choice(severity, Severity, "severity")
    description = _clean_text(description, "description", required=False)
    risk_rationale = _clean_text(risk_rationale, "risk_rationale", required=False)
    evaluation = hooks.evaluate(facts)  # before any write: a bad fact stores nothing

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


# --- details and status ------------------------------------------------------------------------
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
