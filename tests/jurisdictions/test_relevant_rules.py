"""Cutting the rule books down to what a change can affect (pure, on the shipped rule book)."""

from __future__ import annotations

import dataclasses

from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file
from jurisdictions.impact import relevant_rules
from jurisdictions.loader import Rulebook

BOOK = read_rulebook_file(default_rulebook_path())
OLD = Rulebook(BOOK.version, BOOK.rules, {j.code: j for j in BOOK.jurisdictions})


def changed(code, **fields):
    rules = tuple(dataclasses.replace(r, **fields) if r.code == code else r for r in OLD.rules)
    return Rulebook(OLD.version, rules, OLD.jurisdictions)


def codes(book):
    return {r.code for r in book.rules}


def test_a_changed_rule_brings_the_rules_that_wait_for_its_notice():
    new = changed("US-TX-IND", deadline_amount=45)
    old_cut, new_cut = relevant_rules(OLD, new)
    dependants = {r.code for r in OLD.rules if r.depends_on == "US-TX-IND"}
    assert "US-TX-CRA" in dependants
    assert codes(new_cut) == codes(old_cut) == {"US-TX-IND"} | dependants


def test_a_rule_waiting_for_another_brings_that_one():
    waiting = next(r for r in OLD.rules if r.depends_on)
    new = changed(waiting.code, notes="reviewed")
    assert {waiting.code, waiting.depends_on} <= codes(relevant_rules(OLD, new)[1])


def test_nothing_changed_means_nothing_to_evaluate():
    assert relevant_rules(OLD, OLD)[0].rules == ()


def test_a_jurisdiction_change_compares_the_whole_books():
    vt = OLD.jurisdictions["US-VT"]
    new = Rulebook(
        OLD.version,
        OLD.rules,
        {**OLD.jurisdictions, "US-VT": dataclasses.replace(vt, holiday_subdivision=None)},
    )
    assert len(relevant_rules(OLD, new)[1].rules) == len(OLD.rules)
