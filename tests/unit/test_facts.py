"""Facts parsing: defaults of the spec, and errors that name the field."""

from datetime import UTC, date, datetime

import pytest

from jurisdictions.engine.facts import FactsError, facts_to_dict, parse_facts

BASE = {
    "format": "breachclock.facts/1",
    "events": {"discovered_at": "2026-03-27T17:00:00+01:00"},
    "organisation": {"role": "controller", "main_establishment": "DE", "established_in": ["DE"]},
    "data": ["name", "contact"],
    "affected": {"DE": 9000, "US-CA": 600},
}


def with_(**changes):
    return {**BASE, **changes}


def test_event_defaults_chain_from_discovery():
    facts = parse_facts(BASE)
    discovered = datetime(2026, 3, 27, 16, 0, tzinfo=UTC)
    assert facts.events["discovered_at"] == discovered
    assert facts.events["aware_at"] == discovered
    assert facts.events["determined_at"] == discovered
    assert facts.events["scope_identified_at"] == discovered
    assert facts.events["materiality_determined_at"] is None
    assert facts.events["classified_major_at"] is None


def test_defaults_follow_the_nearest_stated_event():
    facts = parse_facts(
        with_(events={"discovered_at": "2026-03-01T00:00:00Z", "aware_at": "2026-03-02T00:00:00Z"})
    )
    assert facts.events["determined_at"] == datetime(2026, 3, 2, tzinfo=UTC)
    assert facts.events["scope_identified_at"] == datetime(2026, 3, 2, tzinfo=UTC)


def test_round_trip_keeps_what_was_stated():
    data = with_(
        notices_sent={"US-CA-IND": "2026-04-01T12:00:00-07:00"},
        systems=["checkout"],
        customers=["Acme Bank"],
        rules_as_of="2025-12-31",
    )
    facts = parse_facts(data)
    out = facts_to_dict(facts)
    assert out["events"] == {"discovered_at": "2026-03-27T17:00:00+01:00"}
    assert parse_facts(out) == facts
    assert facts.rules_as_of == date(2025, 12, 31)
    assert facts.notices_sent["US-CA-IND"] == datetime(2026, 4, 1, 19, tzinfo=UTC)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (with_(events={"discovered_at": "2026-03-27T17:00:00"}), "events.discovered_at", "offset"),
        (with_(events={}), "events.discovered_at", "required"),
        (with_(events={"aware_at": "2026-03-27T17:00:00Z"}), "events.discovered_at", "required"),
        (with_(events={"discovered_at": "yesterday"}), "events.discovered_at", "ISO 8601"),
        (
            with_(events={"discovered_at": "2026-03-27T17:00:00Z", "hacked_at": None}),
            "events.hacked_at",
            "unknown event",
        ),
        (with_(affected={"US-XX": 5}), "affected.US-XX", "unknown jurisdiction"),
        (with_(affected={"ZZ": 5}), "affected.ZZ", "unknown jurisdiction"),
        (with_(affected={"DE": -1}), "affected.DE", "negative"),
        (with_(affected={"DE": 2.5}), "affected.DE", "whole number"),
        (with_(affected={"DE": "12"}), "affected.DE", "whole number"),
        (with_(affected={"DE": True}), "affected.DE", "whole number"),
        (with_(data=["name", "shoe_size"]), "data.1", "unknown data category"),
        (with_(data="name"), "data", "list"),
        (with_(risk_of_harm="moderate"), "risk_of_harm", "must be one of"),
        (with_(cause="aliens"), "cause", "must be one of"),
        (with_(organisation={"role": "owner"}), "organisation.role", "must be one of"),
        (
            with_(organisation={"main_establishment": "XX"}),
            "organisation.main_establishment",
            "unknown jurisdiction",
        ),
        (with_(organisation={"subject_to": ["SEC"]}), "organisation.subject_to.0", "regime key"),
        (with_(encryption={"encrypted": "yes"}), "encryption.encrypted", "true or false"),
        (with_(rules_as_of="31/12/2025"), "rules_as_of", "date"),
        (with_(notices_sent={"US-CA-IND": "2026-04-01"}), "notices_sent.US-CA-IND", "offset"),
        (with_(format="breachclock.facts/3"), "format", "breachclock.facts/2"),
        (with_(colour="red"), "colour", "unknown field"),
        ([], "(document)", "object"),
    ],
)
def test_bad_facts_name_the_field(data, field, words):
    with pytest.raises(FactsError) as caught:
        parse_facts(data, known_jurisdictions={"DE", "FR", "US", "US-CA", "US-TX"})
    assert caught.value.field == field
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"{field}: ")


def test_subdivision_of_a_country_the_rule_book_does_not_split_is_accepted():
    facts = parse_facts(with_(affected={"CA-ON": 3}), known_jurisdictions={"US", "US-CA", "CA"})
    assert facts.affected == {"CA-ON": 3}


def test_dora_entity_type_after_a_colon_is_a_regime_key():
    facts = parse_facts(with_(organisation={"subject_to": ["dora:credit_institution"]}))
    assert facts.organisation.subject_to == ("dora:credit_institution",)
