"""Reads of a case's conflicts between rules and counsel's decisions on them, for the case page,
the report and the exports. Callers pass an incident they got through ``visible_to``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .actions import CONFLICT_KINDS
from .holds import HOLD_KEYS, LABELS, SHAPES
from .models import ConflictDecision, Incident


@dataclass
class ConflictRow:
    """One conflict (current, or one that no longer arises but was decided on) and its
    decisions, oldest first."""

    key: str
    conflict: dict
    current: bool
    decisions: list[ConflictDecision] = field(default_factory=list)

    @property
    def kind_text(self) -> str:
        kind = self.conflict.get("kind") or "conflict"
        return CONFLICT_KINDS.get(kind, kind.replace("_", " ")).capitalize()

    @property
    def decision(self) -> ConflictDecision | None:
        return self.decisions[-1] if self.decisions else None

    @property
    def earlier(self) -> list[ConflictDecision]:
        return self.decisions[:-1]


def conflict_rows(incident: Incident) -> list[ConflictRow]:
    """The current conflicts in the engine's order, then the decided ones that no longer arise
    (their decision stays in the record, marked no longer current). One query."""
    by_key: dict[str, list[ConflictDecision]] = {}
    for row in ConflictDecision.objects.filter(incident=incident).select_related("decided_by"):
        by_key.setdefault(row.key, []).append(row)
    rows = []
    for conflict in incident.conflicts:
        key = conflict.get("key") or ""
        rows.append(ConflictRow(key, conflict, True, by_key.pop(key, [])))
    for key, decisions in by_key.items():
        rows.append(ConflictRow(key, decisions[-1].conflict, False, decisions))
    return rows


@dataclass
class HoldRow:
    key: str
    label: str
    value: dict | None
    start: str
    end: str

    @property
    def running(self) -> bool:
        return self.value is not None and not self.value.get(self.end)

    @property
    def started_at(self) -> datetime | None:
        return _time(self.value, self.start)

    @property
    def ended_at(self) -> datetime | None:
        return _time(self.value, self.end)


def _time(value: dict | None, name: str) -> datetime | None:
    raw = (value or {}).get(name)
    return datetime.fromisoformat(raw.replace("Z", "+00:00")) if raw else None


def hold_rows(incident: Incident) -> list[HoldRow]:
    """Each kind of delay request with its recorded value (None: not requested)."""
    return [
        HoldRow(key, LABELS[key], incident.holds.get(key), SHAPES[key][0], SHAPES[key][1])
        for key in HOLD_KEYS
    ]


def decisions_export(incident: Incident) -> list[dict]:
    """Every decision on a conflict, oldest first, as plain data (times in UTC)."""
    current = incident.conflict_keys()
    out = []
    for row in (
        ConflictDecision.objects.filter(incident=incident)
        .select_related("decided_by")
        .order_by("decided_at", "id")
    ):
        out.append(
            {
                "key": row.key,
                "kind": row.conflict.get("kind"),
                "rules": row.conflict.get("rules") or [],
                "why": row.conflict.get("why"),
                "citation": row.conflict.get("citation"),
                "decision": row.decision,
                "decided_by": row.decided_by.get_username(),
                "decided_at": row.decided_at.isoformat().replace("+00:00", "Z"),
                "current": row.key in current,
            }
        )
    return out
