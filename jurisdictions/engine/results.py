"""What an evaluation returns: obligations owed, rules that do not apply, and the whole
``breachclock.obligations/1`` document. Pure; no Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from .rules import Rule

OUTPUT_FORMAT = "breachclock.obligations/1"


def _iso_utc(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class ObligationResult:
    """One notification owed. Times are aware datetimes: ``clock_start_at`` and ``due_at`` in
    UTC, ``due_local`` in the zone of the authority (the zone days are counted in)."""

    rule: Rule
    clock_event: str
    clock_start_at: datetime | None
    due_at: datetime | None
    due_local: datetime | None
    deadline_kind: str  # fixed | no_fixed_deadline | latest_possible | before
    waiting_for: str | None
    why: tuple[str, ...]
    computation: tuple[str, ...] = ()
    transposition: dict | None = None  # the member state's law for an EU-wide duty

    @property
    def code(self) -> str:
        return self.rule.code

    def to_dict(self) -> dict[str, Any]:
        r = self.rule
        return {
            "rule": r.code,
            "jurisdiction": r.jurisdiction,
            "regime": r.regime,
            "recipient": r.recipient,
            "authority": r.authority,
            "stage": r.stage,
            "clock_start": {"event": self.clock_event, "at": _iso_utc(self.clock_start_at)},
            "due_at": _iso_utc(self.due_at),
            "due_local": self.due_local.isoformat() if self.due_local else None,
            "deadline_kind": self.deadline_kind,
            "timing_standard": r.timing_standard,
            "citation": r.citation,
            "waiting_for": self.waiting_for,
            "why": list(self.why),
            "rule_version": r.version,
            "computation": list(self.computation),
            "confidence": r.confidence,
            "rule_status": r.status,
            "kind": r.kind,
            "counterparty": r.counterparty,
            "contact": r.contact,
            **({"transposition": self.transposition} if self.transposition else {}),
        }


@dataclass(frozen=True)
class Exclusion:
    """A rule of a jurisdiction in play that does not apply, and why."""

    rule: Rule
    why: str
    displaced_by: str | None = None  # the rule that displaces this duty (precedence)
    in_force_from: date | None = None  # a rule not yet in force: the day it starts

    def to_dict(self) -> dict[str, Any]:
        out = {
            "rule": self.rule.code,
            "jurisdiction": self.rule.jurisdiction,
            "recipient": self.rule.recipient,
            "why": self.why,
            "regime": self.rule.regime,
            "rule_version": self.rule.version,
        }
        if self.displaced_by:
            out["displaced_by"] = self.displaced_by
        if self.in_force_from:
            out["in_force_from"] = self.in_force_from.isoformat()
        return out


@dataclass
class Evaluation:
    rulebook_version: str
    obligations: list[ObligationResult] = field(default_factory=list)
    not_applicable: list[Exclusion] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": OUTPUT_FORMAT,
            "rulebook": self.rulebook_version,
            "obligations": [o.to_dict() for o in self.obligations],
            "not_applicable": [e.to_dict() for e in self.not_applicable],
            "conflicts": [dict(c) for c in self.conflicts],
        }
