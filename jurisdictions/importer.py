"""Loading a rule-book file into the database: plan first (validated, nothing written), then apply.

Used by the data migration (a fresh ``migrate`` has the shipped rule book), by ``import_rules``
and by the start-up script, which loads the shipped file on every start. So a re-import of an
unchanged file must change nothing, and it must never undo an edit made in the console:

* every row remembers a fingerprint of the file entry it was loaded from (``source_fingerprint``);
  an entry whose fingerprint a row already carries, or that equals a published version, is skipped;
* a new version number becomes a new published version;
* a changed entry for a version number the database already has is a correction: a new version
  (next free number) replaces it for the same period, and the old row is kept as ``superseded``.

Rules and jurisdictions missing from the file are left alone (the organisation's contract clauses
live only in the database). Works on the live models and on a migration's historical models
(``models`` namespace), so it uses only fields and managers, never model methods.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from jurisdictions.engine.serialization import (
    RulebookData,
    RulebookError,
    jurisdiction_from_dict,
    jurisdiction_to_dict,
    rule_from_dict,
    rule_to_dict,
    validate_rules,
)
from jurisdictions.models import columns_from_entry, fingerprint, version_to_entry

PUBLISHED = "published"
SUPERSEDED = "superseded"


def live_models() -> SimpleNamespace:
    from jurisdictions import models

    return SimpleNamespace(
        Jurisdiction=models.Jurisdiction,
        HolidayClosure=models.HolidayClosure,
        Regime=models.Regime,
        Rule=models.Rule,
        RuleVersion=models.RuleVersion,
        RuleChange=models.RuleChange,
        RulebookState=models.RulebookState,
    )


def _jurisdiction_core(j) -> dict:
    """A jurisdiction's fields without its closure days (closures are merged, not replaced)."""
    entry = jurisdiction_to_dict(j)
    entry.pop("extra_closures", None)
    return entry


def _row_core(row) -> dict:
    return {
        "code": row.code,
        "name": row.name,
        "parent": row.parent.code if row.parent_id else None,
        "timezone": row.timezone,
        "holiday_country": row.holiday_country or None,
        "holiday_subdivision": row.holiday_subdivision or None,
        "eu": row.eu,
        "eea": row.eea,
        # A migration-state model from before the column existed has no members.
        "members": list(getattr(row, "members", None) or []),
    }


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist on live and migration-state models
        return False
    return True


def canonical_rule(entry_or_rule) -> dict:
    """The full, normalised dict of a rule (defaults filled in), for comparisons."""
    return rule_to_dict(rule_from_dict(entry_or_rule))


@dataclass
class RuleStep:
    """One rule version the import would write."""

    code: str
    entry: dict  # canonical rule dict, with the version number it will get
    source_fingerprint: str
    replaces_pk: int | None = None  # the published row it corrects (kept as superseded)
    replaces_version: int | None = None
    new_rule: bool = False

    def describe(self) -> str:
        if self.new_rule:
            return f"new rule {self.code} (version {self.entry['version']})"
        if self.replaces_pk:
            return (
                f"{self.code}: version {self.entry['version']} replaces version "
                f"{self.replaces_version} (corrected text for the same period)"
            )
        return (
            f"{self.code}: new version {self.entry['version']} from "
            f"{self.entry.get('effective_from') or 'the beginning'}"
        )


@dataclass
class ImportPlan:
    """What an import would change. Empty lists = re-import of what is already there."""

    version: str
    new_jurisdictions: list[dict] = field(default_factory=list)
    changed_jurisdictions: list[tuple[dict, dict, str]] = field(default_factory=list)
    jurisdiction_fingerprints: dict[str, str] = field(default_factory=dict)
    new_closures: list[tuple[str, date]] = field(default_factory=list)
    new_regimes: dict[str, str] = field(default_factory=dict)
    rule_steps: list[RuleStep] = field(default_factory=list)
    unchanged_rules: int = 0
    # The rule book after the import (engine objects), for the impact preview.
    rules_after: tuple = ()
    jurisdictions_after: tuple = ()

    @property
    def is_noop(self) -> bool:
        return not (
            self.new_jurisdictions
            or self.changed_jurisdictions
            or self.new_closures
            or self.new_regimes
            or self.rule_steps
        )

    def lines(self) -> list[str]:
        out = [f"new jurisdiction {j['code']} ({j['name']})" for j in self.new_jurisdictions]
        for before, after, _fp in self.changed_jurisdictions:
            changed = [k for k in after if before.get(k) != after.get(k)]
            out.append(
                f"jurisdiction {after['code']}: "
                + ", ".join(f"{k} {before.get(k)!r} -> {after.get(k)!r}" for k in changed)
            )
        out += [f"closure day {code} {day.isoformat()}" for code, day in self.new_closures]
        out += [step.describe() for step in self.rule_steps]
        return out


def _check_lengths(where: str, values: dict, model) -> None:
    """Refuse text longer than its column: SQLite would store it and PostgreSQL refuse it."""
    for name, value in values.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        limit = getattr(field, "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            raise RulebookError(
                where, name, f"is {len(value)} characters long; at most {limit} fit"
            )


def plan_import(data: RulebookData, models: SimpleNamespace | None = None) -> ImportPlan:
    """Compare a validated rule-book file with the database; raise ``RulebookError`` if the
    result would not be a valid rule book (e.g. a new version overlapping a console edit)."""
    m = models or live_models()
    plan = ImportPlan(version=data.version)

    rows = {j.code: j for j in m.Jurisdiction.objects.select_related("parent")}
    closures = {}
    for code, day in m.HolidayClosure.objects.values_list("jurisdiction__code", "day"):
        closures.setdefault(code, set()).add(day)
    final_jurisdictions: dict[str, object] = {}
    for code, row in rows.items():
        final_jurisdictions[code] = jurisdiction_from_dict(
            {**_row_core(row), "extra_closures": sorted(closures.get(code, ()))}
        )
    for j in data.jurisdictions:
        core = _jurisdiction_core(j)
        _check_lengths(f"jurisdiction {j.code}", core, m.Jurisdiction)
        fp = fingerprint(core)
        plan.jurisdiction_fingerprints[j.code] = fp
        row = rows.get(j.code)
        if row is None:
            plan.new_jurisdictions.append(core)
        elif row.source_fingerprint != fp and _row_core(row) != core:
            plan.changed_jurisdictions.append((_row_core(row), core, fp))
        have = closures.get(j.code, set())
        for day in j.extra_closures:
            if day not in have:
                plan.new_closures.append((j.code, day))
        if row is None or (row.source_fingerprint != fp and _row_core(row) != core):
            merged = sorted(set(j.extra_closures) | have)
            final_jurisdictions[j.code] = dataclasses.replace(j, extra_closures=tuple(merged))
    plan.jurisdictions_after = tuple(final_jurisdictions.values())

    regimes = set(m.Regime.objects.values_list("code", flat=True))
    for rule in data.rules:
        if rule.regime_code not in regimes and rule.regime_code not in plan.new_regimes:
            plan.new_regimes[rule.regime_code] = rule.regime

    versions: dict[str, list] = {}
    for row in m.RuleVersion.objects.select_related("rule__jurisdiction", "regime"):
        versions.setdefault(row.rule.code, []).append(row)
    rule_jurisdiction = dict(m.Rule.objects.values_list("code", "jurisdiction__code"))
    final_rules: dict[tuple[str, int], object] = {}
    for code, rows_of_rule in versions.items():
        for row in rows_of_rule:
            if row.publication == PUBLISHED:
                final_rules[(code, row.version)] = rule_from_dict(version_to_entry(row))

    # Numbers the file itself uses are reserved, so a corrected entry never takes one of them.
    file_numbers: dict[str, set[int]] = {}
    for rule in data.rules:
        file_numbers.setdefault(rule.code, set()).add(rule.version)
    next_number = {
        code: max({r.version for r in rs} | file_numbers.get(code, set())) + 1
        for code, rs in versions.items()
    }
    for rule in data.rules:
        entry = rule_to_dict(rule)
        _check_lengths(rule.code, columns_from_entry(entry, m.RuleVersion), m.RuleVersion)
        fp = fingerprint(entry)
        existing = versions.get(rule.code, [])
        if rule.code in rule_jurisdiction and rule_jurisdiction[rule.code] != rule.jurisdiction:
            raise RulebookError(
                rule.code,
                "jurisdiction",
                f"is {rule_jurisdiction[rule.code]} in the database; a rule code cannot move to "
                f"{rule.jurisdiction} (give the new duty its own code)",
            )
        if any(r.source_fingerprint == fp for r in existing) or any(
            r.publication == PUBLISHED and canonical_rule(version_to_entry(r)) == entry
            for r in existing
        ):
            plan.unchanged_rules += 1
            continue
        same_number = [r for r in existing if r.version == rule.version]
        taken = {r.version for r in existing} | {
            s.entry["version"] for s in plan.rule_steps if s.code == rule.code
        }
        if not same_number and rule.version not in taken:
            step = RuleStep(
                rule.code,
                entry,
                fp,
                new_rule=not existing and rule.code not in {s.code for s in plan.rule_steps},
            )
        else:
            number = max(next_number.get(rule.code, 1), max(taken) + 1)
            next_number[rule.code] = number + 1
            old = next((r for r in same_number if r.publication == PUBLISHED), None)
            corrected = {**entry, "version": number}
            if old and old.effective_to and not entry.get("effective_to"):
                # The console ended this version when it published a later one; a corrected
                # text from the file keeps that end date instead of overlapping the later one.
                corrected["effective_to"] = old.effective_to.isoformat()
            step = RuleStep(
                rule.code,
                corrected,
                fp,
                replaces_pk=old.pk if old else None,
                replaces_version=old.version if old else None,
            )
            if old:
                final_rules.pop((rule.code, old.version), None)
        plan.rule_steps.append(step)
        final_rules[(rule.code, step.entry["version"])] = rule_from_dict(step.entry)
    plan.rules_after = tuple(final_rules.values())
    # The whole rule book after the import must still be valid: missing rules named by a clock
    # start, business days without a calendar, overlapping versions...
    validate_rules(plan.rules_after, plan.jurisdictions_after)
    return plan


def apply_import(
    plan: ImportPlan, *, user=None, models: SimpleNamespace | None = None, note: str = ""
) -> None:
    """Write the plan in one transaction, with a history row for each change."""
    if plan.is_noop:
        return
    m = models or live_models()
    now = timezone.now()
    user_id = getattr(user, "pk", None)
    reason = note or f"rule book {plan.version} loaded"
    with transaction.atomic():
        rows = {j.code: j for j in m.Jurisdiction.objects.all()}
        members_column = _has_field(m.Jurisdiction, "members")
        for core in plan.new_jurisdictions:
            rows[core["code"]] = m.Jurisdiction.objects.create(
                code=core["code"],
                name=core["name"],
                timezone=core["timezone"],
                holiday_country=core["holiday_country"] or "",
                holiday_subdivision=core["holiday_subdivision"] or "",
                eu=core["eu"],
                eea=core["eea"],
                source_fingerprint=plan.jurisdiction_fingerprints[core["code"]],
                **({"members": core["members"]} if members_column else {}),
            )
        for before, core, fp in plan.changed_jurisdictions:
            row = rows[core["code"]]
            for key in ("name", "timezone", "eu", "eea"):
                setattr(row, key, core[key])
            if members_column:
                row.members = core["members"]
            row.holiday_country = core["holiday_country"] or ""
            row.holiday_subdivision = core["holiday_subdivision"] or ""
            row.source_fingerprint = fp
            row.save()
            m.RuleChange.objects.create(
                at=now,
                user_id=user_id,
                action="jurisdiction",
                jurisdiction=row,
                summary=f"Jurisdiction {row.code} updated ({reason})",
                before=before,
                after=core,
            )
        # Parents after every row exists (a file may list US-CA before US).
        for core in plan.new_jurisdictions + [c for _b, c, _f in plan.changed_jurisdictions]:
            parent = rows.get(core["parent"]) if core["parent"] else None
            row = rows[core["code"]]
            if (parent.pk if parent else None) != row.parent_id:
                row.parent = parent
                row.save(update_fields=["parent"])
        for code, day in plan.new_closures:
            m.HolidayClosure.objects.create(
                jurisdiction=rows[code],
                day=day,
                reason=f"from rule book {plan.version}",
                created_by_id=user_id,
            )
        regimes = {r.code: r for r in m.Regime.objects.all()}
        for code, name in plan.new_regimes.items():
            regimes[code] = m.Regime.objects.create(code=code, name=name)
        rules = {r.code: r for r in m.Rule.objects.all()}
        for step in plan.rule_steps:
            entry = step.entry
            rule = rules.get(step.code)
            if rule is None:
                rule = rules[step.code] = m.Rule.objects.create(
                    code=step.code, jurisdiction=rows[entry["jurisdiction"]]
                )
                m.RuleChange.objects.create(
                    at=now,
                    user_id=user_id,
                    action="created",
                    rule=rule,
                    summary=f"Rule {step.code} created ({reason})",
                )
            columns = columns_from_entry(entry, m.RuleVersion)
            replaced = None
            if step.replaces_pk:
                replaced = m.RuleVersion.objects.get(pk=step.replaces_pk)
                replaced.publication = SUPERSEDED
                replaced.save(update_fields=["publication"])
            version = m.RuleVersion.objects.create(
                rule=rule,
                version=entry["version"],
                publication=PUBLISHED,
                replaces=replaced,
                regime=regimes[entry["regime_code"]],
                regime_name=entry["regime"],
                source_fingerprint=step.source_fingerprint,
                created_by_id=user_id,
                created_at=now,
                published_by_id=user_id,
                published_at=now,
                change_note=reason,
                **columns,
            )
            m.RuleChange.objects.create(
                at=now,
                user_id=user_id,
                action="imported",
                rule=rule,
                rule_version=version,
                summary=f"{step.describe()} ({reason})",
                before=version_to_entry(replaced) if replaced else None,
                after=entry,
            )
        m.RulebookState.objects.get_or_create(pk=1)
        m.RulebookState.objects.filter(pk=1).update(
            revision=F("revision") + 1, label=plan.version, changed_at=now
        )
