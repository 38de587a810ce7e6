"""A rule-book publish on real Celery workers (PostgreSQL and Redis): the publish queues one
task, which shares the cases out as parts to two worker processes; every case moves and the job
reports done with its count. Needs the services (skipped locally without them, fails in CI)."""

from __future__ import annotations

import time

import pytest
from django.db import connection

from jurisdictions import services
from jurisdictions.models import PublishJob
from tests.jurisdictions.test_impact import TEXAS, _draft_texas_45_days, _texas_due
from tests.services import celery_worker_env, start_celery_worker, stop_process

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_workers(transactional_db, tmp_path):
    env = celery_worker_env(connection, tmp_path / "var", RULE_PUBLISH_PART_SIZE="2")
    logs = [tmp_path / f"worker{i}.log" for i in range(2)]
    processes = [
        start_celery_worker(f"publish{i}", env, log, "-l", "info", "--prefetch-multiplier", "1")
        for i, log in enumerate(logs)
    ]
    yield logs
    for process in processes:
        stop_process(process)
    for log in logs:
        print(log.read_text()[-3000:])


def test_publish_shares_the_cases_out_to_the_workers(
    rulebook, rules_admin, open_case, counsel, two_workers
):
    cases = [open_case(counsel, TEXAS) for _ in range(6)]
    old = {case.pk: _texas_due(case) for case in cases}
    job = services.publish([_draft_texas_45_days(rules_admin)], user=rules_admin)

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state in (PublishJob.State.DONE, PublishJob.State.FAILED):
            break
        time.sleep(0.5)
    assert (job.state, job.error) == ("done", "")
    assert (job.done, job.total, job.chunks, sorted(job.chunks_done)) == (6, 6, 3, [0, 1, 2])
    for case in cases:
        assert _texas_due(case) > old[case.pk]
    # Each part ran as a task of its own on a worker.
    ran = sum(log.read_text().count("recompute_publish_part") for log in two_workers)
    assert ran >= 3
