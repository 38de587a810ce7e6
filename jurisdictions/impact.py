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


def _open_incidents():
    from incidents.models import Incident  # lazily: see the module docstring

    return (
        Incident.objects.exclude(status="closed")
        .prefetch_related("events", "affected", "obligations")
        .order_by("pk")
    )


def _statuses(incident) -> dict[tuple[str, str | None], str]:
    return {(ob.rule_code, ob.stage or None): ob.status for ob in incident.obligations.all()}


def case_impacts(old: Rulebook, new: Rulebook) -> Iterator[CaseImpact]:
    """Every open case whose obligations differ between two rule books, with the differences."""
    from jurisdictions.services import evaluate_facts

    for incident in _open_incidents():
        facts = incident.facts_dict()
        impact = CaseImpact(
            incident_id=incident.pk,
            reference=incident.reference,
            title=incident.title,
            url=incident.get_absolute_url(),
        )
        try:
            before = evaluate_facts(facts, rulebook=old).to_dict()
            after = evaluate_facts(facts, rulebook=new).to_dict()
        except FactsError as error:
            # A case whose stored facts the engine refuses is shown, not silently skipped.
            impact.error = str(error)
            yield impact
            continue
        impact.changes = diff_obligations(before, after, statuses=_statuses(incident))
        if impact.changes:
            yield impact


def affected_case_ids(old: Rulebook, new: Rulebook) -> list[int]:
    return [c.incident_id for c in case_impacts(old, new) if not c.error]


def recompute_case(incident_id: int, *, user, reason: str) -> bool:
    """Recompute one case through the cases' own door; False if it no longer exists."""
    from incidents import actions
    from incidents.models import Incident

    incident = Incident.objects.filter(pk=incident_id).first()
    if incident is None:
        return False
    actions.recompute_obligations(incident, acting_user=user, reason=reason)
    return True
