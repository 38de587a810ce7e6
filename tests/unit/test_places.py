"""Any ISO 3166-2 code is a place people live; one the rule book has no rules for rolls up to its
country, and the why of the country's rules says so. Only codes ISO does not have are refused."""

import pytest

from jurisdictions.engine import places
from jurisdictions.engine.facts import FactsError, parse_facts

# The rule book lists CA-QC and the US states: before, every other subdivision of those countries
# was refused as a typo.
BOOK = {"DE", "CA", "CA-QC", "AU", "US", "US-CA", "GB", "EU"}


def facts(**extra):
    return {"events": {"discovered_at": "2026-03-02T09:00:00Z"}, **extra}


@pytest.mark.parametrize(
    "code",
    ["CA-ON", "CA-AB", "CA-BC", "AU-NSW", "AU-VIC", "DE-BE", "GB-LND", "GB-SCT", "FR-75C",
     "US-CA", "US-PR", "CA-QC", "XK", "EU", "IN-MH", "BR-SP"],
)  # fmt: skip
def test_every_iso_3166_code_is_accepted(code):
    parsed = parse_facts(
        facts(affected={code: 3}, organisation={"established_in": [code]}),
        known_jurisdictions=BOOK,
    )
    assert parsed.affected == {code: 3}
    assert parsed.organisation.established_in == (code,)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("CA-XX", "not an ISO 3166-2 subdivision of Canada (CA)"),
        ("US-ZZ", "not an ISO 3166-2 subdivision of United States (US)"),
        ("AU-NSX", "not an ISO 3166-2 subdivision of Australia (AU)"),
        ("ZZ", "unknown jurisdiction code 'ZZ'"),
        ("XX-YY", "unknown jurisdiction code 'XX-YY'"),
        ("ca-on", "unknown jurisdiction code 'ca-on'"),
        ("EU", "unknown jurisdiction code 'EU'"),  # without the rule book, EU is not ISO
    ],
)
def test_codes_iso_does_not_have_are_refused_by_name(code, words):
    with pytest.raises(FactsError) as caught:
        parse_facts(facts(affected={"DE": 1, code: 3}))
    assert caught.value.field == f"affected.{code}"
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("code", "parents"),
    [
        ("CA-ON", ("CA",)),
        ("GB-LND", ("GB-ENG", "GB")),
        ("FR-75C", ("FR-IDF", "FR")),
        ("DE", ()),
        ("XK", ()),
        # US outlying areas ISO also lists as countries belong to the US territory.
        ("GU", ("US-GU", "US")),
        ("VI", ("US-VI", "US")),
        ("PR", ("US-PR", "US")),
        # So is Åland: AX in ISO 3166-1, FI-01 in ISO 3166-2:FI.
        ("AX", ("FI-01", "FI")),
        ("FI-01", ("FI",)),
    ],
)
def test_a_subdivision_rolls_up_through_its_iso_parents(code, parents):
    assert places.parents(code) == parents


@pytest.mark.parametrize(
    ("affected", "rule", "line"),
    [
        (
            {"CA-MB": 1200},
            "CA-PIPEDA-OPC",
            "1,200 residents of Manitoba (CA-MB) affected; no Manitoba rule in the rule book: "
            "Canada's rules apply",
        ),
        (
            {"AU-VIC": 300},
            "AU-NDB-ASSESS",
            "300 residents of Victoria (AU-VIC) affected; no Victoria rule in the "
            "rule book: Australia's rules apply",
        ),
        (
            {"GB-LND": 1},
            "GB-UKGDPR-33-ICO",
            "1 resident of London, City of (GB-LND) affected; no London, City of rule in the rule "
            "book: United Kingdom's rules apply",
        ),
    ],
)
def test_people_of_a_subdivision_without_rules_are_covered_by_the_country(
    clocks, affected, rule, line
):
    out = clocks(facts(data=["name", "ssn"], risk_of_harm="high", affected=affected))
    assert line in out.owed[rule]["why"]


def test_manitoba_victoria_and_california_in_one_case(clocks):
    out = clocks(
        facts(
            data=["name", "ssn"],
            risk_of_harm="high",
            affected={"CA-MB": 1200, "AU-VIC": 300, "US-CA": 600, "CA-QC": 40},
        )
    )
    owed = out.owed
    # California has its own rules: they apply, and no roll-up line is written for it.
    assert "600 residents of California affected" in owed["US-CA-IND"]["why"]
    assert not any("US-CA)" in line for line in owed["US-CA-IND"]["why"])
    # Canada counts Manitoba and Quebec; only Manitoba (no rules of its own) is said to roll up.
    opc = owed["CA-PIPEDA-OPC"]["why"]
    assert "1,240 residents of Canada affected" in opc
    assert not any("(CA-QC)" in line for line in opc)
    assert any(line.startswith("1,200 residents of Manitoba (CA-MB)") for line in opc)
    assert "AU-NDB-ASSESS" in owed


def test_a_main_establishment_given_as_a_subdivision_leads_to_its_country(clocks):
    out = clocks(
        facts(
            data=["name"],
            risk_of_harm="risk",
            organisation={"main_establishment": "DE-BE", "established_in": ["DE-BE"]},
            affected={"FR": 10},
        )
    )
    assert "DE-GDPR-33-SA" in out.owed
    assert "FR-GDPR-33-SA" in out.excluded
