"""Conflicts between rules found by a recompute, and counsel's decision on each."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..choices import ActivityKind
from ..models import ConflictDecision, Incident
from .activity import log_activity
from .common import ActionError, _attr, _clean_text, _jsonable, _lock, _require_user, _result_dict

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
