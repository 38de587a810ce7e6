"""Rule book serialization: round trips, and refusals that name the rule and the field."""

import copy
from datetime import date

import pytest
import yaml

from jurisdictions.engine.rules import Jurisdiction, Limit, Rule, Threshold
from jurisdictions.engine.serialization import (
    RulebookError,
    jurisdiction_from_dict,
    jurisdiction_to_dict,
    load_rulebook_data,
    read_rulebook_file,
    rule_from_dict,
    rule_to_dict,
    rulebook_to_dict,
)

CA = {
    "code": "US-CA",
    "name": "California",
    "parent": "US",
    "timezone": "America/Los_Angeles",
    "holiday_country": "US",
    "holiday_subdivision": "CA",
}
US = {
    "code": "US",
    "name": "United States",
    "timezone": "America/New_York",
    "holiday_country": "US",
}
EU = {"code": "EU", "name": "European Union"}
IND = {
    "code": "US-CA-IND",
    "jurisdiction": "US-CA",
    "regime": "California Civil Code 1798.82",
    "regime_code": "us-ca-breach",
    "recipient": "individuals",
    "authority": "Affected California residents",
    "citation": "Cal. Civ. Code 1798.82(a)",
    "clock_start": "discovered_at",
    "timing_standard": "most expedient time possible",
    "data_condition": {"any": [{"all": ["name", {"any": ["ssn", "drivers_license"]}]}]},
}
AG = {
    **IND,
    "code": "US-CA-AG",
    "recipient": "attorney_general",
    "authority": "California Attorney General",
    "clock_start": "notice:US-CA-IND",
    "deadline_amount": 15,
    "deadline_unit": "calendar_days",
    "threshold": {"op": ">", "value": 500, "counted": "jurisdiction"},
}


def book(**changes):
    data = {
        "format": "breachclock.rulebook/1",
        "version": "2026-11-27",
        "jurisdictions": [US, CA, EU],
        "rules": [IND, AG],
    }
    data.update(changes)
    return copy.deepcopy(data)


def test_rule_round_trip_is_json_safe():
    rule = Rule(
        code="EU-DORA-INITIAL",
        jurisdiction="EU",
        regime="DORA",
        regime_code="dora",
        recipient="sector_regulator",
        authority="Competent authority",
        citation="Reg. (EU) 2022/2554 Art 19",
        clock_start="classified_major_at",
        timing_standard="4h after classification, 24h after awareness",
        requires_subject_to=("dora",),
        data_condition=None,
        threshold=Threshold(">=", 500, "total"),
        deadline_amount=4,
        deadline_unit="hours",
        also_not_later_than=Limit("aware_at", 24, "hours"),
        sources=("RTS",),
        effective_from=date(2025, 1, 17),
    )
    data = rule_to_dict(rule)
    assert data["effective_from"] == "2025-01-17"
    assert data["also_not_later_than"] == {"event": "aware_at", "amount": 24, "unit": "hours"}
    assert data["requires_subject_to"] == ["dora"]
    assert yaml.safe_load(yaml.safe_dump(data)) == data
    assert rule_from_dict(data) == rule
    assert rule_from_dict(rule_to_dict(rule, compact=True)) == rule


def test_jurisdiction_round_trip():
    j = Jurisdiction(
        code="US-VT",
        name="Vermont",
        parent="US",
        timezone="America/New_York",
        holiday_country="US",
        holiday_subdivision="VT",
        extra_closures=(date(2026, 12, 24),),
    )
    data = jurisdiction_to_dict(j)
    assert data["extra_closures"] == ["2026-12-24"]
    assert jurisdiction_from_dict(data) == j


def test_error_message_reads_like_the_contract():
    with pytest.raises(RulebookError) as caught:
        rule_from_dict({**AG, "deadline_unit": "weeks"})
    assert str(caught.value).startswith(
        "rule US-CA-AG, field deadline_unit: must be one of hours, calendar_days, business_days, "
        "months"
    )
    assert caught.value.rule_code == "US-CA-AG"
    assert caught.value.field == "deadline_unit"


@pytest.mark.parametrize(
    ("change", "code", "field", "words"),
    [
        ({"recipient": "press"}, "US-CA-AG", "recipient", "must be one of"),
        ({"citation": None}, "US-CA-AG", "citation", "required"),
        ({"clock_start": "hacked_at"}, "US-CA-AG", "clock_start", "must be one of"),
        ({"clock_start": "notice:US-CA-NOPE"}, "US-CA-AG", "clock_start", "missing rule"),
        ({"threshold": {"op": ">", "value": 500}}, "US-CA-AG", "threshold.counted", "required"),
        (
            {"threshold": {"op": "=>", "value": 500, "counted": "jurisdiction"}},
            "US-CA-AG",
            "threshold.op",
            "must be one of",
        ),
        (
            {"threshold": {"op": ">", "value": -1, "counted": "total"}},
            "US-CA-AG",
            "threshold.value",
            "whole number",
        ),
        ({"jurisdiction": "US-ZZ"}, "US-CA-AG", "jurisdiction", "unknown jurisdiction"),
        (
            {"data_condition": {"any": ["ssn", "shoe_size"]}},
            "US-CA-AG",
            "data_condition.any.1",
            "unknown data category",
        ),
        ({"data_condition": {"none": ["ssn"]}}, "US-CA-AG", "data_condition", "any or all"),
        ({"min_risk": "medium"}, "US-CA-AG", "min_risk", "must be one of"),
        ({"scope": "everyone"}, "US-CA-AG", "scope", "must be one of"),
        ({"effective_from": "2026-13-01"}, "US-CA-AG", "effective_from", "not a date"),
        ({"timezone": "Mars/Olympus"}, "US-CA-AG", "timezone", "unknown time zone"),
        ({"deadline_amount": 0}, "US-CA-AG", "deadline_amount", "whole number"),
        ({"deadline_cutoff": "25:00"}, "US-CA-AG", "deadline_cutoff", "HH:MM"),
        ({"holiday_calendar": "MOON"}, "US-CA-AG", "holiday_calendar", "unknown calendar"),
        ({"confidence": "certain"}, "US-CA-AG", "confidence", "must be one of"),
        (
            {"also_not_later_than": {"event": "aware_at", "amount": 24}},
            "US-CA-AG",
            "also_not_later_than.unit",
            "must be one of",
        ),
        ({"colour": "red"}, "US-CA-AG", "colour", "unknown field"),
        ({"deadline_anchor": "fiscal_year_end"}, "US-CA-AG", "deadline_anchor", "must be one of"),
        (
            {"deadline_anchor": "calendar_year_end", "deadline_amount": None},
            "US-CA-AG",
            "deadline_anchor",
            "needs a deadline_amount",
        ),
    ],
)
def test_bad_rule_is_refused_naming_rule_and_field(change, code, field, words):
    data = book(rules=[IND, {**AG, **change}])
    with pytest.raises(RulebookError) as caught:
        load_rulebook_data(data)
    assert caught.value.rule_code == code
    assert caught.value.field == field
    assert words in str(caught.value)


def test_business_days_need_a_holiday_calendar():
    rule = {
        **AG,
        "code": "EU-X",
        "jurisdiction": "EU",
        "clock_start": "aware_at",
        "deadline_unit": "business_days",
        "deadline_amount": 4,
    }
    with pytest.raises(RulebookError) as caught:
        load_rulebook_data(book(rules=[IND, AG, rule]))
    assert (caught.value.rule_code, caught.value.field) == ("EU-X", "holiday_calendar")
    # a market calendar makes it countable
    ok = load_rulebook_data(book(rules=[IND, AG, {**rule, "holiday_calendar": "NYSE"}]))
    assert len(ok.rules) == 3


def test_versions_may_coexist_but_not_overlap():
    old = {**AG, "version": 1, "effective_to": "2025-12-31"}
    new = {**AG, "version": 2, "effective_from": "2026-01-01", "deadline_amount": 30}
    data = load_rulebook_data(book(rules=[IND, old, new]))
    assert [r.version for r in data.rules if r.code == "US-CA-AG"] == [1, 2]
    clash = {**new, "effective_from": "2025-12-31"}
    with pytest.raises(RulebookError) as caught:
        load_rulebook_data(book(rules=[IND, old, clash]))
    assert (caught.value.rule_code, caught.value.field) == ("US-CA-AG", "effective_from")
    assert "overlaps" in str(caught.value)


@pytest.mark.parametrize(
    ("jurisdiction", "field", "words"),
    [
        ({**CA, "timezone": "America/Hollywood"}, "timezone", "unknown time zone"),
        ({**CA, "holiday_subdivision": "ZZ"}, "holiday_subdivision", "no subdivision"),
        ({**CA, "holiday_country": "QQ"}, "holiday_country", "no calendar"),
        ({**CA, "parent": "USA"}, "parent", "unknown jurisdiction"),
    ],
)
def test_bad_jurisdiction_is_refused(jurisdiction, field, words):
    with pytest.raises(RulebookError) as caught:
        load_rulebook_data(book(jurisdictions=[US, jurisdiction, EU]))
    assert caught.value.field == field
    assert "jurisdiction US-CA" in str(caught.value)
    assert words in str(caught.value)


def test_document_level_errors():
    with pytest.raises(RulebookError, match="format"):
        load_rulebook_data(book(format="rules/2"))
    with pytest.raises(RulebookError, match="version"):
        load_rulebook_data(book(version="next week"))
    with pytest.raises(RulebookError, match="circular"):
        load_rulebook_data(book(rules=[{**IND, "clock_start": "notice:US-CA-AG"}, AG]))


def test_file_round_trip(tmp_path):
    data = load_rulebook_data(book())
    path = tmp_path / "rulebook.yaml"
    path.write_text(yaml.safe_dump(rulebook_to_dict(data), sort_keys=False))
    assert read_rulebook_file(path) == data
    assert read_rulebook_file(tmp_path) == data
    path.write_text("rules: [unclosed")
    with pytest.raises(RulebookError, match="not valid YAML"):
        read_rulebook_file(path)


def test_a_store_without_the_newer_columns_evaluates_the_same():
    """The database keeps ``extra`` but may lack ``members``, ``relief_not_for``, ``causes_any``."""
    import dataclasses

    from jurisdictions.engine.clocks import evaluate
    from jurisdictions.engine.facts import parse_facts
    from jurisdictions.engine.serialization import default_rulebook_path

    shipped = read_rulebook_file(default_rulebook_path())
    stored_rules = []
    for r in shipped.rules:
        d = rule_to_dict(r)
        d.pop("relief_not_for")
        d.pop("causes_any")
        d.pop("deadline_anchor")
        stored_rules.append(rule_from_dict(d))
    stored_jurisdictions = [dataclasses.replace(j, members=()) for j in shipped.jurisdictions]
    facts = parse_facts(
        {
            "events": {
                "discovered_at": "2026-06-06T09:00:00Z",
                "classified_major_at": "2026-06-06T09:00:00Z",
            },
            "organisation": {"subject_to": ["dora:credit_institution"], "main_establishment": "DE"},
            "data": ["name", "payment_card"],
            "risk_of_harm": "high",
            "cause": "misdirected_disclosure",
            "affected": {"DE": 10, "NO": 5, "JP": 3},
        }
    )
    a = evaluate(facts, shipped.rules, shipped.jurisdictions, rulebook_version="x").to_dict()
    b = evaluate(facts, tuple(stored_rules), stored_jurisdictions, rulebook_version="x").to_dict()
    assert a == b
    owed = {o["rule"] for o in a["obligations"]}
    assert "EU-GDPR-34-DS" in owed  # EEA residents count for the EU entry
    assert "JP-APPI-PPC-WRONGFUL" not in owed  # the cause limb survived
    initial = next(o for o in a["obligations"] if o["rule"] == "EU-DORA-19-NCA")
    assert initial["due_at"] == "2026-06-06T13:00:00Z"  # no relief for credit institutions
