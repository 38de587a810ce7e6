"""Engine test fixtures: the shipped rule book and a helper that evaluates facts."""

import pytest

from jurisdictions.engine.clocks import evaluate
from jurisdictions.engine.facts import parse_facts
from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file

SSN_DATA = ["name", "ssn"]


@pytest.fixture(scope="session")
def shipped():
    return read_rulebook_file(default_rulebook_path())


class Outcome:
    """Obligations and exclusions of one evaluation, by rule code, in their JSON form."""

    def __init__(self, evaluation):
        self.evaluation = evaluation
        self.doc = evaluation.to_dict()
        self.owed = {o["rule"]: o for o in self.doc["obligations"]}
        self.excluded = {e["rule"]: e for e in self.doc["not_applicable"]}

    def due(self, code):
        return self.owed[code]["due_at"]


@pytest.fixture(scope="session")
def clocks(shipped):
    def run(facts, book=None):
        book = book or shipped
        parsed = parse_facts(facts, known_jurisdictions={j.code for j in book.jurisdictions})
        return Outcome(
            evaluate(parsed, book.rules, book.jurisdictions, rulebook_version=book.version)
        )

    return run
