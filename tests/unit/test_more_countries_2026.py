"""Countries whose data protection law imposes breach notification, each row written down from
the law before the engine was run and citing its section: who must be told, and by when.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_duty_structure.py; hours are elapsed
hours, days end at 23:59:59 in the country's zone.
"""

import pytest

DISCOVERED = "2026-03-02T16:00:00Z"


def _facts(affected, *, role="controller", risk="high", data=("name", "national_id")):
    return {
        "format": "breachclock.facts/1",
        "events": {"discovered_at": DISCOVERED},
        "organisation": {"role": role},
        "data": list(data),
        "risk_of_harm": risk,
        "cause": "external_attack",
        "affected": affected,
    }


def _recipients(out, place):
    return {o["recipient"] for o in out.owed.values() if o["jurisdiction"] == place}


SA, IND, OWNER = "supervisory_authority", "individuals", "controller"

# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # Zambia, Data Protection Act No. 3 of 2021 s 49: (1) the controller tells the Data
    # Protection Commissioner of any security breach, (3) "a data controller or data processor"
    # tells the data subject - no harm threshold; (2) a processor tells the controller.
    ("ZM", {"ZM": 10}, {"risk": "none"}, {SA, IND}),
    ("ZM", {"ZM": 10}, {"role": "processor"}, {OWNER, IND}),
    # Zimbabwe, Cyber and Data Protection Act [Chapter 12:07] s 19: the controller tells the
    # Authority (POTRAZ) of any security breach; no data subject or processor duty.
    ("ZW", {"ZW": 10}, {"risk": "none"}, {SA}),
    ("ZW", {"ZW": 10}, {"role": "processor"}, set()),
]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert _recipients(out, place) == owed


# (rule, people, options, due_at) - counted by hand.
DEADLINES = [
    # Zambia s 49(1): within twenty-four hours (elapsed).
    ("ZM-DPA-DPC", {"ZM": 10}, {}, "2026-03-03T16:00:00Z"),
    # Zimbabwe s 19: within 24 hours (elapsed).
    ("ZW-CDPA-POTRAZ", {"ZW": 10}, {}, "2026-03-03T16:00:00Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# Duties the law sets without a fixed period: owed, with no computed deadline.
OPEN_ENDED = [
    ("ZM-DPA-DS", {"ZM": 10}, {}),  # s 49(3) "as soon as practicable"
    ("ZM-DPA-PROC", {"ZM": 10}, {"role": "processor"}),  # s 49(2) "as soon as practicable"
]


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None
