"""Places that used to have no rule at all now list their duties with the statute's deadline:
one row per place (people affected there, the duties owed, the first deadline)."""

import pytest

from tests.unit.law_cases import ESTABLISHMENT_SCOPED

DISCOVERED = "2026-04-06T15:00:00Z"


def _facts(affected, risk="high", role="controller"):
    return {
        "format": "breachclock.facts/1",
        "events": {"discovered_at": DISCOVERED},
        # The Cayman and Bermuda laws bind organisations established (or processing) there.
        "organisation": {
            "role": role,
            "established_in": [p for p in affected if p in ESTABLISHMENT_SCOPED],
        },
        "data": ["name", "ssn"],
        "risk_of_harm": risk,
        "affected": affected,
    }


JM_DUE = "2026-04-09T15:00:00Z"  # 72 hours after discovery


@pytest.mark.parametrize(
    ("affected", "owed"),
    [
        ({"JM": 40}, {"JM-DPA-OIC": JM_DUE, "JM-DPA-DS": JM_DUE}),
        ({"RU": 40}, {"RU-152FZ-RKN-24H": "2026-04-07T15:00:00Z", "RU-152FZ-RKN-72H": JM_DUE}),
        ({"KY": 40}, {"KY-DPA-OMBUDSMAN": None, "KY-DPA-DS": None}),
        ({"BM": 40}, {"BM-PIPA-COMMISSIONER": None, "BM-PIPA-IND": None}),
        ({"US-GU": 40}, {"US-GU-IND": None}),
        ({"GU": 40}, {"US-GU-IND": None}),  # Guam under its ISO country code
        ({"US-VI": 40}, {"US-VI-IND": None}),
        ({"VI": 40}, {"US-VI-IND": None}),
    ],
)
def test_each_place_lists_its_duties_and_no_gap(clocks, affected, owed):
    out = clocks(_facts(affected))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    for code, due_at in owed.items():
        assert code in out.owed, (code, out.excluded.get(code))
        if due_at:
            assert out.due(code) == due_at


def test_cayman_counts_five_calendar_days(clocks):
    # Discovered 6 April 10:00 in George Town: the end of 11 April there (UTC-5).
    out = clocks(_facts({"KY": 3}))
    assert out.due("KY-DPA-OMBUDSMAN") == out.due("KY-DPA-DS") == "2026-04-12T04:59:59Z"


@pytest.mark.parametrize(
    ("affected", "risk", "code", "owed"),
    [
        ({"BM": 5}, "none", "BM-PIPA-IND", False),  # only a breach likely to adversely affect
        ({"BM": 5}, "risk", "BM-PIPA-IND", True),
        ({"US-GU": 5}, "none", "US-GU-IND", False),  # identity theft or fraud reasonably believed
        ({"US-VI": 5}, "none", "US-VI-IND", True),  # no harm threshold
        ({"JM": 5}, "none", "JM-DPA-OIC", True),
    ],
)
def test_harm_thresholds_follow_each_statute(clocks, affected, risk, code, owed):
    assert (code in clocks(_facts(affected, risk=risk)).owed) is owed


@pytest.mark.parametrize(
    ("affected", "owed"),
    [({"US-GU": 5}, "US-GU-VENDOR"), ({"US-VI": 5}, "US-VI-VENDOR")],
)
def test_territory_vendors_tell_the_owner(clocks, affected, owed):
    out = clocks(_facts(affected, role="processor"))
    assert owed in out.owed
