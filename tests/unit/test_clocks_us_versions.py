"""US state rules whose law changed on a date: the version in force on the date of the incident.

Dates counted by hand (trigger day not counted, 23:59:59 in the state's zone).
"""

import pytest

from .conftest import SSN_DATA


def facts(discovered, affected):
    return {
        "events": {"discovered_at": discovered},
        "data": SSN_DATA,
        "risk_of_harm": "high",
        "affected": affected,
    }


def test_texas_attorney_general_60_days_before_sb_768_and_30_after(clocks):
    # HB 4390 (2020-2023): 2 March 2021 + 60 = 1 May 2021 (CDT)
    before = clocks(facts("2021-03-02T10:00:00-06:00", {"US-TX": 300}))
    assert before.owed["US-TX-AG"]["due_local"] == "2021-05-01T23:59:59-05:00"
    # SB 768 (from 2023-09-01): 2 March 2026 + 30 = 1 April 2026 (CDT)
    after = clocks(facts("2026-03-02T10:00:00-06:00", {"US-TX": 300}))
    assert after.owed["US-TX-AG"]["due_local"] == "2026-04-01T23:59:59-05:00"


@pytest.mark.parametrize(
    ("discovered", "kind"),
    [
        ("2024-06-03T10:00:00-04:00", "no_fixed_deadline"),  # before the 30 days (S2659B)
        ("2025-06-03T10:00:00-04:00", "fixed"),
    ],
)
def test_new_york_30_days_only_from_21_december_2024(clocks, discovered, kind):
    out = clocks(facts(discovered, {"US-NY": 10}))
    assert out.owed["US-NY-IND"]["deadline_kind"] == kind


@pytest.mark.parametrize(
    ("discovered", "kind"),
    [
        ("2021-06-03T10:00:00-04:00", "no_fixed_deadline"),  # before P.L. 171-2022
        ("2023-06-03T10:00:00-04:00", "fixed"),
    ],
)
def test_indiana_45_days_only_from_1_july_2022(clocks, discovered, kind):
    out = clocks(facts(discovered, {"US-IN": 10}))
    for code in ("US-IN-IND", "US-IN-AG"):
        assert out.owed[code]["deadline_kind"] == kind


@pytest.mark.parametrize(
    ("discovered", "count", "owed"),
    [
        ("2023-06-05T10:00:00-04:00", 800, False),  # more than 1,000 before Act 33 of 2024
        ("2023-06-05T10:00:00-04:00", 1001, True),
        ("2025-06-05T10:00:00-04:00", 501, True),  # more than 500 from 2024-09-26
    ],
)
def test_pennsylvania_cra_threshold_by_date(clocks, discovered, count, owed):
    out = clocks(facts(discovered, {"US-PA": count}))
    assert ("US-PA-CRA" in out.owed) is owed
