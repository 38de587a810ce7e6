"""The shipped rule book loads, and every rule carries its evidence."""

from collections import Counter
from datetime import date

import pytest

from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file


@pytest.fixture(scope="module")
def book():
    return read_rulebook_file(default_rulebook_path())


def test_loads_with_at_least_180_rules(book):
    assert len({r.code for r in book.rules}) >= 180
    assert book.version == "2026-12-06"


def test_every_rule_has_citation_sources_confidence_and_review(book):
    for rule in book.rules:
        assert rule.citation.strip(), rule.code
        assert rule.sources, rule.code
        assert rule.confidence in ("high", "medium", "low"), rule.code
        assert rule.last_reviewed in (date(2026, 11, 27), date(2026, 12, 6)), rule.code


def test_every_us_state_dc_and_territory_has_an_individuals_rule(book):
    states = {j.code for j in book.jurisdictions if j.parent == "US"}
    assert len(states) == 54  # 50 states, DC, PR, Guam, US Virgin Islands
    with_individuals = {r.jurisdiction for r in book.rules if r.recipient == "individuals"}
    assert states <= with_individuals


def test_gdpr_has_one_lead_authority_rule_per_eea_state(book):
    eea = {j.code for j in book.jurisdictions if j.eea}
    assert len(eea) == 30
    sa = Counter(
        r.jurisdiction for r in book.rules if (r.regime_code, r.scope) == ("gdpr", "lead_authority")
    )
    assert set(sa) == eea and set(sa.values()) == {1}


def test_rules_not_yet_in_force_carry_their_status(book):
    pending = {r.code: r for r in book.rules if r.status != "in_force"}
    assert pending["IN-DPDP-BOARD"].effective_from == date(2027, 5, 14)
    assert pending["US-CIRCIA-INCIDENT"].status == "proposed_not_in_force"
