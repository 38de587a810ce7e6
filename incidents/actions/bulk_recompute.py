"""Recomputing many cases after a rule-book change, in batches."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from jurisdictions.engine.facts import FactsError

from ..models import AffectedPopulation, Incident, IncidentEvent, Obligation, notices_sent_of
from . import hooks
from .conflicts import _conflicts_list
from .recompute import _not_applicable_list, _would_change, recompute_obligations

logger = logging.getLogger(__name__)


def recompute_many(
    incidents: Iterable[Incident] | None = None,
    *,
    reason: str,
    acting_user=None,
    batch_size: int = 400,
) -> dict[str, int]:
    """Recompute many cases (e.g. after a rule-book change; default: every case whose deadlines
    still run - ``deadlines_running``: not closed, or closed with an obligation still open).

    Cases are read and evaluated in batches (a handful of queries per batch, the rule book read
    once per batch); only a case whose obligations would change is then recomputed for real, in
    its own transaction under its row lock - so one failing case does not roll back the others,
    and a fact edited meanwhile is never overwritten by the batch's stale read.
    Returns counts by outcome.
    """
    from jurisdictions.loader import current_rulebook

    if incidents is None:  # a rule-book change: every case whose deadlines still run
        incidents = Incident.objects.unrestricted("rule-book recompute").deadlines_running()
    qs = incidents
    totals = {
        "cases": 0,
        "changed": 0,
        "created": 0,
        "moved": 0,
        "no_longer_applies": 0,
        "failed": 0,
    }
    ids = (
        list(qs.order_by("pk").values_list("pk", flat=True))
        if hasattr(qs, "values_list")
        else [i.pk for i in qs]
    )
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        rulebook = current_rulebook()
        # Related rows by one query each, grouped here: cheaper than prefetch_related, which
        # builds a queryset per case.
        events: dict[int, dict] = defaultdict(dict)
        for incident_id, name, at in IncidentEvent.objects.filter(
            incident_id__in=chunk
        ).values_list("incident_id", "event", "at"):
            events[incident_id][name] = at
        affected: dict[int, dict] = defaultdict(dict)
        for incident_id, code, count in AffectedPopulation.objects.filter(
            incident_id__in=chunk
        ).values_list("incident_id", "jurisdiction", "count"):
            affected[incident_id][code] = count
        stored: dict[int, list[Obligation]] = defaultdict(list)
        for ob in Obligation.objects.filter(incident_id__in=chunk):
            stored[ob.incident_id].append(ob)
        for incident in Incident.objects.unrestricted("the batch's cases").filter(pk__in=chunk):
            totals["cases"] += 1
            obligations = stored[incident.pk]
            notices = notices_sent_of(obligations)
            facts = incident.facts_dict(
                events=events[incident.pk], affected=affected[incident.pk], notices_sent=notices
            )
            try:
                evaluation = hooks.evaluate(facts, rulebook=rulebook)
            except FactsError:
                # Facts stored before a rule-book change that no longer validate (e.g. a
                # jurisdiction removed): leave the case as it is and count it.
                logger.exception("recompute skipped %s: facts no longer valid", incident.reference)
                totals["failed"] += 1
                continue
            conflicts_moved = _conflicts_list(evaluation) != incident.conflicts
            if not conflicts_moved and not _would_change(obligations, evaluation):
                ruled_out = _not_applicable_list(evaluation)
                if ruled_out != incident.not_applicable:  # only the "why not" list moved
                    Incident.objects.unrestricted("this case of the batch").filter(
                        pk=incident.pk
                    ).update(not_applicable=ruled_out)
                continue
            result = recompute_obligations(incident, acting_user=acting_user, reason=reason)
            totals["changed"] += int(result.anything)
            totals["created"] += len(result.created)
            totals["moved"] += len(result.moved)
            totals["no_longer_applies"] += len(result.no_longer_applies)
    return totals
