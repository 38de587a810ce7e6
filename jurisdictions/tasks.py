"""Background work of the rule book: recomputing the open cases a published change affects."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db.models import F
from django.utils import timezone

log = logging.getLogger(__name__)


@shared_task(acks_late=True)
def recompute_after_publish(job_id: int) -> None:
    """Recompute each case of a ``PublishJob``, one transaction per case, counting progress.

    Idempotent: a redelivered task recomputes again, which changes nothing the second time
    (recompute compares with the stored obligations).
    """
    from jurisdictions import impact
    from jurisdictions.models import PublishJob

    job = PublishJob.objects.select_related("user").get(pk=job_id)
    PublishJob.objects.filter(pk=job_id).update(state=PublishJob.State.RUNNING, done=0)
    reason = f"Rule book change: {job.summary}"
    try:
        for incident_id in job.incident_ids:
            impact.recompute_case(incident_id, user=job.user, reason=reason)
            PublishJob.objects.filter(pk=job_id).update(done=F("done") + 1)
    except Exception as error:
        log.exception("recompute after publish failed (job %s)", job_id)
        PublishJob.objects.filter(pk=job_id).update(
            state=PublishJob.State.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    PublishJob.objects.filter(pk=job_id).update(
        state=PublishJob.State.DONE, finished_at=timezone.now()
    )
