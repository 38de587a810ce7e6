"""Background work of the rule book: recomputing the open cases a published change affects.

The cases are cut into parts and each part is a Celery task of its own, so every worker (and
every process of a worker's pool) takes its share: more workers, a faster publish. Progress is
counted per case; the job is done when every part has reported once.
"""

from __future__ import annotations

import logging

from celery import group, shared_task
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone

log = logging.getLogger(__name__)


def _parts(incident_ids: list[int]) -> list[list[int]]:
    size = max(1, settings.RULE_PUBLISH_PART_SIZE)
    return [incident_ids[i : i + size] for i in range(0, len(incident_ids), size)]


@shared_task(acks_late=True)
def recompute_after_publish(job_id: int, inline: bool = False) -> None:
    """Recompute each case of a ``PublishJob``: share the parts out to the workers, or run them
    here one after another (``inline``, the import command; or a single part).

    Idempotent: a redelivered task starts the count again and recomputes again, which changes
    nothing the second time (recompute compares with the stored obligations).
    """
    from jurisdictions.models import PublishJob

    job = PublishJob.objects.get(pk=job_id)
    if job.state in (PublishJob.State.DONE, PublishJob.State.FAILED):
        return  # delivered again after the job ended: starting over would show it running
    parts = _parts(list(job.incident_ids))
    PublishJob.objects.filter(pk=job_id).update(
        state=PublishJob.State.RUNNING, done=0, chunks=len(parts), chunks_done=[]
    )
    if not parts:
        _finish(job_id)
    elif inline or len(parts) == 1:
        for index, ids in enumerate(parts):
            recompute_publish_part(job_id, index, ids)
    else:
        group(recompute_publish_part.s(job_id, i, ids) for i, ids in enumerate(parts)).delay()


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    max_retries=5,
)
def recompute_publish_part(self, job_id: int, index: int, incident_ids: list[int]) -> None:
    """Recompute one part of a job's cases, one transaction per case, counting progress."""
    from jurisdictions import impact
    from jurisdictions.models import PublishJob

    job = PublishJob.objects.select_related("user").get(pk=job_id)
    if job.state == PublishJob.State.FAILED:
        return  # another part failed: the job says so; the rest is not worth a half-done run
    if index in job.chunks_done:
        return  # delivered again after it reported: its cases are recomputed and counted
    reason = f"Rule book change: {job.summary}"
    try:
        for incident_id in incident_ids:
            impact.recompute_case(incident_id, user=job.user, reason=reason)
            # A part redelivered half-way counts its first cases again: never past the total.
            PublishJob.objects.filter(pk=job_id).update(done=Least(F("done") + 1, F("total")))
    except (OperationalError, InterfaceError) as error:
        # The database went away: the task is retried (autoretry_for), unless no retry comes.
        if self.request.called_directly or self.request.retries >= self.max_retries:
            _fail(job_id, index, error)
        raise
    except Exception as error:
        _fail(job_id, index, error)
        raise
    with transaction.atomic():
        job = PublishJob.objects.select_for_update().get(pk=job_id)
        if index in job.chunks_done:
            return  # a part delivered twice counts once
        job.chunks_done = [*job.chunks_done, index]
        job.save(update_fields=["chunks_done"])
    if len(job.chunks_done) >= job.chunks:
        _finish(job_id)


def _fail(job_id: int, index: int, error: Exception) -> None:
    from jurisdictions.models import PublishJob

    log.exception("recompute after publish failed (job %s, part %s)", job_id, index)
    try:
        PublishJob.objects.filter(pk=job_id).update(
            state=PublishJob.State.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
    except DatabaseError:
        log.exception("could not mark publish job %s failed", job_id)


def _finish(job_id: int) -> None:
    from jurisdictions.models import PublishJob

    # A redelivered part may have counted its cases twice: the finished job shows the total.
    PublishJob.objects.filter(pk=job_id, state=PublishJob.State.RUNNING).update(
        state=PublishJob.State.DONE, done=F("total"), finished_at=timezone.now()
    )
