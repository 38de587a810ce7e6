"""The daily purge on the Celery beat (``CELERY_BEAT_SCHEDULE["purge-expired-personal-data"]``).

Idempotent: a case purged once has no personal data left and is not picked again, so a run
repeated after a crash or delivered twice changes nothing more. Cases on legal hold are skipped
(checked again under each case's row lock).
"""

from __future__ import annotations

import logging

from celery import shared_task

from .actions import purge_expired

log = logging.getLogger(__name__)


@shared_task(name="retention.purge_expired")
def purge_expired_task(as_of: str | None = None) -> list[str]:
    from datetime import date

    purged = purge_expired(as_of=date.fromisoformat(as_of) if as_of else None)
    log.info("retention purge: %d case(s): %s", len(purged), ", ".join(purged) or "none")
    return purged
