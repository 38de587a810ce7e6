"""Recomputing many cases, and the API case list's query count, on a throw-away database.

* ``recompute_10k_cases_s`` - 10,000 stored cases recomputed as after a rule-book change that
  moves nothing (read facts, evaluate, compare), on the worker pool: ``incidents.tasks`` cuts
  them into chunks shared out to Celery workers (target: <= 20 s). Measured with 1 and with 2
  worker processes (``recompute_10k_cases_1_worker_s``, ``..._2_workers_s``); the figure is the
  better one. ``recompute_10k_cases_in_process_s``: ``actions.recompute_many`` in this process.
  ``recompute_10k_cases_5pct_moved_s``: in this process, when one case in twenty has a deadline
  that moves (rewritten, logged, reminders rescheduled).
* ``open_case_ms`` - opening one case through ``actions.open_incident`` (facts, obligations,
  activity and reminder rows in one transaction).
* ``api_case_list_queries`` - the most queries ``GET /api/v1/incidents`` needs for any page and
  filter, with every case visible to the caller (target: no more than 8, whatever the page).

``--quick`` uses 500 cases and reports ``recompute_500_cases_s`` plus its linear extrapolation
to 10,000 as ``recompute_10k_cases_s_extrapolated``. Runs on the configured database
(PostgreSQL with ``DATABASE_URL=postgres://...``, else SQLite) in a test database created and
dropped here.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

TEMPLATES = [
    # (organisation, data, risk, cause, affected, extra events)
    (
        {"role": "controller", "main_establishment": "DE", "established_in": ["DE"]},
        ["name", "contact", "payment_card"],
        "high",
        "external_attack",
        {"DE": 9000, "FR": 3000, "US-CA": 600},
        {},
    ),
    (
        {"role": "controller", "established_in": ["US"]},
        ["name", "ssn", "financial_account"],
        "risk",
        "ransomware",
        {"US-NY": 6000, "US-TX": 700, "US-MA": 30, "US-FL": 1200},
        {},
    ),
    (
        {"role": "processor", "established_in": ["US"], "subject_to": ["hipaa_business_associate"]},
        ["name", "medical", "health_insurance", "date_of_birth"],
        "high",
        "ransomware",
        {"US-CA": 300, "US-WA": 900},
        {},
    ),
    (
        {
            "role": "controller",
            "established_in": ["US"],
            "subject_to": ["sec_registrant", "nydfs_covered_entity"],
        },
        ["name", "financial_account", "account_credentials"],
        "risk",
        "external_attack",
        {"US-NY": 5000, "US-NJ": 900},
        {"materiality_determined_at": timedelta(days=2)},
    ),
    (
        {"role": "controller", "main_establishment": "IE", "established_in": ["IE", "GB"]},
        ["name", "contact"],
        "risk",
        "misdirected_disclosure",
        {"GB": 100, "IE": 10, "NL": 40},
        {},
    ),
    (
        {"role": "controller", "established_in": ["JP"]},
        ["name", "contact", "account_credentials"],
        "high",
        "insider_misuse",
        {"JP": 2000, "SG": 700, "AU": 50, "CA-QC": 40},
        {},
    ),
]


def run(quick: bool):
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield from _measure(500 if quick else 10_000)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _seed(n: int):
    from django.contrib.auth import get_user_model

    from incidents.models import AffectedPopulation, Incident, IncidentEvent, TeamMember

    user = get_user_model().objects.create_user("bench.counsel")
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    incidents = []
    for i in range(n):
        org, data, risk, cause, _, _ = TEMPLATES[i % len(TEMPLATES)]
        incidents.append(
            Incident(
                reference=f"INC-2099-{i + 1:05d}",
                title=f"Bench case {i + 1}",
                owner=user,
                created_by=user,
                organisation_role=org["role"],
                main_establishment=org.get("main_establishment", ""),
                established_in=org.get("established_in", []),
                subject_to=org.get("subject_to", []),
                data_categories=data,
                risk_of_harm=risk,
                cause=cause,
            )
        )
    incidents = Incident.objects.bulk_create(incidents, batch_size=1000)
    events, affected, team = [], [], []
    for i, incident in enumerate(incidents):
        _, _, _, _, counts, extra = TEMPLATES[i % len(TEMPLATES)]
        # Spread over the year: DST changes, month ends and holidays all get their turn.
        discovered = start + timedelta(hours=37 * i % (24 * 330))
        events.append(IncidentEvent(incident=incident, event="discovered_at", at=discovered))
        for name, after in extra.items():
            events.append(IncidentEvent(incident=incident, event=name, at=discovered + after))
        affected.extend(
            AffectedPopulation(incident=incident, jurisdiction=code, count=count + i % 7)
            for code, count in counts.items()
        )
        team.append(TeamMember(incident=incident, user=user, role="owner"))
    IncidentEvent.objects.bulk_create(events, batch_size=2000)
    AffectedPopulation.objects.bulk_create(affected, batch_size=2000)
    TeamMember.objects.bulk_create(team, batch_size=2000)
    return user


def _store_obligations():
    """Give every seeded case its obligations straight from the engine, in bulk.

    Only the set-up: what is measured below goes through ``actions`` like production code.
    """
    from incidents.actions import _computed_values, _key, _result_dict
    from incidents.models import Incident, Obligation
    from jurisdictions.loader import current_rulebook
    from jurisdictions.services import evaluate_facts

    rulebook = current_rulebook()
    rows = []
    for incident in Incident.objects.unrestricted("bench set-up and checks").prefetch_related(
        "events", "affected", "obligations"
    ):
        for result in evaluate_facts(incident.facts_dict(), rulebook=rulebook).obligations:
            d = _result_dict(result)
            code, stage = _key(d["rule"], d.get("stage"))
            rows.append(
                Obligation(
                    incident=incident, rule_code=code, stage=stage, **_computed_values(result, d)
                )
            )
    Obligation.objects.bulk_create(rows, batch_size=2000)
    Incident.objects.unrestricted(
        "bench set-up and checks"
    ).refresh_next_due()  # what Obligation.save() keeps; bulk_create bypasses it


def _analyze():
    """Planner statistics for the bulk-loaded tables, as autovacuum would gather in production."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _measure(n: int):
    from incidents.actions import open_incident, recompute_many
    from incidents.models import Incident, Obligation
    from tests.factories import facts

    user = _seed(n)
    label = "10k" if n == 10_000 else str(n)
    _store_obligations()
    _analyze()

    started = time.perf_counter()
    totals = recompute_many(reason="benchmark: rule book republished")
    again = time.perf_counter() - started
    assert totals["cases"] == n and totals["changed"] == 0, totals
    # The same on the worker pool (incidents.tasks): chunks shared out to 1, then 2 workers.
    pooled = {workers: _pooled(workers, n) for workers in (1, 2)}

    # A rule change that moves 5% of the cases' deadlines: those are rewritten, logged and
    # their reminders rescheduled.
    moved_cases = list(
        Incident.objects.unrestricted("bench set-up and checks").values_list("pk", flat=True)[::20]
    )
    for pk in moved_cases:
        first = Obligation.objects.filter(incident_id=pk, due_at__isnull=False).first()
        if first is not None:
            Obligation.objects.filter(pk=first.pk).update(due_at=first.due_at - timedelta(hours=1))
    started = time.perf_counter()
    totals = recompute_many(reason="benchmark: a deadline rule changed")
    some_moved = time.perf_counter() - started
    assert totals["moved"] >= len(moved_cases) * 0.9, totals

    if n == 10_000:
        yield (
            "recompute_10k_cases_s",
            min(pooled.values()),
            "s (worker pool, best of 1 and 2 workers)",
        )
        yield "recompute_10k_cases_1_worker_s", pooled[1], "s"
        yield "recompute_10k_cases_2_workers_s", pooled[2], "s"
        yield "recompute_10k_cases_in_process_s", again, "s (one process, no pool)"
        yield "recompute_10k_cases_5pct_moved_s", some_moved, "s"
    else:
        yield f"recompute_{label}_cases_s", again, "s"
        yield "recompute_10k_cases_s_extrapolated", again * 10_000 / n, "s"
        yield f"recompute_{label}_cases_1_worker_s", pooled[1], "s"
        yield f"recompute_{label}_cases_2_workers_s", pooled[2], "s"
        yield f"recompute_{label}_cases_5pct_moved_s", some_moved, "s"
    yield "recompute_ms_per_case", again * 1000 / n, "ms"
    yield "obligations_per_case", Obligation.objects.count() / n, "rows"

    # Opening a case through the action: facts stored, obligations computed, activity and
    # reminder rows written in one transaction.
    sample = 20 if n < 10_000 else 50
    started = time.perf_counter()
    for _ in range(sample):
        open_incident(facts(), acting_user=user)
    yield "open_case_ms", (time.perf_counter() - started) * 1000 / sample, "ms"

    queries, slowest_ms = _api_list_queries(user, n)
    yield "api_case_list_queries", queries, "queries"
    yield "api_case_list_slowest_ms", slowest_ms, "ms"


def _pooled(workers: int, n: int) -> float:
    """Seconds to recompute every case through ``recompute_across_workers`` with ``workers``
    Celery worker processes (solo pool each) on a private redis-server, counted from the queueing
    of the chunks to the last chunk's counts."""
    import os
    import shutil
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from django.db import connection

    from bench.bench_case_list import database_url
    from tests.faults.harness import PrivateRedis

    root = Path(__file__).resolve().parent.parent
    workdir = Path(tempfile.mkdtemp(prefix="bench-recompute-"))
    redis = PrivateRedis(workdir)
    redis.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": database_url(connection.settings_dict),
        "CELERY_BROKER_URL": redis.url,
        "CELERY_RESULT_BACKEND": redis.url,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(root),
    }
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool",
                "solo",
                "-n",
                f"recompute{i}@%h",
                "-l",
                "warning",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for i in range(workers)
    ]
    # The chunks are queued and waited for from a process of its own, configured like the
    # workers (broker and result backend): this one keeps its settings.
    driver = (
        "import time, django; django.setup()\n"
        "from celery import current_app as app\n"
        "from incidents.tasks import recompute_across_workers\n"
        "from tests.faults.harness import wait_for\n"
        f"wait_for(lambda: len(app.control.ping(timeout=1)) >= {workers}, 120, 'the workers')\n"
        "started = time.perf_counter()\n"
        "totals = recompute_across_workers(reason='benchmark: rule book republished', wait=600)\n"
        "print(time.perf_counter() - started, totals['cases'], totals['changed'])\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", driver], cwd=root, env=env, capture_output=True, text=True,
            check=True, timeout=900,
        )  # fmt: skip
        elapsed, cases, changed = done.stdout.split()[-3:]
        assert (int(cases), int(changed)) == (n, 0), done.stdout
        return float(elapsed)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
        redis.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def _api_list_queries(user, n: int) -> tuple[int, float]:
    """The most queries, and the slowest response (best of three), over pages and filters."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=user)
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}", SERVER_NAME="localhost")
    last_page = max(1, -(-n // 50))
    queries = [
        {},
        {"page": last_page},
        {"page": last_page // 2 or 1, "sort": "next_due"},
        {"jurisdiction": "US", "sort": "-next_due"},
        {"status": "triage", "due_within": "7d", "q": "Bench"},
        {"page_size": 200, "sort": "title"},
    ]
    worst, slowest = 0, 0.0
    for params in queries:
        connection.queries_log.clear()  # a full log makes the capture count nothing
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/api/v1/incidents", params)
        assert response.status_code == 200, (params, response.status_code, response.content[:300])
        worst = max(worst, len(ctx.captured_queries))
        times = []
        for _ in range(3):
            started = time.perf_counter()
            client.get("/api/v1/incidents", params)
            times.append(time.perf_counter() - started)
        slowest = max(slowest, min(times) * 1000)
    return worst, slowest
