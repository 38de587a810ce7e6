"""US state duties of a vendor / service provider to the owner or licensee of the data.

Each state's "maintains data it does not own" clause is its own rule (``US-XX-VENDOR``, role
processor, recipient controller). Expected dates counted by hand: the trigger day is not counted,
days end at 23:59:59 in the state's zone, hours are elapsed UTC time. US DST 2026: 8 March and
1 November.
"""

import pytest

from .conftest import SSN_DATA


def vendor(discovered, affected, **extra):
    return {
        "events": {"discovered_at": discovered},
        "data": extra.pop("data", SSN_DATA),
        "risk_of_harm": extra.pop("risk", "high"),
        "organisation": {"role": "processor"},
        "affected": affected,
        **extra,
    }


@pytest.mark.parametrize(
    ("rule", "discovered", "state", "due_at", "due_local"),
    [
        # Florida 501.171(6)(a): 10 days from the determination (defaults to discovery);
        # 2 March + 10 = 12 March, EDT from 8 March
        (
            "US-FL-VENDOR",
            "2026-03-02T10:00:00-05:00",
            "US-FL",
            "2026-03-13T03:59:59Z",
            "2026-03-12T23:59:59-04:00",
        ),
        # Alabama 8-38-8: 10 days; 27 Oct + 10 = 6 November, CST from 1 November
        (
            "US-AL-VENDOR",
            "2026-10-27T09:00:00-05:00",
            "US-AL",
            "2026-11-07T05:59:59Z",
            "2026-11-06T23:59:59-06:00",
        ),
        # Georgia 10-1-912(b): 24 hours, elapsed; the night of 7/8 March loses an hour locally
        (
            "US-GA-VENDOR",
            "2026-03-07T20:00:00-05:00",
            "US-GA",
            "2026-03-09T01:00:00Z",
            "2026-03-08T21:00:00-04:00",
        ),
        # Maryland 14-3504(c)(2) (2022): 10 days after discovery; 25 Dec + 10 = 4 January 2027
        (
            "US-MD-VENDOR",
            "2026-12-25T12:00:00-05:00",
            "US-MD",
            "2027-01-05T04:59:59Z",
            "2027-01-04T23:59:59-05:00",
        ),
        # New Mexico 57-12C-7: 45 calendar days; 15 Jan + 45 = 1 March (February has 28 days)
        (
            "US-NM-VENDOR",
            "2026-01-15T08:00:00-07:00",
            "US-NM",
            "2026-03-02T06:59:59Z",
            "2026-03-01T23:59:59-07:00",
        ),
        # Tennessee 47-18-2107(c): immediately, but no later than 45 days; 1 June + 45 = 16 July
        (
            "US-TN-VENDOR",
            "2026-06-01T09:00:00-05:00",
            "US-TN",
            "2026-07-17T04:59:59Z",
            "2026-07-16T23:59:59-05:00",
        ),
        # Oregon 646A.604(2)(a): 10 days; 20 April + 10 = 30 April (Pacific)
        (
            "US-OR-VENDOR",
            "2026-04-20T09:00:00-07:00",
            "US-OR",
            "2026-05-01T06:59:59Z",
            "2026-04-30T23:59:59-07:00",
        ),
        # New York 899-aa(3) as amended by S2659-B (21 December 2024): immediately, within 30 days
        # of discovery; 4 May + 30 = 3 June
        (
            "US-NY-VENDOR",
            "2026-05-04T09:00:00-04:00",
            "US-NY",
            "2026-06-04T03:59:59Z",
            "2026-06-03T23:59:59-04:00",
        ),
    ],
)
def test_vendor_fixed_periods(clocks, rule, discovered, state, due_at, due_local):
    out = clocks(vendor(discovered, {state: 40}))
    owed = out.owed[rule]
    assert (owed["due_at"], owed["due_local"]) == (due_at, due_local)
    assert owed["recipient"] == "controller"
    assert owed["deadline_kind"] == "fixed"
    # the owner's own duties are not the vendor's
    assert "owes notice to its controller instead" in out.excluded[f"{state}-IND"]["why"]


@pytest.mark.parametrize(
    ("rule", "state", "words"),
    [
        ("US-CA-VENDOR", "US-CA", "immediately following discovery"),
        ("US-TX-VENDOR", "US-TX", "immediately after discovering the breach"),
        ("US-VT-VENDOR", "US-VT", "immediately following discovery"),
        ("US-DE-VENDOR", "US-DE", "immediately following determination"),
        ("US-AZ-VENDOR", "US-AZ", "as soon as practicable"),
        ("US-DC-VENDOR", "US-DC", "most expedient time possible"),
    ],
)
def test_vendor_without_a_number_of_days_shows_the_statute_words(clocks, rule, state, words):
    out = clocks(vendor("2026-05-04T09:00:00-04:00", {state: 3}))
    owed = out.owed[rule]
    assert owed["deadline_kind"] == "no_fixed_deadline"
    assert owed["due_at"] is None
    assert words in owed["timing_standard"]


def test_florida_vendor_sees_its_owner_duty_and_not_the_owners_notices(clocks):
    out = clocks(vendor("2026-03-02T10:00:00-05:00", {"US-FL": 800}))
    assert set(out.owed) == {"US-FL-VENDOR"}
    assert out.owed["US-FL-VENDOR"]["authority"] == (
        "The covered entity for which the information is maintained"
    )
    for owner_rule in ("US-FL-IND", "US-FL-DLA"):
        assert "controller" in out.excluded[owner_rule]["why"]


def test_an_owner_does_not_get_the_vendor_duty(clocks):
    facts = vendor("2026-03-02T10:00:00-05:00", {"US-FL": 800})
    facts["organisation"] = {"role": "controller"}
    out = clocks(facts)
    assert "US-FL-IND" in out.owed
    assert out.excluded["US-FL-VENDOR"]["why"] == (
        "duty of a processor towards its controller; the organisation is the controller"
    )


def test_vendor_uses_the_states_definition_of_personal_information(clocks):
    # contact details alone are not Florida "personal information"
    out = clocks(vendor("2026-03-02T10:00:00-05:00", {"US-FL": 5}, data=["name", "contact"]))
    assert "US-FL-VENDOR" in out.excluded


@pytest.mark.parametrize(("risk", "owed"), [("high", True), ("unlikely", False)])
def test_colorado_vendor_keeps_the_misuse_condition(clocks, risk, owed):
    out = clocks(vendor("2026-03-02T10:00:00-07:00", {"US-CO": 5}, risk=risk))
    assert ("US-CO-VENDOR" in out.owed) is owed


@pytest.mark.parametrize(("count", "owed"), [(250, False), (251, True)])
def test_oregon_vendor_tells_the_attorney_general_above_250(clocks, count, owed):
    out = clocks(vendor("2026-04-20T09:00:00-07:00", {"US-OR": count}))
    assert ("US-OR-VENDOR-AG" in out.owed) is owed
    assert "US-OR-VENDOR" in out.owed


def test_every_state_with_a_residents_rule_has_a_vendor_rule(shipped):
    codes = {r.code for r in shipped.rules}
    states = {c[: -len("-IND")] for c in codes if c.startswith("US-") and c.endswith("-IND")}
    states = {s for s in states if s.count("-") == 1 and len(s) == 5}  # states, not US-FISMA
    missing = sorted(s for s in states if f"{s}-VENDOR" not in codes)
    # SDCL 22-40-19(3) binds only the owner or licensee: no maintainer clause
    assert missing == ["US-SD"]
    for rule in shipped.rules:
        if rule.code.endswith("-VENDOR"):
            assert (rule.obligated_role, rule.recipient) == ("processor", "controller")
