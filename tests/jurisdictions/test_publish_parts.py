"""A publish shares its cases out to the worker pool in parts: every case recomputed once, the
progress counted per case, the job done only when every part has reported, and a part the broker
delivers twice counted once."""

from __future__ import annotations

import pytest

from jurisdictions import services, tasks
from jurisdictions.models import PublishJob
from tests.jurisdictions.test_impact import TEXAS, _draft_texas_45_days, _texas_due


@pytest.fixture
def texas_cases(rulebook, open_case, counsel):
    return [open_case(counsel, TEXAS) for _ in range(5)]


@pytest.fixture
def eager_workers():
    """Tasks run as they are queued, as if a worker took each at once."""
    from config.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


def test_parts_are_queued_as_tasks_and_the_job_finishes_once_all_report(
    texas_cases, rules_admin, monkeypatch, eager_workers, settings
):
    settings.RULE_PUBLISH_PART_SIZE = 2
    old = {case.pk: _texas_due(case) for case in texas_cases}
    job = services.publish([_draft_texas_45_days(rules_admin)], user=rules_admin)
    assert job.total == 5

    queued = []
    real = tasks.recompute_publish_part.run
    monkeypatch.setattr(
        tasks.recompute_publish_part,
        "run",
        lambda job_id, index, ids: (queued.append((index, ids)), real(job_id, index, ids))[1],
    )
    tasks.recompute_after_publish(job.pk)

    assert [index for index, _ in queued] == [0, 1, 2]
    assert sorted(pk for _, ids in queued for pk in ids) == sorted(old)
    job.refresh_from_db()
    assert (job.state, job.done, job.chunks, sorted(job.chunks_done)) == ("done", 5, 3, [0, 1, 2])
    for case in texas_cases:
        assert _texas_due(case) > old[case.pk]  # 30 days became 45


def test_a_part_delivered_twice_counts_once_and_the_job_waits_for_the_others(
    texas_cases, rules_admin, monkeypatch, settings
):
    settings.RULE_PUBLISH_PART_SIZE = 2
    job = services.publish([_draft_texas_45_days(rules_admin)], user=rules_admin)
    ids = list(job.incident_ids)
    PublishJob.objects.filter(pk=job.pk).update(state="running", chunks=3, chunks_done=[])

    tasks.recompute_publish_part(job.pk, 0, ids[0:2])
    tasks.recompute_publish_part(job.pk, 0, ids[0:2])  # the broker delivers it again
    job.refresh_from_db()
    assert (job.state, job.chunks_done) == ("running", [0])

    tasks.recompute_publish_part(job.pk, 1, ids[2:4])
    tasks.recompute_publish_part(job.pk, 2, ids[4:])
    job.refresh_from_db()
    # The part delivered twice ran and counted once: the job shows its five cases.
    assert (job.state, job.done, sorted(job.chunks_done)) == ("done", 5, [0, 1, 2])


def test_a_failed_part_fails_the_job_and_the_other_parts_stop(
    texas_cases, rules_admin, monkeypatch, settings
):
    from jurisdictions import impact

    settings.RULE_PUBLISH_PART_SIZE = 2
    job = services.publish([_draft_texas_45_days(rules_admin)], user=rules_admin)
    ids = list(job.incident_ids)
    PublishJob.objects.filter(pk=job.pk).update(state="running", chunks=3, chunks_done=[])

    def broken(incident_id, **kwargs):
        raise ValueError("facts no longer load")

    monkeypatch.setattr(impact, "recompute_case", broken)
    with pytest.raises(ValueError):
        tasks.recompute_publish_part(job.pk, 0, ids[0:2])
    monkeypatch.undo()
    tasks.recompute_publish_part(job.pk, 1, ids[2:4])  # the next part sees the failure
    job.refresh_from_db()
    assert (job.state, job.done, job.chunks_done) == ("failed", 0, [])
    assert "facts no longer load" in job.error


def test_a_part_delivered_again_after_it_reported_is_neither_rerun_nor_counted(
    texas_cases, rules_admin, monkeypatch, settings
):
    from jurisdictions import impact

    settings.RULE_PUBLISH_PART_SIZE = 2
    job = services.publish([_draft_texas_45_days(rules_admin)], user=rules_admin)
    ids = list(job.incident_ids)
    PublishJob.objects.filter(pk=job.pk).update(state="running", chunks=3, chunks_done=[])
    tasks.recompute_publish_part(job.pk, 0, ids[0:2])
    calls = []
    real = impact.recompute_case
    monkeypatch.setattr(impact, "recompute_case", lambda *a, **k: (calls.append(a), real(*a, **k)))
    tasks.recompute_publish_part(job.pk, 0, ids[0:2])  # the broker delivers it again
    job.refresh_from_db()
    # The progress page says 2 of 5 while the other parts still run, not 4 of 5.
    assert (job.state, job.done, calls) == ("running", 2, [])


def test_progress_never_passes_the_total_while_the_job_runs(texas_cases, rules_admin, settings):
    settings.RULE_PUBLISH_PART_SIZE = 2
    job = services.publish([_draft_texas_45_days(rules_admin)], user=rules_admin)
    ids = list(job.incident_ids)
    # A worker lost half-way through part 0 had counted 1 case; parts 1 and 2 reported.
    PublishJob.objects.filter(pk=job.pk).update(state="running", chunks=4, chunks_done=[1, 2])
    PublishJob.objects.filter(pk=job.pk).update(done=4)
    tasks.recompute_publish_part(job.pk, 0, ids[0:2])  # redelivered: counts both again
    job.refresh_from_db()
    assert job.state == "running"
    assert job.done <= job.total == 5


def test_a_database_error_run_out_of_retries_fails_the_job(
    texas_cases, rules_admin, monkeypatch, settings
):
    from django.db import OperationalError

    from jurisdictions import impact

    settings.RULE_PUBLISH_PART_SIZE = 2
    job = services.publish([_draft_texas_45_days(rules_admin)], user=rules_admin)
    ids = list(job.incident_ids)
    PublishJob.objects.filter(pk=job.pk).update(state="running", chunks=3, chunks_done=[])

    def gone(incident_id, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(impact, "recompute_case", gone)
    # Called in-process (the import command, or a job of one part): no retry will come.
    with pytest.raises(OperationalError):
        tasks.recompute_publish_part(job.pk, 0, ids[0:2])
    job.refresh_from_db()
    assert job.state == "failed"  # not "running" for ever on the progress page
    assert "server closed the connection" in job.error


def test_the_start_delivered_again_after_the_job_finished_changes_nothing(
    texas_cases, rules_admin, monkeypatch, eager_workers, settings
):
    settings.RULE_PUBLISH_PART_SIZE = 2
    job = services.publish([_draft_texas_45_days(rules_admin)], user=rules_admin)
    tasks.recompute_after_publish(job.pk)
    job.refresh_from_db()
    finished = (job.state, job.done, job.finished_at)
    assert finished[:2] == ("done", 5)

    queued = []
    monkeypatch.setattr(
        tasks.recompute_publish_part, "run", lambda job_id, index, ids: queued.append(index)
    )
    tasks.recompute_after_publish(job.pk)  # the broker delivers the start again
    job.refresh_from_db()
    assert ((job.state, job.done, job.finished_at), queued) == (finished, [])
