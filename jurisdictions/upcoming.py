"""Changes coming to the rule book: rule versions taking effect in the next months, each with the
open cases it would change, and laws adopted but not yet dated ("pending").

A version that takes effect on day D never applies to a clock that started before D (the engine
picks the version in force on the clock's date), so the preview asks the forward question: were a
case's clocks governed by the law as it will stand on D, what would change? It evaluates each case
whose deadlines still run under ``rules_as_of = D`` with and without the version, through the
rule-change preview (``jurisdictions.impact``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, timedelta

from jurisdictions.diff import DeadlineChange
from jurisdictions.engine.clocks import NOT_IN_FORCE_STATUSES
from jurisdictions.engine.facts import FactsError
from jurisdictions.engine.rules import Rule
from jurisdictions.loader import Rulebook, current_rulebook

HORIZON_DAYS = 180


@dataclass
class CaseChange:
    incident_id: int
    reference: str
    title: str
    url: str
    changes: list[DeadlineChange] = field(default_factory=list)
    error: str = ""


@dataclass
class Coming:
    """One rule version taking effect within the horizon."""

    rule: Rule
    new_rule: bool  # no earlier version of the rule is in the book
    cases: list[CaseChange] = field(default_factory=list)  # those the reader may see
    hidden_cases: int = 0  # changed cases the reader may not see: a count only

    @property
    def case_count(self) -> int:
        return len(self.cases) + self.hidden_cases


def coming(today: date, book: Rulebook | None = None, days: int = HORIZON_DAYS) -> list[Rule]:
    """Published versions whose ``effective_from`` is after ``today`` and within ``days``,
    soonest first."""
    book = book or current_rulebook()
    until = today + timedelta(days=days)
    found = [r for r in book.rules if r.effective_from and today < r.effective_from <= until]
    return sorted(found, key=lambda r: (r.effective_from, r.code, r.version))


def pending(book: Rulebook | None = None) -> list[Rule]:
    """Laws adopted or proposed but not yet dated: versions with a not-in-force status and no
    ``effective_from`` (the engine never applies them), by code."""
    book = book or current_rulebook()
    found = [r for r in book.rules if r.status in NOT_IN_FORCE_STATUSES and not r.effective_from]
    return sorted(found, key=lambda r: (r.code, r.version))


def _without(book: Rulebook, version: Rule) -> Rulebook:
    """The book as it was before ``version`` was published: the version gone, and the version it
    cut short (publication ends it the day before) running on again."""
    cut = version.effective_from - timedelta(days=1)
    rules = []
    for rule in book.rules:
        if rule.code == version.code and rule.version == version.version:
            continue
        if rule.code == version.code and rule.effective_to == cut:
            rule = dataclasses.replace(rule, effective_to=version.effective_to)
        rules.append(rule)
    return Rulebook(f"{book.version}-{version.code}", tuple(rules), book.jurisdictions, 0)


def _case_changes(version: Rule, book: Rulebook) -> list[CaseChange]:
    """Every case whose deadlines still run and whose obligations the version would change under
    the law as it stands on its date."""
    from jurisdictions import impact
    from jurisdictions.diff import diff_obligations
    from jurisdictions.services import evaluate_facts

    old, new = impact.relevant_rules(_without(book, version), book)
    day = version.effective_from.isoformat()
    out = []
    for incident in impact._open_incidents():
        facts = {**incident.facts_dict(), "rules_as_of": day}
        row = CaseChange(
            incident.pk, incident.reference, incident.title, incident.get_absolute_url()
        )
        try:
            before = evaluate_facts(facts, rulebook=old).to_dict()
            after = evaluate_facts(facts, rulebook=new).to_dict()
        except FactsError as error:
            row.error = str(error)
            out.append(row)
            continue
        row.changes = diff_obligations(before, after, statuses=impact._statuses(incident))
        if row.changes:
            out.append(row)
    return out


def changes_coming(user, today: date, book: Rulebook | None = None) -> list[Coming]:
    """The coming versions with the cases each would change, as ``user`` may see them.

    The preview evaluates every case whose deadlines still run (an unrestricted read, as the
    rule-change preview does); only the cases in ``visible_to(user)`` are named, the others are
    counted.
    """
    from incidents.models import Incident

    book = book or current_rulebook()
    result = []
    for version in coming(today, book):
        changed = _case_changes(version, book)
        visible = set(
            Incident.objects.visible_to(user)
            .filter(pk__in=[c.incident_id for c in changed])
            .values_list("pk", flat=True)
        )
        earlier = any(r.code == version.code and r.version != version.version for r in book.rules)
        result.append(
            Coming(
                rule=version,
                new_rule=not earlier,
                cases=[c for c in changed if c.incident_id in visible],
                hidden_cases=sum(1 for c in changed if c.incident_id not in visible),
            )
        )
    return result
