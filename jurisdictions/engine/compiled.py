"""A rule book indexed once (versions per code, rules per place, regions, calendars) so that an
evaluation touches only the rules in play. Pure; no Django.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from . import calendars as cal
from . import places
from .rules import Jurisdiction, Rule


class CompiledRulebook:
    """Indexes built once per rule book so that an evaluation touches only relevant rules."""

    def __init__(self, rules, jurisdictions):
        # The loader hands a {code: Jurisdiction} mapping; a plain sequence works too.
        if isinstance(jurisdictions, dict):
            jurisdictions = jurisdictions.values()
        self.jurisdictions: dict[str, Jurisdiction] = {j.code: j for j in jurisdictions}
        self.versions: dict[str, list[Rule]] = defaultdict(list)
        for rule in rules:
            self.versions[rule.code].append(rule)
        for versions in self.versions.values():
            versions.sort(key=lambda r: (r.effective_from or date.min, r.version))
        self.children: dict[str, list[str]] = defaultdict(list)
        for j in self.jurisdictions.values():
            if j.parent:
                self.children[j.parent].append(j.code)
        self.by_jurisdiction: dict[str, list[str]] = defaultdict(list)
        self.organisation_wide: list[str] = []
        self.contracts: list[str] = []
        # regime_code -> jurisdictions that have a lead-authority rule of that regime
        self.lead_authorities: dict[str, set[str]] = defaultdict(set)
        for code, versions in self.versions.items():
            first = versions[0]
            if first.kind == "contract":
                self.contracts.append(code)
            elif first.scope in ("organisation", "main_establishment"):
                self.organisation_wide.append(code)
            else:
                self.by_jurisdiction[first.jurisdiction].append(code)
            for v in versions:
                if v.scope == "lead_authority":
                    self.lead_authorities[v.regime_code].add(v.jurisdiction)
        # code -> the regions that contain it (itself, parents, regions listing it as a member)
        self.regions: dict[str, tuple[str, ...]] = {}
        containing: dict[str, set[str]] = defaultdict(set)
        for j in self.jurisdictions.values():
            for member in j.members or self._implied_members(j):
                containing[member].add(j.code)
        for code in self.jurisdictions:
            self.regions[code] = self._lineage(code, containing)
        self._containing = containing
        self._calendars: dict[str, cal.BusinessCalendar | None] = {}
        self._unlisted: dict[str, tuple[str, ...]] = {}
        # Precedence: displacement globs resolved against the rule codes, once per rule book.
        self.displacing = sorted(
            code for code, vs in self.versions.items() if any(r.displaces for r in vs)
        )
        self.pattern_targets: dict[str, frozenset[str]] = {}

    def _implied_members(self, j: Jurisdiction) -> tuple[str, ...]:
        # A store without a members list still has the EU/EEA flags: the EU entry then contains
        # every EEA-flagged state (GDPR applies in the EEA).
        if j.code == "EU":
            return tuple(c for c, other in self.jurisdictions.items() if other.eea and c != "EU")
        return ()

    def _lineage(self, code: str, containing) -> tuple[str, ...]:
        out: list[str] = []
        todo = [code]
        while todo:
            current = todo.pop()
            if current in out:
                continue
            out.append(current)
            j = self.jurisdictions.get(current)
            if j and j.parent:
                todo.append(j.parent)
            todo.extend(sorted(containing.get(current, ())))
        return tuple(out)

    def lineage(self, code: str) -> tuple[str, ...]:
        found = self.regions.get(code) or self._unlisted.get(code)
        if found is not None:
            return found
        # A code the rule book does not list (e.g. CA-ON, GB-LND): it still belongs to its ISO
        # parents, up to the first place the rule book knows (in the end, its country).
        chain = [code]
        for parent in places.parents(code):
            if parent in self.regions:
                chain.extend(self.regions[parent])
                break
            chain.append(parent)
        found = self._unlisted[code] = tuple(chain)
        return found

    def has_rules(self, code: str) -> bool:
        """Whether the rule book has rules of this place's own (not only of its country)."""
        return bool(self.by_jurisdiction.get(code))

    def name(self, code: str) -> str:
        j = self.jurisdictions.get(code)
        if j:
            return j.name
        return places.name(code) or code

    def calendar(self, key: str) -> cal.BusinessCalendar | None:
        """A business calendar by jurisdiction code or market code (cached)."""
        if key in self._calendars:
            return self._calendars[key]
        found = None
        j = self.jurisdictions.get(key)
        if j and j.holiday_country:
            found = cal.BusinessCalendar(
                label=f"{j.name} public holidays",
                kind="country",
                code=j.holiday_country,
                subdivision=j.holiday_subdivision,
                extra_closures=j.extra_closures,
            )
        elif j is None:
            import holidays

            if key in holidays.list_supported_financial():
                found = cal.BusinessCalendar(
                    label=f"{key} market holidays", kind="market", code=key
                )
        self._calendars[key] = found
        return found


_COMPILED: dict[tuple[int, int], tuple[Any, Any, CompiledRulebook]] = {}


def compile_rulebook(rules, jurisdictions) -> CompiledRulebook:
    """The compiled form of a rule book, cached while the same objects are passed in."""
    key = (id(rules), id(jurisdictions))
    hit = _COMPILED.get(key)
    if hit and hit[0] is rules and hit[1] is jurisdictions:
        return hit[2]
    compiled = CompiledRulebook(rules, jurisdictions)
    if len(_COMPILED) > 16:
        _COMPILED.clear()
    _COMPILED[key] = (rules, jurisdictions, compiled)
    return compiled
