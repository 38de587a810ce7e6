"""Duties owed only under a condition of their own law: DORA's notice to clients (an impact on
their financial interests), CERT-In's six-hour report (any organisation serving users in India),
Alberta's notice to individuals (following the Commissioner's requirement)."""

import pytest

FORMAT_2 = "breachclock.facts/2"


def _dora(**extra):
    return {
        "format": FORMAT_2,
        "events": {
            "discovered_at": "2026-06-01T08:00:00Z",
            "classified_major_at": "2026-06-01T10:00:00Z",
        },
        "organisation": {"subject_to": ["dora:credit_institution"], "main_establishment": "DE"},
        "data": [],
        **extra,
    }


@pytest.mark.parametrize(
    ("extra", "clients_owed"),
    [
        ({"client_financial_impact": False}, False),
        ({"client_financial_impact": True}, True),
        ({}, True),  # not said: listed, saying the facts do not settle it (conservative)
    ],
)
def test_dora_clients_notice_needs_an_impact_on_their_financial_interests(
    clocks, extra, clients_owed
):
    out = clocks(_dora(**extra))
    assert "EU-DORA-19-NCA" in out.owed  # the authority's notice never depends on it
    assert ("EU-DORA-19-3-CLIENTS" in out.owed) is clients_owed
    if not clients_owed:
        assert "impact on the financial interests" in out.excluded["EU-DORA-19-3-CLIENTS"]["why"]
    elif not extra:
        why = " ".join(out.owed["EU-DORA-19-3-CLIENTS"]["why"])
        assert "not yet known whether the incident has an impact" in why
        assert "treated as so (listed) until it is recorded" in why


def test_client_financial_impact_is_a_format_2_key(clocks):
    from jurisdictions.engine.facts import FactsError

    with pytest.raises(FactsError) as caught:
        clocks({**_dora(client_financial_impact=True), "format": "breachclock.facts/1"})
    assert caught.value.field == "client_financial_impact"


def _india(organisation, affected):
    return {
        "format": "breachclock.facts/1",
        "events": {"discovered_at": "2026-03-02T06:00:00Z"},
        "organisation": organisation,
        "data": [],
        "cause": "ransomware",
        "affected": affected,
    }


@pytest.mark.parametrize(
    ("organisation", "affected", "owed"),
    [
        ({"role": "controller", "established_in": ["IN"]}, {"IN": 10}, True),
        ({"role": "processor", "established_in": ["IN"]}, {"US-CA": 10}, True),  # a data centre
        ({"role": "controller", "established_in": ["SG"]}, {"IN": 10}, True),  # serves Indian users
        ({"role": "processor", "established_in": ["US"]}, {"IN": 10}, True),
        ({"role": "controller", "established_in": ["SG"]}, {"SG": 10}, False),
    ],
)
def test_cert_in_reaches_organisations_serving_users_in_india(clocks, organisation, affected, owed):
    out = clocks(_india(organisation, affected))
    assert ("IN-CERTIN-6H" in out.owed) is owed
    if owed:
        assert out.due("IN-CERTIN-6H") == "2026-03-02T12:00:00Z"


@pytest.mark.parametrize(
    ("place", "risk", "owed"),
    [
        ("CA-AB", "high", {"CA-AB-PIPA-OIPC", "CA-AB-PIPA-IND"}),
        ("CA-AB", "risk", set()),
        ("IL", "high", {"IL-PPL-PPA", "IL-PPL-DS"}),  # the Authority may order notice
    ],
)
def test_individuals_notice_follows_the_authority_notice_that_may_order_it(
    clocks, place, risk, owed
):
    out = clocks(
        {
            "format": "breachclock.facts/1",
            "events": {"discovered_at": "2026-03-02T16:00:00Z"},
            "organisation": {"role": "controller"},
            "data": ["name", "ssn"],
            "risk_of_harm": risk,
            "affected": {place: 30},
        }
    )
    assert {c for c in out.owed if c.startswith(place + "-")} == owed
    for code in owed:
        if out.owed[code]["recipient"] == "individuals":
            authority = next(c for c in owed if c != code)
            assert out.owed[code]["due_at"] is None  # the authority's order sets the time
            why = " ".join(out.owed[code]["why"])
            assert f"owed because the duty under {authority} is owed" in why
            assert f"follows the notice under {authority}" in why


def test_dora_clients_notice_waits_for_the_classification_as_major(clocks):
    """Art 19(3) applies "where a major ICT-related incident occurs": before the incident is
    classified as major the notice is listed, waiting for the classification."""
    doc = _dora(client_financial_impact=True)
    del doc["events"]["classified_major_at"]
    clients = clocks(doc).owed["EU-DORA-19-3-CLIENTS"]
    assert clients["due_at"] is None
    assert clients["waiting_for"] and "classified_major_at" in clients["waiting_for"]
    # A credit institution with a major incident that does not touch clients' finances: not owed.
    assert "EU-DORA-19-3-CLIENTS" in clocks(_dora(client_financial_impact=False)).excluded
