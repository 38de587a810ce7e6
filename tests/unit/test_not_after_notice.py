"""``not_after_notice``: a notice due within its own period *or* when another notice is given,
whichever is sooner (9 V.S.A. 2435(b)(3): the Attorney General "within 14 business days ... of the
data collector's discovery of the security breach or when the data collector provides notice to
consumers pursuant to this section, whichever is sooner"; Ark. Code 4-110-105(b)(2)). On a small
hand-made rule book: the mechanics, independent of any statute."""

import pytest

from jurisdictions.engine.rules import Jurisdiction, Rule
from jurisdictions.engine.serialization import (
    RulebookData,
    RulebookError,
    load_rulebook_data,
    rule_from_dict,
    rule_to_dict,
)

US = Jurisdiction("US", "United States", timezone="America/New_York", holiday_country="US")
DISCOVERED = "2026-03-02T16:00:00Z"  # Monday 2 March 2026, 11:00 EST


def rule(code, **kw):
    base = dict(
        code=code,
        jurisdiction="US",
        regime="Test",
        regime_code="test",
        recipient="individuals",
        authority="Someone",
        citation="Test s.1",
        clock_start="discovered_at",
        timing_standard="test",
        data_condition=None,
    )
    base.update(kw)
    return Rule(**base)


IND = rule("IND", deadline_amount=45, deadline_unit="calendar_days")
AG = rule(
    "AG",
    recipient="attorney_general",
    deadline_amount=14,
    deadline_unit="business_days",
    not_after_notice="IND",
)
# No period of its own: "with the residents' notice" and nothing else.
AG_OPEN = rule("AG-OPEN", recipient="attorney_general", not_after_notice="IND")


# (rule, residents' notice sent at, due_at, deadline_kind)
ROWS = [
    # Not sent: 14 business days from Mon 2 March: 3-6, 9-13, 16-20 March -> Fri 20 March EDT.
    ("AG", None, "2026-03-21T03:59:59Z", "fixed"),
    # Sent on Thu 5 March at noon EST, sooner: due then.
    ("AG", "2026-03-05T12:00:00-05:00", "2026-03-05T17:00:00Z", "before"),
    # Sent on Tue 24 March, after the 14 business days: the period stands.
    ("AG", "2026-03-24T12:00:00-04:00", "2026-03-21T03:59:59Z", "fixed"),
    # No period of its own: undated until the residents are told, then due at that instant.
    ("AG-OPEN", None, None, "no_fixed_deadline"),
    ("AG-OPEN", "2026-03-05T12:00:00-05:00", "2026-03-05T17:00:00Z", "before"),
]


@pytest.mark.parametrize(("code", "sent", "due_at", "kind"), ROWS)
def test_due_no_later_than_the_other_notice(clocks, code, sent, due_at, kind):
    facts = {"events": {"discovered_at": DISCOVERED}, "data": ["name"], "affected": {"US": 10}}
    if sent:
        facts["notices_sent"] = {"IND": sent}
    out = clocks(facts, book=RulebookData("2026-12-06", (US,), (IND, AG, AG_OPEN)))
    ob = out.owed[code]
    assert (ob["due_at"], ob["deadline_kind"]) == (due_at, kind)
    if kind == "before":
        assert "due no later than the notice under IND, which was sent first" in ob["why"]


def test_round_trips_and_travels_in_extra():
    data = rule_to_dict(AG, compact=True)
    assert data["not_after_notice"] == "IND"
    assert rule_from_dict(data).not_after_notice == "IND"
    # a store without the column keeps it in ``extra``
    stored = {k: v for k, v in data.items() if k != "not_after_notice"}
    stored["extra"] = {"not_after_notice": "IND"}
    assert rule_from_dict(stored).not_after_notice == "IND"


@pytest.mark.parametrize(
    ("value", "words"),
    [("NOPE", "names a missing rule 'NOPE'"), ("AG", "cannot follow its own notice")],
)
def test_a_bad_reference_is_refused(value, words):
    bad = {**rule_to_dict(AG, compact=True), "not_after_notice": value}
    data = {
        "format": "breachclock.rulebook/1",
        "version": "2026-12-06",
        "jurisdictions": [
            {
                "code": "US",
                "name": "United States",
                "timezone": "America/New_York",
                "holiday_country": "US",
            }
        ],
        "rules": [rule_to_dict(IND, compact=True), bad],
    }
    with pytest.raises(RulebookError) as caught:
        load_rulebook_data(data)
    assert (caught.value.rule_code, caught.value.field) == ("AG", "not_after_notice")
    assert words in str(caught.value)
