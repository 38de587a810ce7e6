"""The case side of a rule change: which open cases it moves, and recomputing them.

The only module of the rule book that reads or changes cases. It imports ``incidents`` lazily,
inside functions: the cases depend on the rule book (they evaluate facts through
``jurisdictions.services``), so the rule book must not depend on them at import time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

from jurisdictions.diff import DeadlineChange, diff_obligations
from jurisdictions.engine.facts import FactsError
from jurisdictions.engine.rules import NOTICE_PREFIX
from jurisdictions.engine.serialization import rule_to_dict
from jurisdictions.loader import Rulebook

log = logging.getLogger(__name__)


@dataclass
class CaseImpact:
    """One open case and the changes a rule change would make to its deadlines."""

    incident_id: int
    reference: str
    title: str
    url: str
    changes: list[DeadlineChange] = field(default_factory=list)
    error: str = ""

    @property
    def needs_decision(self) -> bool:
        return any(c.needs_decision for c in self.changes)


@dataclass(frozen=True)
class HiddenCases:
    """What a reader is told about the cases a change moves that they may not see: counts."""

    cases: int = 0
    changes: int = 0
    needs_decision: int = 0


def visible_ids(user, ids) -> set[int]:
    """Which of these case ids ``user`` may see (the read door, one query)."""
    from incidents.models import Incident  # lazily: see the module docstring

    return set(
        Incident.objects.visible_to(user).filter(pk__in=list(ids)).values_list("pk", flat=True)
    )


def as_seen_by(user, impacts: list[CaseImpact]) -> tuple[list[CaseImpact], HiddenCases]:
    """The impacts on cases ``user`` may see, and counts for the rest (never their names)."""
    seen = visible_ids(user, (i.incident_id for i in impacts))
    shown = [i for i in impacts if i.incident_id in seen]
    rest = [i for i in impacts if i.incident_id not in seen]
    return shown, HiddenCases(
        cases=len(rest),
        changes=sum(len(i.changes) for i in rest),
        needs_decision=sum(1 for i in rest if i.needs_decision),
    )


def _open_incidents():
    from incidents.models import Incident  # lazily: see the module docstring

    # Deliberately every case, not ``visible_to``: a rule change moves the deadlines of cases
    # whoever publishes it. What a person is shown of them goes through ``as_seen_by``.
    # A closed case with an obligation still open counts: its deadline and reminders still run,
    # so a rule change moves them (and may add what the new rule owes). A closed case with
    # nothing open is settled and left as it was decided.
    return (
        Incident.objects.unrestricted("a rule change moves every running deadline")
        .deadlines_running()
        .prefetch_related("events", "affected", "obligations")
        .order_by("pk")
    )


def _statuses(incident) -> dict[tuple[str, str | None], str]:
    return {(ob.rule_code, ob.stage or None): ob.status for ob in incident.obligations.all()}


def _notices(rule) -> set[str]:
    codes = {rule.depends_on} if rule.depends_on else set()
    limit = rule.also_not_later_than
    if limit and limit.event.startswith(NOTICE_PREFIX):
        codes.add(limit.event[len(NOTICE_PREFIX) :])
    return codes


def relevant_rules(old: Rulebook, new: Rulebook) -> tuple[Rulebook, Rulebook]:
    """The two rule books cut down to the rules a change can affect.

    The changed rules, the rules whose clocks start at their notices (and so on), and the rules
    those depend on. Evaluating a case against these few rules instead of the whole book makes
    the preview of a one-rule change cheap. A change to a jurisdiction (zone, holidays, closure
    days) can move any rule counted there, so then the whole books are compared.
    """
    if old.jurisdictions != new.jurisdictions:
        return old, new

    def texts(book):
        out: dict[str, list] = {}
        for rule in book.rules:
            out.setdefault(rule.code, []).append(rule_to_dict(rule))
        return {code: sorted(v, key=lambda d: d["version"]) for code, v in out.items()}

    before, after = texts(old), texts(new)
    relevant = {
        code for code in before.keys() | after.keys() if before.get(code) != after.get(code)
    }
    everything = old.rules + new.rules
    grew = True
    while grew:
        size = len(relevant)
        for rule in everything:
            needs = _notices(rule)
            if rule.code in relevant:
                relevant |= needs  # what its clock waits for
            elif needs & relevant:
                relevant.add(rule.code)  # a clock that starts at a changed rule's notice
        grew = len(relevant) > size

    def cut(book):
        rules = tuple(r for r in book.rules if r.code in relevant)
        return Rulebook(book.version, rules, book.jurisdictions, book.revision)

    return cut(old), cut(new)


def deadline_changes(
    facts: dict, old: Rulebook, new: Rulebook, statuses=None
) -> list[DeadlineChange]:
    """The deadlines of one case's facts that differ between two rule books (FactsError if the
    facts are not valid)."""
    from jurisdictions.services import evaluate_facts

    if not old.rules and not new.rules:
        return []
    before = evaluate_facts(facts, rulebook=old).to_dict()
    after = evaluate_facts(facts, rulebook=new).to_dict()
    return diff_obligations(before, after, statuses=statuses)


def case_impacts(old: Rulebook, new: Rulebook) -> Iterator[CaseImpact]:
    """Every case whose deadlines still run (``deadlines_running``) and whose obligations differ
    between two rule books, with the differences."""
    old, new = relevant_rules(old, new)
    if not old.rules and not new.rules:
        return
    for incident in _open_incidents():
        impact = CaseImpact(
            incident_id=incident.pk,
            reference=incident.reference,
            title=incident.title,
            url=incident.get_absolute_url(),
        )
        try:
            impact.changes = deadline_changes(
                incident.facts_dict(), old, new, statuses=_statuses(incident)
            )
        except FactsError as error:
            # A case whose stored facts the engine refuses is shown, not silently skipped.
            impact.error = str(error)
            yield impact
            continue
        if impact.changes:
            yield impact


def affected_case_ids(old: Rulebook, new: Rulebook) -> list[int]:
    return [c.incident_id for c in case_impacts(old, new) if not c.error]


def recompute_case(incident_id: int, *, user, reason: str) -> bool:
    """Recompute one case through the cases' own door; False if it no longer exists."""
    from django.db import transaction

    from incidents import actions
    from incidents.models import Incident
    from reminders.moved_earlier import earlier_deadlines, tell_team

    # A worker acting for the rule change, not for a person: see _open_incidents.
    incident = Incident.objects.unrestricted("rule-change recompute").filter(pk=incident_id).first()
    if incident is None:
        return False
    result = actions.recompute_obligations(incident, acting_user=user, reason=reason)
    # A deadline the team works to that moved earlier: they are told at once, once the new
    # deadline is committed (reminders.moved_earlier).
    moves = earlier_deadlines(result)
    if moves:
        transaction.on_commit(lambda: tell_team(incident, moves, reason=reason, actor=user))
    return True
