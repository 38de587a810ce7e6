"""Bringing one case's stored obligations in line with what the engine says, keeping the record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..choices import ACTED_ON, ActivityKind, ObligationStatus
from ..models import Incident, Obligation
from . import hooks
from .activity import log_activity
from .common import (
    NO_LONGER_APPLIES,
    _as_utc,
    _attr,
    _iso_utc,
    _jsonable,
    _obligation_label,
    _result_dict,
)
from .conflicts import _conflicts_list, _log_conflicts

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
        Incident.objects.unrestricted("lock of the case being recomputed")
        .select_for_update()
        .prefetch_related("events", "affected", "obligations")
        .get(pk=incident.pk)
    )
    if evaluation is None:
        evaluation = hooks.evaluate(incident.facts_dict())
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
        hooks.obligations_changed(changed)
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
    if "due_at" in diffs or applies_again:
        # A new deadline version: the reminders of the old one were ended when the obligation
        # stopped applying, and rows are written once per version (reminders.schedule).
        ob.deadline_version += 1
    if "due_at" in diffs:
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
