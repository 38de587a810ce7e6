"""Recomputing many cases on the worker pool: the cases are cut into chunks and each chunk is a
Celery task, so every worker (and every process of a worker's pool) takes its share, and adding
workers makes a rule-book recompute faster.

Each chunk runs ``actions.recompute_many`` on its cases: read and evaluated in batches, and a case
whose obligations change recomputed in its own transaction under its row lock. A chunk that is
redelivered (its worker lost) recomputes again, which changes nothing the second time.
"""

from __future__ import annotations

import logging

from celery import group, shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from .models import Incident

logger = logging.getLogger(__name__)

CHUNK = 250  # cases per task: small enough to share out, large enough for recompute_many batches


@shared_task(
    name="incidents.recompute_chunk",
    ignore_result=False,
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    max_retries=5,
)
def recompute_chunk(incident_ids: list[int], reason: str, acting_user_id: int | None = None):
    """Recompute these cases; returns the counts by outcome (``recompute_many``)."""
    from django.contrib.auth import get_user_model

    from .actions import recompute_many

    user = get_user_model().objects.filter(pk=acting_user_id).first() if acting_user_id else None
    cases = Incident.objects.unrestricted("a rule-book recompute acts for no one").filter(
        pk__in=incident_ids
    )
    totals = recompute_many(cases, reason=reason, acting_user=user)
    logger.info("recomputed %s cases: %s", len(incident_ids), totals)
    return totals


def recompute_across_workers(
    incident_ids: list[int] | None = None,
    *,
    reason: str,
    acting_user=None,
    chunk: int = CHUNK,
    wait: float | None = None,
) -> dict[str, int] | None:
    """Queue the recompute of these cases (default: every case whose deadlines still run) in
    chunks; with ``wait`` (seconds) and a result backend, wait for every chunk and return the
    summed counts, else return None at once (each chunk logs its own counts)."""
    if incident_ids is None:
        incident_ids = list(
            Incident.objects.unrestricted("a rule-book recompute acts for no one")
            .deadlines_running()
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    user_id = acting_user.pk if acting_user is not None else None
    job = group(
        recompute_chunk.s(incident_ids[start : start + chunk], reason, user_id)
        for start in range(0, len(incident_ids), chunk)
    )
    result = job.apply_async()
    if wait is None or not settings.CELERY_RESULT_BACKEND:
        return None
    totals: dict[str, int] = {}
    for part in result.get(timeout=wait, disable_sync_subtasks=False):
        for key, value in part.items():
            totals[key] = totals.get(key, 0) + value
    return totals
