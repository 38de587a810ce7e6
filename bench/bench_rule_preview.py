"""The rules console's impact preview: per open case, the cost of comparing its deadlines under
the rule book before and after a one-rule change (Texas AG: 30 -> 45 days), evaluating only the
rules the change can affect, against evaluating the whole book twice.

No database: the shipped rule book file and a 13-jurisdiction case. Multiply by the number of
open cases for the preview page's time (``rule_preview_per_case_ms``).
"""

from __future__ import annotations

import dataclasses
import time

from bench.bench_clocks import FACTS


def run(quick: bool):
    from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file
    from jurisdictions.impact import deadline_changes, relevant_rules
    from jurisdictions.loader import Rulebook

    book = read_rulebook_file(default_rulebook_path())
    old = Rulebook(book.version, book.rules, {j.code: j for j in book.jurisdictions})
    new = Rulebook(
        book.version,
        tuple(
            dataclasses.replace(r, deadline_amount=45) if r.code == "US-TX-AG" else r
            for r in book.rules
        ),
        old.jurisdictions,
    )
    facts = {**FACTS, "affected": {**FACTS.get("affected", {}), "US-TX": 900}}
    rounds = 20 if quick else 300

    def timed(a, b):
        deadline_changes(facts, a, b)  # warm the holiday calendars
        start = time.perf_counter()
        for _ in range(rounds):
            changes = deadline_changes(facts, a, b)
        return (time.perf_counter() - start) * 1000 / rounds, changes

    start = time.perf_counter()
    cut_old, cut_new = relevant_rules(old, new)
    yield "rule_preview_cut_ms", (time.perf_counter() - start) * 1000, "ms"
    per_case, changes = timed(cut_old, cut_new)
    assert [c.rule for c in changes] == ["US-TX-AG"], changes
    yield "rule_preview_per_case_ms", per_case, "ms"
    whole, changes = timed(old, new)
    assert [c.rule for c in changes] == ["US-TX-AG"], changes
    yield "rule_preview_whole_book_per_case_ms", whole, "ms"
