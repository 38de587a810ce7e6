"""People where the rule book has no rule are never a silent nothing: each such place is a
``no_rule`` conflict that counsel must decide on, and places with rules (or inside a region with
rules) are not."""

import pytest

from jurisdictions.engine.rules import Jurisdiction, Rule


def _facts(affected):
    return {
        "format": "breachclock.facts/1",
        "events": {"discovered_at": "2026-04-06T15:00:00Z"},
        "data": ["name", "ssn"],
        "risk_of_harm": "high",
        "affected": affected,
    }


BOOK_RULE = Rule(
    code="XA-IND",
    jurisdiction="US-CA",
    regime="Test",
    regime_code="test",
    recipient="individuals",
    authority="Residents",
    citation="Test s.1",
    clock_start="discovered_at",
    timing_standard="within 30 days",
    deadline_amount=30,
    deadline_unit="calendar_days",
)


class _Book:
    version = "test"
    rules = (BOOK_RULE,)
    jurisdictions = (
        Jurisdiction("US", "United States"),
        Jurisdiction("US-CA", "California", parent="US", timezone="America/Los_Angeles"),
        Jurisdiction("EU", "European Union", members=("DE",)),
        Jurisdiction("DE", "Germany", eu=True, eea=True),
    )


@pytest.mark.parametrize(
    ("affected", "gaps"),
    [
        ({"US-CA": 10}, []),  # a rule of its own
        ({"JM": 50}, ["JM"]),  # no rule anywhere in its lineage
        ({"JM": 50, "US-CA": 10, "KY": 0}, ["JM"]),  # nobody affected is no gap
        ({"US-TX": 5}, ["US-TX"]),  # its country has no rule of its own either
        ({"DE": 5}, ["DE"]),  # the region EU has no rule in this small book
    ],
)
def test_places_without_rules_are_named(clocks, affected, gaps):
    out = clocks(_facts(affected), book=_Book)
    found = [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert [c["jurisdiction"] for c in found] == gaps
    for c in found:
        assert c["key"] == f"no_rule:{c['jurisdiction']}" and c["rules"] == []
        assert "has no rule for" in c["why"] and "counsel" in c["why"]


def test_shipped_book_names_tuvalu_and_not_ontario(clocks):
    # Tuvalu has no breach-notification law to model; Ontario rolls up to Canada's rules.
    out = clocks(_facts({"TV": 50, "CA-ON": 20, "DE": 30, "US-CA": 600}))
    found = {c["jurisdiction"]: c["why"] for c in out.doc["conflicts"] if c["kind"] == "no_rule"}
    assert list(found) == ["TV"]
    assert found["TV"].startswith("50 residents of Tuvalu (TV) affected")
