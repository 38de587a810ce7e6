"""A rule-book recompute shared out to the worker pool in chunks (``incidents.tasks``): every case
whose deadlines run is in exactly one chunk, and each chunk recomputes its own cases.

Celery runs the chunks in this process here (``task_always_eager``); the benchmark
(``bench/bench_recompute.py``) runs them on 1 and 2 real workers.
"""

from __future__ import annotations

import pytest
from celery import current_app

from incidents import tasks
from incidents.models import Obligation

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager(settings):
    current_app.conf.task_always_eager = True
    settings.CELERY_RESULT_BACKEND = "cache+memory://"
    yield
    current_app.conf.task_always_eager = False


def test_every_running_case_is_recomputed_once_in_chunks(open_case, counsel, eager, monkeypatch):
    cases = [open_case(counsel) for _ in range(5)]
    chunks = []
    real = tasks.recompute_chunk.run

    def recorded(ids, reason, acting_user_id=None):
        chunks.append(list(ids))
        return real(ids, reason, acting_user_id)

    monkeypatch.setattr(tasks.recompute_chunk, "run", recorded)
    Obligation.objects.filter(incident=cases[3], rule_code="US-CA-IND").delete()
    totals = tasks.recompute_across_workers(reason="rule book updated", chunk=2, wait=30)
    assert sorted(sum(chunks, [])) == sorted(case.pk for case in cases)
    assert [len(chunk) for chunk in chunks] == [2, 2, 1]
    assert totals["cases"] == 5 and totals["changed"] == 1 and totals["created"] == 1
    assert cases[3].activity.filter(kind="obligation_added", actor=None).exists()


def test_a_chunk_recomputes_only_its_cases(open_case, counsel):
    a, b = open_case(counsel), open_case(counsel)
    Obligation.objects.filter(incident__in=[a, b], rule_code="US-CA-IND").delete()
    totals = tasks.recompute_chunk.run([a.pk], "rule book updated")
    assert totals["cases"] == 1 and totals["created"] == 1
    assert not Obligation.objects.filter(incident=b, rule_code="US-CA-IND").exists()
