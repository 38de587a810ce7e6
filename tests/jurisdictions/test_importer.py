"""Loading rule-book files: validation, idempotency, new versions, and console edits kept."""

from __future__ import annotations

import yaml

from jurisdictions.engine.serialization import (
    RulebookError,
    load_rulebook_data,
    read_rulebook_file,
)
from jurisdictions.importer import apply_import, plan_import
from jurisdictions.loader import current_rulebook
from jurisdictions.models import HolidayClosure, Jurisdiction, Rule, RuleChange, RuleVersion

from .conftest import RULEBOOK


def _data(mutate=None):
    doc = yaml.safe_load(RULEBOOK.read_text())
    if mutate:
        mutate(doc)
    return load_rulebook_data(doc)


def _rule(doc, code):
    return next(r for r in doc["rules"] if r["code"] == code)


def test_fixture_loads_every_row(rulebook):
    assert Jurisdiction.objects.count() == 5
    assert Jurisdiction.objects.get(code="US-CA").parent.code == "US"
    assert Rule.objects.count() == 6
    assert RuleVersion.objects.filter(publication="published").count() == 6
    assert RuleChange.objects.filter(action="imported").count() == 6


def test_reimport_of_unchanged_file_is_a_noop(rulebook):
    plan = plan_import(read_rulebook_file(RULEBOOK))
    assert plan.is_noop
    assert plan.unchanged_rules == 6


def test_changed_entry_becomes_a_new_version_and_keeps_the_old(rulebook):
    def change(doc):
        _rule(doc, "US-TX-AG")["deadline_amount"] = 60

    plan = plan_import(_data(change))
    assert [s.describe() for s in plan.rule_steps] == [
        "US-TX-AG: version 2 replaces version 1 (corrected text for the same period)"
    ]
    apply_import(plan)
    versions = list(RuleVersion.objects.filter(rule__code="US-TX-AG").order_by("version"))
    assert [(v.version, v.publication, v.deadline_amount) for v in versions] == [
        (1, "superseded", 30),
        (2, "published", 60),
    ]
    # The same changed file again changes nothing.
    assert plan_import(_data(change)).is_noop


def test_new_version_with_effective_dates(rulebook):
    def amend(doc):
        old = _rule(doc, "US-CA-AG")
        old["effective_to"] = "2026-12-31"
        doc["rules"].append(
            {
                **old,
                "version": 2,
                "deadline_amount": 15,
                "effective_from": "2027-01-01",
                "effective_to": None,
            }
        )

    apply_import(plan_import(_data(amend)))
    rb = current_rulebook()
    versions = rb.versions_of("US-CA-AG")
    assert sorted(
        (str(r.effective_from), str(r.effective_to), r.deadline_amount, r.version) for r in versions
    ) == [("2027-01-01", "None", 15, 2), ("None", "2026-12-31", 30, 3)]
    assert plan_import(_data(amend)).is_noop


def test_overlapping_versions_are_refused_and_nothing_changes(rulebook):
    def overlap(doc):
        old = _rule(doc, "US-CA-AG")
        doc["rules"].append({**old, "version": 2, "effective_from": "2027-01-01"})

    before = RuleVersion.objects.count()
    try:
        plan_import(_data(overlap))
    except Exception as error:  # RulebookError
        assert "US-CA-AG" in str(error) and "effective_from" in str(error)
    else:
        raise AssertionError("overlap accepted")
    assert RuleVersion.objects.count() == before


def test_console_edits_are_not_undone_by_the_shipped_file(rulebook):
    vt = Jurisdiction.objects.get(code="US-VT")
    vt.name = "State of Vermont"
    vt.save()
    assert plan_import(read_rulebook_file(RULEBOOK)).is_noop


def test_closure_days_are_merged(rulebook):
    def closure(doc):
        doc["jurisdictions"][3]["extra_closures"] = ["2026-12-24"]

    apply_import(plan_import(_data(closure)))
    assert HolidayClosure.objects.get(jurisdiction__code="US-VT").day.isoformat() == "2026-12-24"
    assert current_rulebook().jurisdictions["US-VT"].extra_closures[0].isoformat() == "2026-12-24"


def test_shipped_correction_keeps_the_end_date_the_console_set(rulebook):
    """The console published a later version (ending version 1); the shipped file then corrects
    version 1's notes: the correction keeps the end date, so start-up imports still succeed."""
    from datetime import date

    from jurisdictions.models import RuleVersion
    from jurisdictions.services import publish, save_draft

    v1 = RuleVersion.objects.get(rule__code="US-TX-AG")
    draft = RuleVersion.objects.get(pk=v1.pk)
    draft.pk = draft.id = None
    draft._state.adding = True
    draft.deadline_amount = 45
    draft.effective_from = date(2026, 9, 1)
    publish([save_draft(draft, user=None, base=v1)], user=None, recompute=False)

    def correct(doc):
        _rule(doc, "US-TX-AG")["notes"] = "Corrected reading."

    apply_import(plan_import(_data(correct)))
    published = RuleVersion.objects.filter(rule__code="US-TX-AG", publication="published")
    assert sorted((v.notes, str(v.effective_to)) for v in published) == [
        ("", "None"),
        ("Corrected reading.", "2026-08-31"),
    ]
    assert plan_import(_data(correct)).is_noop


def test_text_longer_than_its_column_is_refused_on_every_database(rulebook):
    # SQLite would store it; PostgreSQL refuses it mid-import. The plan names the field first.
    def long_contact(doc):
        _rule(doc, "US-CA-AG")["contact"] = "x" * 201

    def long_name(doc):
        next(j for j in doc["jurisdictions"] if j["code"] == "US-CA")["name"] = "y" * 121

    for mutate, where, field in (
        (long_contact, "US-CA-AG", "contact"),
        (long_name, "US-CA", "name"),
    ):
        try:
            plan_import(_data(mutate))
        except RulebookError as error:
            assert where in str(error) and field in str(error) and "at most" in str(error)
        else:
            raise AssertionError(f"an over-long {field} was accepted")
