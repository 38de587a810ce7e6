"""Scope ``main_establishment`` and per-state ``authorities`` on a small hand-made rule book:
which member state an EU-wide duty is owed in, which authority is named, and why not."""

import pytest

from jurisdictions.engine.serialization import (
    RulebookError,
    load_rulebook_data,
    rule_from_dict,
    rule_to_dict,
)

BOOK = {
    "format": "breachclock.rulebook/1",
    "version": "2026-12-06",
    "jurisdictions": [
        {"code": "EU", "name": "EU", "timezone": "Europe/Brussels", "members": ["DE", "IE", "FR"]},
        {"code": "DE", "name": "Germany", "timezone": "Europe/Berlin", "holiday_country": "DE"},
        {"code": "IE", "name": "Ireland", "timezone": "Europe/Dublin", "holiday_country": "IE"},
        {"code": "FR", "name": "France", "timezone": "Europe/Paris", "holiday_country": "FR"},
        {"code": "US", "name": "United States", "timezone": "America/New_York"},
    ],
    "rules": [
        {
            "code": "EU-X-EW",
            "jurisdiction": "EU",
            "regime": "NIS2",
            "regime_code": "nis2",
            "recipient": "csirt_or_competent_authority",
            "authority": "National CSIRT",
            "citation": "Directive (EU) 2022/2555 Art 23(4)(a)",
            "clock_start": "classified_major_at",
            "timing_standard": "24 hours",
            "stage": "early_warning",
            "scope": "main_establishment",
            "requires_subject_to": ["nis2"],
            "data_condition": None,
            "deadline_amount": 24,
            "deadline_unit": "hours",
            "authorities": {
                "DE": {
                    "name": "BSI",
                    "contact": "BSI portal",
                    "citation": "BSIG s.32",
                    "effective_from": "2025-12-06",
                },
                "DE#ssm": {"name": "ECB", "subject_to": ["ssm_significant_institution"]},
                "IE": {
                    "name": "NCSC Ireland",
                    "citation": "National Cyber Security Bill 2024",
                    "status": "proposed_not_in_force",
                    "note": "Reading: no horizontal direct effect.",
                },
            },
        },
        {
            "code": "EU-X-FINAL",
            "jurisdiction": "EU",
            "regime": "NIS2",
            "regime_code": "nis2",
            "recipient": "csirt_or_competent_authority",
            "authority": "National CSIRT",
            "citation": "Art 23(4)(d)",
            "clock_start": "notice:EU-X-EW",
            "timing_standard": "one month",
            "stage": "final_report",
            "scope": "main_establishment",
            "requires_subject_to": ["nis2"],
            "data_condition": None,
            "deadline_amount": 1,
            "deadline_unit": "months",
            "authorities": {"DE": {"name": "BSI", "citation": "BSIG s.32"}},
        },
        {
            "code": "DE-X-SA",
            "jurisdiction": "DE",
            "regime": "GDPR",
            "regime_code": "gdpr",
            "recipient": "supervisory_authority",
            "authority": "Competent Land authority",
            "citation": "Art 33",
            "clock_start": "aware_at",
            "timing_standard": "72 hours",
            "scope": "lead_authority",
            "deadline_amount": 72,
            "deadline_unit": "hours",
            "authorities": {
                "DE-BE": {"name": "Berlin Commissioner"},
                "DE#federal": {"name": "BfDI", "subject_to": ["ecomms_provider"]},
            },
        },
    ],
}


@pytest.fixture(scope="module")
def book():
    return load_rulebook_data(BOOK)


def run(clocks, book, organisation, **extra):
    facts = {
        "events": {
            "discovered_at": "2026-06-01T08:00:00Z",
            "classified_major_at": "2026-06-01T10:00:00Z",
        },
        "data": ["name"],
        "organisation": organisation,
        "affected": extra.pop("affected", {"DE": 10}),
        **extra,
    }
    return clocks(facts, book)


@pytest.mark.parametrize(
    ("organisation", "jurisdiction", "authority"),
    [
        ({"main_establishment": "DE", "subject_to": ["nis2"]}, "DE", "BSI"),
        # a subdivision rolls up to its member state
        ({"main_establishment": "DE-BY", "subject_to": ["nis2"]}, "DE", "BSI"),
        # qualified entry wins for an organisation subject to its token
        (
            {"main_establishment": "DE", "subject_to": ["nis2", "ssm_significant_institution"]},
            "DE",
            "ECB",
        ),
        # no main establishment: the first establishment with an entry (FR has none)
        ({"established_in": ["US", "FR", "DE"], "subject_to": ["nis2"]}, "DE", "BSI"),
    ],
)
def test_member_state_and_authority_named(clocks, book, organisation, jurisdiction, authority):
    out = run(clocks, book, organisation)
    ew = out.owed["EU-X-EW"]
    assert (ew["jurisdiction"], ew["authority"]) == (jurisdiction, authority)
    # 24 h elapsed after classification at 10:00 UTC
    assert ew["due_at"] == "2026-06-02T10:00:00Z"
    final = out.owed["EU-X-FINAL"]
    assert final["jurisdiction"] == "DE"


def test_transposition_and_contact_in_output(clocks, book):
    ew = run(clocks, book, {"main_establishment": "DE", "subject_to": ["nis2"]}).owed["EU-X-EW"]
    assert ew["contact"] == "BSI portal"
    assert ew["transposition"] == {
        "citation": "BSIG s.32",
        "status": "in_force",
        "effective_from": "2025-12-06",
    }
    assert any(
        "main establishment in Germany: BSI; national law: BSIG s.32" in w for w in ew["why"]
    )


def test_several_establishments_named_in_why(clocks, book):
    ew = run(clocks, book, {"established_in": ["DE", "FR"], "subject_to": ["nis2"]}).owed["EU-X-EW"]
    assert any("also established in FR" in w for w in ew["why"])


def test_state_not_transposed_is_not_applicable_with_reading(clocks, book):
    out = run(clocks, book, {"main_establishment": "IE", "subject_to": ["nis2"]})
    ex = out.excluded["EU-X-EW"]
    assert ex["jurisdiction"] == "IE"
    assert "NCSC Ireland - National Cyber Security Bill 2024 is not adopted" in ex["why"]
    assert "Reading: no horizontal direct effect." in ex["why"]
    # the follow-up report goes with it
    assert "EU-X-FINAL" in out.excluded


def test_law_not_yet_in_force_names_the_date(clocks, book):
    out = run(
        clocks,
        book,
        {"main_establishment": "DE", "subject_to": ["nis2"]},
        rules_as_of="2025-06-01",
    )
    assert "in force from 2025-12-06" in out.excluded["EU-X-EW"]["why"]


def test_member_state_without_entry_is_not_applicable(clocks, book):
    out = run(clocks, book, {"main_establishment": "FR", "subject_to": ["nis2"]})
    ex = out.excluded["EU-X-EW"]
    assert (ex["jurisdiction"], ex["why"]) == (
        "FR",
        "main establishment in France: the rule book lists no authority of France for this duty",
    )


def test_no_establishment_in_region_keeps_generic_authority(clocks, book):
    ew = run(clocks, book, {"main_establishment": "US", "subject_to": ["nis2"]}).owed["EU-X-EW"]
    assert (ew["jurisdiction"], ew["authority"]) == ("EU", "National CSIRT")
    assert any("representative" in w for w in ew["why"])


def test_not_subject_to_regime_not_listed_when_unrelated(clocks, book):
    out = run(clocks, book, {"main_establishment": "US"}, affected={"US": 5})
    assert "EU-X-EW" not in out.owed and "EU-X-EW" not in out.excluded


@pytest.mark.parametrize(
    ("organisation", "authority"),
    [
        ({"main_establishment": "DE-BE"}, "Berlin Commissioner"),
        ({"main_establishment": "DE-BE", "subject_to": ["ecomms_provider"]}, "BfDI"),
        # no entry for Bavaria here: the rule's own (generic) name stands
        ({"main_establishment": "DE-BY"}, "Competent Land authority"),
    ],
)
def test_land_authority_from_subdivision(clocks, book, organisation, authority):
    sa = run(clocks, book, organisation).owed["DE-X-SA"]
    assert (sa["jurisdiction"], sa["authority"]) == ("DE", authority)
    assert sa["due_at"] == "2026-06-04T08:00:00Z"


def test_round_trip_and_validation(book):
    rule = next(r for r in book.rules if r.code == "EU-X-EW")
    assert rule_from_dict(rule_to_dict(rule)) == rule
    assert rule_to_dict(rule, compact=True)["authorities"]["DE#ssm"] == {
        "name": "ECB",
        "subject_to": ["ssm_significant_institution"],
    }
    bad = {**rule_to_dict(rule), "authorities": {"Germany": {"name": "BSI"}}}
    with pytest.raises(RulebookError, match="authorities.Germany"):
        rule_from_dict(bad)
    bad = {**rule_to_dict(rule), "authorities": {"DE#x": {"name": "BSI"}}}
    with pytest.raises(RulebookError, match="needs subject_to"):
        rule_from_dict(bad)
    bad = {**rule_to_dict(rule), "authorities": {"DE": {"name": "BSI", "portal": "x"}}}
    with pytest.raises(RulebookError, match="authorities.DE.portal: unknown field"):
        rule_from_dict(bad)


def test_applies_with_is_validated():
    entry = {**BOOK["rules"][2], "applies_with": ["NOPE"]}
    with pytest.raises(RulebookError, match="applies_with: names a missing rule 'NOPE'"):
        load_rulebook_data({**BOOK, "rules": [*BOOK["rules"][:2], entry]})
    with pytest.raises(RulebookError, match="linked to itself"):
        rule_from_dict({**BOOK["rules"][2], "applies_with": ["DE-X-SA"]})
