"""Database rows -> the plain rule objects the engine reads, cached per rule-book revision.

``current_rulebook()`` costs one small query when nothing changed (the revision counter); after a
change anywhere (console, import, another process) it reloads all published versions in one query
and the jurisdictions with their closure days in two more.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from jurisdictions.engine.rules import Jurisdiction as EngineJurisdiction
from jurisdictions.engine.rules import Rule as EngineRule
from jurisdictions.engine.serialization import jurisdiction_from_dict, rule_from_dict


@dataclass(frozen=True)
class Rulebook:
    """Every published rule version (the engine picks the one in force at each clock start)."""

    version: str
    rules: tuple[EngineRule, ...]
    jurisdictions: dict[str, EngineJurisdiction] = field(hash=False)
    revision: int = 0

    def versions_of(self, code: str) -> list[EngineRule]:
        return sorted((r for r in self.rules if r.code == code), key=lambda r: r.version)


_lock = threading.Lock()
_cache: dict[tuple, Rulebook] = {}


def _state() -> tuple[int, str, object]:
    from jurisdictions.models import RulebookState

    row = RulebookState.objects.filter(pk=1).values_list("revision", "label", "changed_at").first()
    return row or (0, "", None)


def engine_jurisdictions() -> dict[str, EngineJurisdiction]:
    from jurisdictions.models import HolidayClosure, Jurisdiction

    closures: dict[int, list] = {}
    for jurisdiction_id, day in HolidayClosure.objects.values_list("jurisdiction_id", "day"):
        closures.setdefault(jurisdiction_id, []).append(day)
    out = {}
    for row in Jurisdiction.objects.select_related("parent"):
        out[row.code] = jurisdiction_from_dict(row.to_engine_dict(closures.get(row.pk, [])))
    return out


def published_rules() -> tuple[EngineRule, ...]:
    from jurisdictions.choices import Publication
    from jurisdictions.models import RuleVersion

    rows = RuleVersion.objects.filter(publication=Publication.PUBLISHED).select_related(
        "rule__jurisdiction", "regime"
    )
    return tuple(rule_from_dict(row.to_rule_dict()) for row in rows)


def current_rulebook() -> Rulebook:
    """The published rule book; reloaded only when its revision changed."""
    revision, label, changed_at = _state()
    # The change time is part of the key: a rolled-back transaction can reuse a revision number.
    key = (revision, label, changed_at)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    with _lock:
        rulebook = Rulebook(
            version=label or "unversioned",
            rules=published_rules(),
            jurisdictions=engine_jurisdictions(),
            revision=revision,
        )
        _cache.clear()
        _cache[key] = rulebook
    return rulebook


def clear_cache() -> None:
    _cache.clear()
