"""Out-of-range input is refused by the facts parser, naming the field, so nothing downstream (the
engine's date arithmetic, a 64-bit count column) ever sees it; ``manage.py clocks`` exits 2."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jurisdictions.engine.facts import MAX_AFFECTED, YEARS, FactsError, parse_facts

KNOWN = {"DE", "FR", "US", "US-CA"}
DISCOVERED = "2026-03-27T17:00:00Z"


def doc(**changes):
    out = {"events": {"discovered_at": DISCOVERED}, "affected": {"DE": 10}}
    for key, value in changes.items():
        if key == "events":
            out["events"] = {**out["events"], **value}
        else:
            out[key] = value
    return out


TOO_BIG = 99999999999999999999999

REFUSED = [
    ("year 1", doc(events={"discovered_at": "0001-01-01T00:00:00Z"}), "events.discovered_at"),
    ("year 9999", doc(events={"discovered_at": "9999-12-31T23:00:00Z"}), "events.discovered_at"),
    ("occurred 1899", doc(events={"occurred_at": "1899-12-31T23:00:00Z"}), "events.occurred_at"),
    ("aware 2201", doc(events={"aware_at": "2201-01-01T00:00:00Z"}), "events.aware_at"),
    ("notice year 1", doc(notices_sent={"DE-DPA": "0001-01-01T00:00:00Z"}), "notices_sent.DE-DPA"),
    ("notice 9999", doc(notices_sent={"DE-DPA": "9999-01-01T00:00:00Z"}), "notices_sent.DE-DPA"),
    ("as of year 1", doc(rules_as_of="0001-01-01"), "rules_as_of"),
    ("as of 9999", doc(rules_as_of="9999-12-31"), "rules_as_of"),
    ("count > 2^63", doc(affected={"DE": TOO_BIG}), "affected.DE"),
    ("count just over", doc(affected={"FR": 1, "DE": MAX_AFFECTED + 1}), "affected.DE"),
]


@pytest.mark.parametrize(("data", "field"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_out_of_range_is_refused_naming_the_field(data, field):
    with pytest.raises(FactsError) as caught:
        parse_facts(data, known_jurisdictions=KNOWN)
    assert caught.value.field == field
    assert "range" in caught.value.message or "at most" in caught.value.message


ACCEPTED = [
    ("first year", doc(events={"occurred_at": f"{YEARS[0]}-01-01T00:00:00+14:00"})),
    ("last year", doc(events={"determined_at": f"{YEARS[1]}-12-31T23:59:59-12:00"})),
    ("as of first", doc(rules_as_of=f"{YEARS[0]}-01-01")),
    ("as of last", doc(rules_as_of=f"{YEARS[1]}-12-31")),
    ("most people", doc(affected={"DE": MAX_AFFECTED})),
    ("nobody", doc(affected={"DE": 0})),
]


@pytest.mark.parametrize("data", [a[1] for a in ACCEPTED], ids=[a[0] for a in ACCEPTED])
def test_the_edges_of_the_range_are_accepted(data, shipped):
    from jurisdictions.engine.clocks import evaluate

    facts = parse_facts(data, known_jurisdictions={j.code for j in shipped.jurisdictions})
    # ... and the engine can compute with them (no date overflow at either end).
    evaluate(facts, shipped.rules, shipped.jurisdictions, rulebook_version=shipped.version)


def run_clocks(document: str):
    out, err, old_stdin = io.StringIO(), io.StringIO(), sys.stdin
    sys.stdin = io.StringIO(document)
    try:
        call_command("clocks", "-", stdout=out, stderr=err)
    finally:
        sys.stdin = old_stdin
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "field"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_clocks_command_exits_2_naming_the_field(data, field):
    with pytest.raises(CommandError) as raised:
        run_clocks(json.dumps(data))
    assert raised.value.returncode == 2
    assert field in str(raised.value)


BEFORE = "2026-03-27T16:59:59Z"  # a second before DISCOVERED


@pytest.mark.parametrize(
    "event",
    [
        "aware_at",
        "determined_at",
        "scope_identified_at",
        "materiality_determined_at",
        "classified_major_at",
        "assessed_notifiable_at",
    ],
)
def test_knowledge_before_discovery_is_a_contradiction(event):
    with pytest.raises(FactsError) as caught:
        parse_facts(doc(events={event: BEFORE}), known_jurisdictions=KNOWN)
    assert caught.value.field == f"events.{event}"
    assert "before discovered_at" in caught.value.message


@pytest.mark.parametrize(
    "events",
    [
        {"aware_at": DISCOVERED},  # the same moment
        {"occurred_at": "2020-01-01T00:00:00Z"},  # long before discovery: not knowledge
        {"ransom_paid_at": BEFORE},  # not knowledge either
        # Different legal tests: a US determination may come before GDPR awareness.
        {"aware_at": "2026-03-29T00:00:00Z", "determined_at": "2026-03-28T00:00:00Z"},
        # The engine stays pure: a future event is a what-if, not an error here.
        {"aware_at": "2199-01-01T00:00:00Z"},
    ],
)
def test_plausible_orders_are_accepted(events):
    facts = parse_facts(doc(events=events), known_jurisdictions=KNOWN)
    assert facts.events_given["discovered_at"].isoformat() == "2026-03-27T17:00:00+00:00"
