"""Duties the researched fact table listed as not covered, now modelled from their statutes:
Minnesota's licensed nonbank financial institutions tell the Commissioner of Commerce (Minn. Stat.
46A.06 subd. 1) and Utah's governmental entities tell the Cyber Center, the Attorney General and
the individuals (Utah Code 63A-19-405, -406)."""

import pytest


def _facts(subject_to, affected, *, data=("name", "ssn"), risk="high", encrypted=False):
    return {
        "format": "breachclock.facts/1",
        # Mon 2 Mar 2026, 10:00 in Minneapolis and 09:00 in Salt Lake City.
        "events": {"discovered_at": "2026-03-02T16:00:00Z"},
        "organisation": {"role": "controller", "established_in": ["US"], "subject_to": subject_to},
        "data": list(data),
        "encryption": {"encrypted": encrypted, "key_compromised": False},
        "risk_of_harm": risk,
        "affected": affected,
    }


MN = "US-MN-FI-COMMERCE"


@pytest.mark.parametrize(
    ("subject_to", "affected", "encrypted", "owed"),
    [
        # At least 500 consumers, wherever they live (Minn. Stat. 46A.06 subd. 1(a)).
        (["mn_commerce_financial_institution"], {"US-MN": 500}, False, True),
        (["mn_commerce_financial_institution"], {"US-MN": 200, "US-WI": 300}, False, True),
        (["mn_commerce_financial_institution"], {"US-MN": 499}, False, False),
        # A notification event is an acquisition of UNENCRYPTED customer information.
        (["mn_commerce_financial_institution"], {"US-MN": 900}, True, False),
        # Only institutions licensed by the Department of Commerce.
        (["glba_financial_institution"], {"US-MN": 900}, False, False),
    ],
)
def test_minnesota_nonbank_financial_institutions_tell_the_commissioner(
    clocks, subject_to, affected, encrypted, owed
):
    out = clocks(_facts(subject_to, affected, encrypted=encrypted))
    assert (MN in out.owed) is owed
    if owed:
        ob = out.owed[MN]
        assert ob["recipient"] == "sector_regulator"
        assert ob["jurisdiction"] == "US-MN"
        # 45 days after discovery (2 March): 16 April, end of day in Minnesota (CDT, UTC-5).
        assert ob["due_at"] == "2026-04-17T04:59:59Z"


@pytest.mark.parametrize(
    ("affected", "data", "risk", "owed"),
    [
        # 500 or more individuals in total: Cyber Center, Attorney General, individuals.
        ({"US-UT": 400, "US-ID": 100}, ["contact"], "risk", {"CYBER", "AG", "IND"}),
        # Fewer: the Cyber Center is told of every incident; individuals of every data breach.
        ({"US-UT": 20}, ["contact"], "risk", {"CYBER", "IND"}),
        # Low probability that personal data was compromised: no data breach.
        ({"US-UT": 900}, ["contact"], "none", {"CYBER"}),
        # No personal data at all: still an incident for the Cyber Center ((1)(b)).
        ({}, [], None, {"CYBER"}),
    ],
)
def test_utah_governmental_entities(clocks, affected, data, risk, owed):
    out = clocks(_facts(["ut_governmental_entity"], affected, data=data, risk=risk))
    found = {c.removeprefix("US-UT-GOV-") for c in out.owed if c.startswith("US-UT-GOV-")}
    assert found == owed
    for code in ("US-UT-GOV-CYBER", "US-UT-GOV-AG"):
        if code in out.owed:
            # Five days from discovery (2 March): 7 March, end of day in Utah (MST, UTC-7).
            assert out.due(code) == "2026-03-08T06:59:59Z"
    if "IND" in owed:
        assert out.owed["US-UT-GOV-IND"]["due_at"] is None  # without unreasonable delay


def test_utah_government_rules_need_the_token(clocks):
    out = clocks(_facts([], {"US-UT": 900}))
    assert not [c for c in out.owed if c.startswith("US-UT-GOV-")]
    assert "applies only to" in out.excluded["US-UT-GOV-AG"]["why"]
