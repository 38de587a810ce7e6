"""The facts keys law_enforcement_hold, national_security_delay and product_security_incident:
read, refused with the field named, written back unchanged."""

import pytest

from jurisdictions.engine.facts import FactsError, facts_to_dict, parse_facts

BASE = {"events": {"discovered_at": "2026-03-02T09:00:00Z"}}


def test_hold_and_delay_round_trip():
    facts = parse_facts(
        {
            **BASE,
            "law_enforcement_hold": {
                "requested_at": "2026-03-03T10:00:00Z",
                "lifted_at": None,
                "written": True,
                "agency": " FBI ",
            },
            "national_security_delay": {"determined_at": "2026-03-04T12:00:00-05:00"},
            "product_security_incident": True,
        }
    )
    assert facts.law_enforcement_hold.agency == "FBI"
    assert facts.national_security_delay.notified_in_writing is True
    doc = facts_to_dict(facts)
    assert doc["law_enforcement_hold"] == {
        "requested_at": "2026-03-03T10:00:00+00:00",
        "lifted_at": None,
        "written": True,
        "agency": "FBI",
    }
    assert doc["product_security_incident"] is True
    assert parse_facts(doc) == facts
    assert "law_enforcement_hold" not in facts_to_dict(parse_facts(BASE))


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"law_enforcement_hold": {"written": True}}, "law_enforcement_hold.requested_at"),
        ({"law_enforcement_hold": {"requested_at": "2026-03-03T10:00:00"}}, "requested_at"),
        (
            {
                "law_enforcement_hold": {
                    "requested_at": "2026-03-03T10:00:00Z",
                    "lifted_at": "2026-03-01T10:00:00Z",
                }
            },
            "law_enforcement_hold.lifted_at",
        ),
        (
            {"law_enforcement_hold": {"requested_at": "2026-03-03T10:00:00Z", "written": "yes"}},
            "law_enforcement_hold.written",
        ),
        (
            {"law_enforcement_hold": {"requested_at": "2026-03-03T10:00:00Z", "by": "x"}},
            "law_enforcement_hold.by",
        ),
        ({"law_enforcement_hold": "yes"}, "law_enforcement_hold"),
        ({"national_security_delay": {}}, "national_security_delay.determined_at"),
        (
            {
                "national_security_delay": {
                    "determined_at": "2026-03-04T12:00:00Z",
                    "ends_at": "2026-03-01T12:00:00Z",
                }
            },
            "national_security_delay.ends_at",
        ),
        ({"product_security_incident": "true"}, "product_security_incident"),
    ],
)
def test_bad_values_are_refused_naming_the_field(extra, field):
    with pytest.raises(FactsError) as raised:
        parse_facts({**BASE, **extra})
    assert raised.value.field.startswith(field) or field in raised.value.field
