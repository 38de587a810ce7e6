"""US federal and sector regimes against the shipped rule book, with dates counted by hand.

Days: the trigger day is not counted; the deadline is 23:59:59 in the authority's zone (federal
authorities: New York). Hours are elapsed UTC time. US DST 2026: 8 March and 1 November.
"""

import pytest

HEALTH = ["name", "medical"]


def facts(discovered, subject_to, affected, **extra):
    events = {"discovered_at": discovered, **extra.pop("events", {})}
    org = {"subject_to": subject_to, **extra.pop("organisation", {})}
    return {
        "events": events,
        "organisation": org,
        "data": extra.pop("data", HEALTH),
        "risk_of_harm": extra.pop("risk_of_harm", "high"),
        "affected": affected,
        **extra,
    }


# --------------------------------------------------------------------------- HIPAA

HIPAA_CE = ["hipaa_covered_entity"]
HIPAA_NOTICES = ("US-HIPAA-404-IND", "US-HIPAA-406-MEDIA", "US-HIPAA-408-HHS")


def test_hipaa_large_breach_owes_individuals_media_and_hhs_within_60_days(clocks):
    # 10 March 2026 (EDT from 8 March) + 60 days = 9 May 2026
    out = clocks(facts("2026-03-10T09:00:00-04:00", HIPAA_CE, {"US-NY": 600, "US-NJ": 100}))
    for code in HIPAA_NOTICES:
        assert out.owed[code]["due_local"] == "2026-05-09T23:59:59-04:00", code
    assert "fewer than 500" not in " ".join(out.owed["US-HIPAA-408-HHS"]["why"])
    assert out.excluded["US-HIPAA-408-HHS-LOG"]["why"] == (
        "700 people affected in total, at least 500"
    )


@pytest.mark.parametrize(
    ("discovered", "due_local", "due_at"),
    [
        # 164.408(c): 60 days after 31 Dec 2026 -> 1 Mar 2027 (Jan 31 + Feb 28 = 59; day 60 = 1 Mar)
        ("2026-03-10T09:00:00-04:00", "2027-03-01T23:59:59-05:00", "2027-03-02T04:59:59Z"),
        # discovered late on 31 Dec in New York (already 1 Jan UTC): still the year 2026
        ("2027-01-01T03:00:00Z", "2027-03-01T23:59:59-05:00", "2027-03-02T04:59:59Z"),
        # discovered in 2027: 60 days after 31 Dec 2027 is 29 Feb 2028 (leap year)
        ("2027-06-15T10:00:00-04:00", "2028-02-29T23:59:59-05:00", "2028-03-01T04:59:59Z"),
    ],
)
def test_hipaa_small_breach_goes_to_hhs_after_the_calendar_year(
    clocks, discovered, due_local, due_at
):
    out = clocks(facts(discovered, HIPAA_CE, {"US-CA": 120}))
    log = out.owed["US-HIPAA-408-HHS-LOG"]
    assert (log["due_local"], log["due_at"]) == (due_local, due_at)
    assert "120 people affected in total, fewer than 500" in log["why"]
    assert any("the count starts at the end of that year" in s for s in log["computation"])
    assert out.excluded["US-HIPAA-408-HHS"]["why"] == "120 people affected in total, fewer than 500"
    assert out.excluded["US-HIPAA-406-MEDIA"]["why"].endswith("not more than 500")
    assert out.owed["US-HIPAA-404-IND"]["due_at"] is not None


@pytest.mark.parametrize(
    ("encryption", "owed"),
    [
        # secured PHI (encrypted, key safe): no breach of unsecured PHI -> no notice at all
        ({"encrypted": True, "key_compromised": False}, False),
        # key taken too: the PHI is unsecured -> every notice is owed
        ({"encrypted": True, "key_compromised": True}, True),
        ({"encrypted": False, "key_compromised": False}, True),
    ],
)
def test_hipaa_unsecured_phi_safe_harbour_covers_every_notice(clocks, encryption, owed):
    affected = {"US-NY": 700}
    ce = clocks(facts("2026-03-10T09:00:00-04:00", HIPAA_CE, affected, encryption=encryption))
    small = clocks(
        facts("2026-03-10T09:00:00-04:00", HIPAA_CE, {"US-NY": 20}, encryption=encryption)
    )
    ba = clocks(
        facts(
            "2026-03-10T09:00:00-04:00",
            ["hipaa_business_associate"],
            affected,
            encryption=encryption,
            organisation={"role": "processor"},
        )
    )
    for out, code in [
        *((ce, c) for c in HIPAA_NOTICES),
        (small, "US-HIPAA-408-HHS-LOG"),
        (ba, "US-HIPAA-410-BA"),
    ]:
        if owed:
            assert code in out.owed, code
        else:
            assert out.excluded[code]["why"] == (
                "data is encrypted and the key was not compromised: safe harbour"
            ), code


def test_hipaa_business_associate_tells_the_covered_entity_within_60_days(clocks):
    # 20 Oct 2026 (EDT) + 60 days = 19 Dec 2026 (EST from 1 November)
    out = clocks(
        facts(
            "2026-10-20T15:00:00-04:00",
            ["hipaa_business_associate"],
            {"US-TX": 3},
            organisation={"role": "processor"},
        )
    )
    ba = out.owed["US-HIPAA-410-BA"]
    assert (ba["recipient"], ba["authority"]) == ("controller", "The covered entity")
    assert ba["due_local"] == "2026-12-19T23:59:59-05:00"
    assert "US-HIPAA-404-IND" not in out.owed


def test_hipaa_low_probability_of_compromise_is_no_breach(clocks):
    out = clocks(facts("2026-03-10T09:00:00-04:00", HIPAA_CE, {"US-NY": 900}, risk_of_harm="none"))
    for code in (*HIPAA_NOTICES, "US-HIPAA-408-HHS-LOG"):
        assert code not in out.owed, code
