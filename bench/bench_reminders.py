"""Reminder dispatch figures, on PostgreSQL (``DATABASE_URL=postgres://...``).

* ``due_scan_ms`` — claim 100 due reminders among 1,000,000 rows (then 2,000,000; ``--quick``:
  100,000 / 200,000), median of repeated claims, each rolled back. Targets: < 5 ms, and the
  larger table no more than 1.5x the smaller.
* ``reminders_per_s`` — one Celery worker (beat embedded) with a pool of 4 processes, as
  ``docker-compose.yml`` runs it, sending to an SMTP server on loopback (aiosmtpd in this
  process). Target: >= 100/s. ``reminders_per_s_solo``: the same with the solo pool (one send
  at a time). Each "sent" mark is a durable commit (a crash must not forget it), so a pool of
  senders, whose commits share PostgreSQL's WAL flushes, is what raises throughput.
* ``reminder_lateness_p99_s`` — due time to SMTP acceptance under that load, with the beat at its
  production interval (REMINDER_DISPATCH_SECONDS, 60 s) and reminders falling due continuously.
  Target: < 90 s.

Runs in a throw-away database (``bench_reminders_<name>``, created and dropped here) and a private
redis-server on a free port, so nothing of the developer's data is touched.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(quick: bool):
    from django.db import connection

    if connection.vendor != "postgresql":
        print(
            "# bench_reminders: set DATABASE_URL=postgres://... to measure due_scan_ms, "
            "reminders_per_s and reminder_lateness_p99_s (skipped)",
            file=sys.stderr,
        )
        return
    old_name = connection.settings_dict["NAME"]
    # Its own name: never the test suite's test_<name>, which may be in use.
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"bench_reminders_{old_name}"
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield from _scan(quick)
        yield from _delivery(quick, test_name)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


# --- due_scan_ms -------------------------------------------------------------------------------


def _fixtures(n_obligations: int):
    from django.contrib.auth import get_user_model

    from incidents.models import Incident, Obligation, TeamMember

    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"email": "bench@example.org"}
    )
    incident = Incident.objects.create(reference="INC-2099-0001", title="Bench", owner=user)
    TeamMember.objects.create(incident=incident, user=user, role="owner")
    Obligation.objects.bulk_create(
        [
            Obligation(
                incident=incident,
                rule_code=f"BENCH-{i}",
                jurisdiction="DE",
                regime="GDPR Art. 33",
                recipient="supervisory_authority",
                authority="Bench authority",
            )
            for i in range(n_obligations)
        ]
    )
    return incident


def _fill(first_offset: int, per_obligation: int):
    """per_obligation rows for every obligation: 97% sent long ago, 3% pending in the future,
    and 1,000 pending rows due in the last minutes (what each claim picks from)."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            """
            INSERT INTO reminders_reminder (obligation_id, kind, offset_minutes, deadline_version,
                deadline_at, due_at, status, attempts, delivered_to, failed_recipients,
                last_error, closed_reason, created_at, sent_at)
            SELECT o.id, 'before', -g, 1,
                   now() + interval '1 day',
                   CASE WHEN r < 0.97 THEN now() - (g || ' minutes')::interval
                        ELSE now() + (g || ' minutes')::interval END,
                   CASE WHEN r < 0.97 THEN 'sent' ELSE 'pending' END,
                   1, '[]'::jsonb, '{}'::jsonb, '', '', now(),
                   CASE WHEN r < 0.97 THEN now() ELSE NULL END
            FROM incidents_obligation o
            CROSS JOIN generate_series(%s, %s) AS g
            CROSS JOIN LATERAL (SELECT random() AS r OFFSET 0) rnd
            WHERE o.rule_code LIKE 'BENCH-%%'
            """,
            [first_offset, first_offset + per_obligation - 1],
        )
        # The due ones: 1,000 pending rows whose moment is in the last 10 minutes.
        cur.execute(
            """
            UPDATE reminders_reminder SET status = 'pending', sent_at = NULL,
                   due_at = now() - (random() * interval '10 minutes')
            WHERE id IN (SELECT id FROM reminders_reminder WHERE status = 'sent'
                         ORDER BY id DESC LIMIT 1000)
            """
        )
    _vacuum()


def _vacuum():
    """What autovacuum does for a live table: the rolled-back claims of the previous round leave
    dead index entries at the head of the partial index, which no real dispatcher would see
    piling up (its claims commit and the rows then leave the index as they are sent)."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE reminders_reminder")


def _time_claims(rounds: int) -> tuple[float, float]:
    """(median, best) milliseconds of ``rounds`` claims of 100 rows, each rolled back."""
    from django.db import transaction

    from reminders.tasks import claim_due_reminders

    timings = []
    for _ in range(rounds):
        with transaction.atomic():
            start = time.perf_counter()
            _, ids = claim_due_reminders(limit=100)
            timings.append((time.perf_counter() - start) * 1000)
            assert len(ids) == 100, len(ids)
            transaction.set_rollback(True)  # the same due rows for the next round
    return statistics.median(timings), min(timings)


def _scan(quick: bool):
    from reminders.models import Reminder

    n_obligations = 1000
    per = 100 if quick else 1000
    _fixtures(n_obligations)
    _fill(1, per)
    small = Reminder.objects.count()
    _time_claims(5)  # warm the cache
    _vacuum()
    first, first_best = _time_claims(40)
    yield f"due_scan_ms@{small // 1000}k", first, f"ms (median of 40; best {first_best:.2f})"
    Reminder.objects.filter(status="pending", due_at__lte=_now()).update(status="sent")
    _fill(per + 1, per)  # vacuums too
    big = Reminder.objects.count()
    _time_claims(5)
    _vacuum()
    second, second_best = _time_claims(40)
    yield f"due_scan_ms@{big // 1000}k", second, f"ms (median of 40; best {second_best:.2f})"
    yield "due_scan_ms", max(first, second), "ms"
    yield "due_scan_ratio", second / first, f"x ({big:,} vs {small:,} rows)"
    with __import__("django.db", fromlist=["connection"]).connection.cursor() as cur:
        cur.execute("TRUNCATE reminders_reminder")


def _now():
    from django.utils import timezone

    return timezone.now()


# --- reminders_per_s and reminder_lateness_p99_s -----------------------------------------------


def _delivery(quick: bool, db_name: str):
    from django.db import connection
    from django.utils import timezone

    from incidents.models import Incident, Obligation
    from reminders.models import DispatchHeartbeat, Reminder

    sys.path.insert(0, str(ROOT))
    from tests.faults.harness import PrivateRedis, SMTPServer, wait_for

    if not shutil.which("redis-server"):
        print(
            "# bench_reminders: redis-server not found; delivery figures skipped", file=sys.stderr
        )
        return
    # One worker process with the solo pool (what the command below starts): each task sends its
    # chunk over one SMTP connection.
    interval = float(os.environ.get("REMINDER_DISPATCH_SECONDS", 15 if quick else 60))
    burst = 500 if quick else 2000
    spread = 900 if quick else 3000  # falling due over one beat interval, under that load
    workdir = Path(tempfile.mkdtemp(prefix="bench-reminders-"))
    smtp, redis = SMTPServer(), PrivateRedis(workdir)
    smtp.start()
    redis.start()
    s = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_SECRET_KEY": "bench-not-secret",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": (
            f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{db_name}"
        ),
        "CELERY_BROKER_URL": redis.url,
        "EMAIL_URL": smtp.url,
        "BREACHCLOCK_VAR_DIR": str(workdir / "var"),
        "REMINDER_DISPATCH_SECONDS": str(interval),
        "REMINDER_BATCH_SIZE": "100",
        "LOG_LEVEL": "WARNING",
    }
    incident = Incident.objects.unrestricted("bench set-up and checks").get(
        reference="INC-2099-0001"
    )
    obligations = list(Obligation.objects.filter(incident=incident).order_by("id"))
    # Give every obligation a real deadline, so the worker finds them open and due.
    Obligation.objects.filter(incident=incident).update(due_at=timezone.now() + timedelta(days=2))

    def start_worker(pool: list[str]):
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--beat", *pool,
             "-l", "warning", "-s", str(workdir / "beat-schedule"),
             "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=(workdir / "worker.log").open("ab"),
            stderr=subprocess.STDOUT,
        )  # fmt: skip

    def burst_per_s(offset_base: int) -> tuple[float, int]:
        """Throughput of a burst of due reminders, claimed at the next beat run."""
        smtp.handler.received.clear()
        rows = _rows(obligations, burst, timezone.now(), timedelta(0), offset_base=offset_base)
        wait_for(lambda: len(smtp.handler.snapshot()) >= len(rows), interval + 120, "the burst")
        accepted = _acceptance_times(smtp)
        return (len(rows) - 1) / max(1e-6, accepted[-1] - accepted[0]), len(rows)

    # The solo pool first (one send at a time, as measured before), then the production worker
    # (docker-compose.yml: a pool of 4 processes), which also serves the lateness figure.
    worker = start_worker(["--pool", "solo"])
    try:
        wait_for(lambda: DispatchHeartbeat.objects.exists(), interval + 30, "the first beat run")
        solo, n = burst_per_s(10_000)
    finally:
        worker.terminate()
        worker.wait(30)
    DispatchHeartbeat.objects.all().delete()
    worker = start_worker(["--concurrency", "4", "--prefetch-multiplier", "1"])
    try:
        wait_for(lambda: DispatchHeartbeat.objects.exists(), interval + 30, "the first beat run")
        pooled, n = burst_per_s(15_000)
        yield (
            "reminders_per_s",
            pooled,
            f"/s ({n} reminders, one worker, a pool of 4 processes as in docker-compose.yml)",
        )
        yield "reminders_per_s_solo", solo, f"/s ({n} reminders, one worker, solo pool)"

        # Lateness: reminders falling due continuously over one beat interval.
        smtp.handler.received.clear()
        start = timezone.now()
        rows = _rows(obligations, spread, start, timedelta(seconds=interval), offset_base=20_000)
        wait_for(
            lambda: len(smtp.handler.snapshot()) >= len(rows),
            2 * interval + 180,
            "the spread reminders",
        )
        due = dict(Reminder.objects.filter(pk__in=rows).values_list("pk", "due_at"))
        late = sorted(
            r.accepted_at - due[int(r.message["X-Breachclock-Reminder"])].timestamp()
            for r in smtp.handler.snapshot()
        )
        p99 = late[min(len(late) - 1, int(len(late) * 0.99))]
        yield (
            "reminder_lateness_p99_s",
            p99,
            f"s ({len(rows)} due over {interval:.0f} s, beat every {interval:.0f} s)",
        )
    finally:
        worker.terminate()
        worker.wait(30)
        smtp.stop()
        redis.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def _rows(obligations, n, start, spread, *, offset_base):
    from reminders.models import Reminder

    objs = []
    for i in range(n):
        obligation = obligations[i % len(obligations)]
        objs.append(
            Reminder(
                obligation=obligation,
                kind="before",
                offset_minutes=-(offset_base + i),
                deadline_version=obligation.deadline_version,
                deadline_at=obligation.due_at or start + timedelta(days=2),
                due_at=start + spread * (i / max(1, n - 1)),
            )
        )
    return [r.pk for r in Reminder.objects.bulk_create(objs)]


def _acceptance_times(smtp):
    return sorted(r.accepted_at for r in smtp.handler.snapshot())
