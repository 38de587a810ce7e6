"""clocks_per_case_ms: one incident affecting 13 jurisdictions against the whole shipped rule book.

Pure engine: facts parsing plus evaluation (the rule book is read and indexed once, as the loader
caches it per version). Target: under 5 ms.
"""

import time

FACTS = {
    "format": "breachclock.facts/1",
    "title": "Benchmark: web skimmer across 13 jurisdictions",
    "events": {
        "discovered_at": "2026-03-27T17:00:00+01:00",
        "classified_major_at": "2026-03-28T09:00:00+01:00",
        "materiality_determined_at": "2026-03-30T15:00:00-04:00",
    },
    "organisation": {
        "role": "controller",
        "main_establishment": "DE",
        "established_in": ["DE", "US-NY"],
        "subject_to": ["sec_registrant", "dora:insurance_undertaking", "hipaa_covered_entity"],
    },
    "data": ["name", "contact", "payment_card", "ssn", "medical"],
    "risk_of_harm": "high",
    "affected": {
        "DE": 9000,
        "FR": 3000,
        "IE": 10,
        "GB": 100,
        "US-CA": 600,
        "US-TX": 700,
        "US-NY": 6000,
        "US-MA": 30,
        "BR": 5,
        "JP": 2000,
        "SG": 700,
        "AU": 50,
        "CA-QC": 40,
    },
    "notices_sent": {"US-CA-IND": "2026-04-10T12:00:00-07:00"},
}


def run(quick: bool):
    from jurisdictions.engine.clocks import evaluate
    from jurisdictions.engine.facts import parse_facts
    from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file

    book = read_rulebook_file(default_rulebook_path())
    known = {j.code for j in book.jurisdictions}
    rounds = 50 if quick else 1000

    def one():
        facts = parse_facts(FACTS, known_jurisdictions=known)
        return evaluate(facts, book.rules, book.jurisdictions, rulebook_version=book.version)

    result = one()  # warm the caches (holiday calendars, compiled indexes), as a server would
    assert len(result.obligations) > 20
    start = time.perf_counter()
    for _ in range(rounds):
        one()
    yield "clocks_per_case_ms", (time.perf_counter() - start) * 1000 / rounds, "ms"
