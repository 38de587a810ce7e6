"""Load during an incident, on PostgreSQL (``DATABASE_URL=postgres://...``; ``--only load``).

50 simulated people for 5 minutes (Locust, headless, loopback only; ``bench/locustfile.py``):
counsel reloading the dashboard, the case list and case pages, responders editing facts and
recording notifications, an integration polling the API - against gunicorn with the production
settings of the README - while a Celery worker with its beat (every 60 s, as in production)
sends 3,000 reminders falling due over the same 5 minutes to an SMTP server on loopback.

* ``load_error_rate`` - failed requests / requests (target: 0);
* ``load_p95_ms`` - 95th percentile response time over every request (target: <= 300 ms);
* ``load_requests_per_s`` - requests served per second;
* ``reminder_lateness_under_load_p99_s`` - due time to SMTP acceptance (target: <= 90 s).

``--quick``: 20 people for 60 s and 600 reminders. Runs in a database of its own
(``bench_load_<name>``, dropped at the end), a private redis-server and its own gunicorn on a free
port. Needs the ``bench`` extra (``pip install -e '.[bench]'``: Locust).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-load-not-secret"  # noqa: S105 - a throw-away key, shared with its gunicorn
CASES = 150
PEOPLE = 20  # counsel, and as many responders
KEEP_ALIVE = 5  # gunicorn --keep-alive, as the README's production settings


def run(quick: bool):
    from django.db import connection

    if connection.vendor != "postgresql":
        print("# bench_load: set DATABASE_URL=postgres://... (skipped)", file=sys.stderr)
        return
    locust = Path(sys.executable).with_name("locust")
    if not locust.exists() or not shutil.which("redis-server"):
        print("# bench_load: needs Locust (the bench extra) and redis-server", file=sys.stderr)
        return
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"bench_load_{old_name}"
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield from _measure(quick, name, locust)
    finally:
        connection.close()
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _people(role: str, n: int):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from audit import roles

    names = {"counsel": roles.COUNSEL, "responder": roles.RESPONDER}
    group = Group.objects.get(name=names.get(role, roles.PRIVACY_OFFICE))
    users = []
    for i in range(n):
        user = get_user_model().objects.create_user(
            f"{role.split()[0]}.{i}", email=f"{role.split()[0]}.{i}@example.org",
            first_name=role.title(), last_name=str(i),
        )  # fmt: skip
        user.groups.add(group)
        users.append(user)
    return users


def _seed(start, duration: float, reminders: int):
    from django.conf import settings
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from incidents.actions import open_incident
    from incidents.models import Incident, Obligation, TeamMember
    from tests.factories import facts

    settings.SECRET_KEY = SECRET  # the sessions below must be valid for the gunicorn
    counsel = _people("counsel", PEOPLE)
    responders = _people("responder", PEOPLE)
    integration = _people("privacy office", 1)[0]
    cases = {u.pk: [] for u in counsel + responders}
    for i in range(CASES):
        owner, responder = counsel[i % PEOPLE], responders[i % PEOPLE]
        incident = open_incident(facts(), acting_user=owner)
        TeamMember.objects.create(incident=incident, user=responder, role="responder")
        cases[owner.pk].append(incident.pk)
        cases[responder.pk].append(incident.pk)
    plan = {"counsel": [], "responders": [], "all_cases": sum(cases.values(), [])}
    for user in counsel:
        client = Client()
        client.force_login(user)
        plan["counsel"].append(
            {"session": client.cookies["sessionid"].value, "cases": cases[user.pk]}
        )
    for user in responders:
        token = Token.objects.create(user=user).key
        # Half of each case's open obligations are this responder's to record as notified.
        open_ones = Obligation.objects.filter(status="open", incident_id__in=cases[user.pk])
        mine = list(open_ones.order_by("pk").values_list("pk", flat=True)[::2])
        plan["responders"].append({"token": token, "cases": cases[user.pk], "obligations": mine})
    plan["integration"] = {"token": Token.objects.create(user=integration).key}

    # The reminder load: one obligation per reminder (several of one obligation claimed together
    # would be folded into one notice), each due at its own moment of the window.
    from reminders.models import Reminder

    holder = Incident.objects.create(
        reference="INC-2099-7777", title="Reminder load", owner=counsel[0], created_by=counsel[0]
    )
    TeamMember.objects.create(incident=holder, user=counsel[0], role="owner")
    deadline = start + timedelta(days=2)
    obligations = Obligation.objects.bulk_create(
        Obligation(
            incident=holder, rule_code=f"LOAD-{i}", jurisdiction="DE", regime="GDPR Art. 33",
            recipient="supervisory_authority", authority="Load authority", due_at=deadline,
        )
        for i in range(reminders)
    )  # fmt: skip
    rows = Reminder.objects.bulk_create(
        Reminder(
            obligation=ob, kind="before", offset_minutes=-60, deadline_version=ob.deadline_version,
            deadline_at=deadline, due_at=start + timedelta(seconds=duration * i / reminders),
        )
        for i, ob in enumerate(obligations)
    )  # fmt: skip
    return plan, {r.pk: r.due_at.timestamp() for r in rows}


def _measure(quick: bool, db_name: str, locust: Path):
    from django.db import connection
    from django.utils import timezone

    sys.path.insert(0, str(ROOT))
    from bench.bench_case_list import database_url, wait_for_port
    from tests.faults.harness import PrivateRedis, SMTPServer, free_port

    users, seconds, reminders = (20, 60, 600) if quick else (50, 300, 3000)
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    warmup = 20.0
    start = timezone.now() + timedelta(seconds=warmup + 5)
    plan, due = _seed(start, seconds, reminders)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    (workdir / "plan.json").write_text(json.dumps(plan))
    smtp, redis = SMTPServer(), PrivateRedis(workdir)
    smtp.start()
    redis.start()
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": database_url(connection.settings_dict),
        "CELERY_BROKER_URL": redis.url,
        "BREACHCLOCK_CACHE_URL": redis.url.rsplit("/", 1)[0] + "/1",
        "EMAIL_URL": smtp.url,
        "BREACHCLOCK_VAR_DIR": str(workdir / "var"),
        "REMINDER_DISPATCH_SECONDS": "60",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
        "BENCH_LOAD_PLAN": str(workdir / "plan.json"),
        "BENCH_LOAD_KEEP_ALIVE": str(KEEP_ALIVE),
    }
    bindir = Path(sys.executable).parent
    processes = []

    def spawn(args, log):
        process = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=(workdir / log).open("wb"), stderr=subprocess.STDOUT
        )
        processes.append(process)
        return process

    try:
        # The README's production settings, sized for this machine's cores.
        workers = str(max(2, 2 * (os.cpu_count() or 1)))
        spawn([str(bindir / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", workers, "--threads", "4", "--timeout", "30",
               "--keep-alive", str(KEEP_ALIVE), "--max-requests", "2000",
               "--max-requests-jitter", "200", "--log-level", "warning"],
              "web.log")  # fmt: skip
        spawn([sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency", "4",
               "--prefetch-multiplier", "1", "--max-tasks-per-child", "500", "-l", "warning",
               "--without-gossip", "--without-mingle"], "worker.log")  # fmt: skip
        spawn([sys.executable, "-m", "celery", "-A", "config", "beat", "-l", "warning",
               "-s", str(workdir / "beat-schedule")], "beat.log")  # fmt: skip
        wait_for_port(port, 60)
        time.sleep(max(0.0, (start - timezone.now()).total_seconds() - warmup))
        stats = workdir / "locust"
        subprocess.run(
            [str(locust), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
             "--users", str(users), "--spawn-rate", "10", "--run-time", f"{seconds}s",
             "--host", f"http://127.0.0.1:{port}", "--csv", str(stats), "--only-summary",
             "--loglevel", "WARNING", "--stop-timeout", "10", "--exit-code-on-error", "0"],
            cwd=ROOT, env=env, check=True, stdout=(workdir / "locust.log").open("wb"),
            stderr=subprocess.STDOUT, timeout=seconds + 120,
        )  # fmt: skip
        total = _aggregated(stats.with_name("locust_stats.csv"))
        print("# bench_load by request:\n" + _by_request(stats.with_name("locust_stats.csv")),
              file=sys.stderr)  # fmt: skip
        failures = stats.with_name("locust_failures.csv").read_text()
        if failures.count("\n") > 1:
            print(f"# bench_load failures:\n{failures}", file=sys.stderr)
        # Reminders still due after the load: wait for the last of them.
        deadline = time.monotonic() + 180
        while len(_accepted(smtp, due)) < len(due) and time.monotonic() < deadline:
            time.sleep(1)
        accepted = _accepted(smtp, due)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        smtp.stop()
        redis.stop()
    requests, failures = int(total["Request Count"]), int(total["Failure Count"])
    yield "load_error_rate", failures / max(1, requests), f"({failures} of {requests} requests)"
    yield "load_p95_ms", float(total["95%"]), f"ms ({users} people, {seconds} s)"
    yield "load_requests_per_s", float(total["Requests/s"]), "req/s"
    late = sorted(accepted[pk] - due[pk] for pk in accepted)
    missing = len(due) - len(accepted)
    p99 = late[min(len(late) - 1, int(len(late) * 0.99))] if late else float("inf")
    yield (
        "reminder_lateness_under_load_p99_s",
        p99 if not missing else float("inf"),
        f"s ({len(accepted)} of {len(due)} reminders sent, beat every 60 s)",
    )
    shutil.rmtree(workdir, ignore_errors=True)


def _aggregated(path: Path) -> dict:
    with path.open() as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                return row
    raise RuntimeError(f"no aggregated row in {path}")


def _by_request(path: Path) -> str:
    """One line per request name: count, failures, median and 95th percentile (ms)."""
    with path.open() as handle:
        return "\n".join(
            f"#   {row['Name']}: {row['Request Count']} requests, {row['Failure Count']} failed,"
            f" median {row['Median Response Time']} ms, p95 {row['95%']} ms"
            for row in csv.DictReader(handle)
        )


def _accepted(smtp, due) -> dict[int, float]:
    """Reminder id -> when its first message was accepted."""
    first: dict[int, float] = {}
    for received in smtp.handler.snapshot():
        header = received.message["X-Breachclock-Reminder"]
        if header and int(header) in due:
            pk = int(header)
            first[pk] = min(first.get(pk, received.accepted_at), received.accepted_at)
    return first
