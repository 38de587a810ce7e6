"""Fixtures for the fault tests: they need PostgreSQL (the worker subprocesses share the test
database with the test), Redis and redis-server, and start their own SMTP server and workers.

Missing services fail these tests in CI (tests/services.py), and skip them locally.
"""

from __future__ import annotations

import os
import shutil
from datetime import timedelta

import pytest
from django.db import connection

from tests.reminders.conftest import (  # noqa: F401 - shared fixtures: people, cases, obligations
    counsel,
    make_incident,
    make_obligation,
    make_user,
    responder,
)
from tests.services import database_url, missing, redis_url, require_postgresql

from .harness import PrivateRedis, SMTPServer, Worker

pytestmark = pytest.mark.services

ESCALATION = "escalation@example.org"


SITE_URL = "https://breachclock.example"


@pytest.fixture
def fault_db(transactional_db, settings):
    """The test database, committed (the worker must see our rows): its URL for the worker."""
    require_postgresql(connection)
    settings.SITE_URL = SITE_URL  # as the workers have it: Message-IDs are computed from it
    settings.ESCALATION_EMAIL = ESCALATION
    return database_url(connection)


@pytest.fixture
def smtp():
    server = SMTPServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis(tmp_path):
    redis_url()  # Redis is a required service: fail in CI, skip locally, when it is missing
    if not shutil.which("redis-server"):
        missing("redis-server (Debian package redis-server)")
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()


def worker_pool(db_url, smtp, redis, tmp_path, started: list[Worker]):
    class Pool:
        def env(self, **overrides):
            env = {
                **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
                "DJANGO_SETTINGS_MODULE": "config.settings.local",
                "DJANGO_SECRET_KEY": "fault-tests-not-secret",
                "DJANGO_DEBUG": "false",
                "DATABASE_URL": db_url,
                "DJANGO_CONN_MAX_AGE": "0",
                "CELERY_BROKER_URL": redis.url,
                "EMAIL_URL": smtp.url,
                "EMAIL_TIMEOUT": "5",
                "BREACHCLOCK_VAR_DIR": str(tmp_path / "var"),
                "BREACHCLOCK_ESCALATION_EMAIL": ESCALATION,
                "BREACHCLOCK_SITE_URL": SITE_URL,
                "REMINDER_DISPATCH_SECONDS": "1",
                "REMINDER_LEASE_SECONDS": "6",
                "REMINDER_RETRY_BASE_SECONDS": "1",
                "REMINDER_RETRY_MAX_SECONDS": "3",
                "LOG_LEVEL": "WARNING",
            }
            env.update({k: str(v) for k, v in overrides.items()})
            return env

        def start(self, travel_to=None, **overrides) -> Worker:
            worker = Worker(self.env(**overrides), tmp_path, travel_to=travel_to).start()
            started.append(worker)
            return worker

    return Pool()


@pytest.fixture
def workers(fault_db, smtp, redis, tmp_path, request):
    """Start workers with ``workers.start(**env_overrides)``; all are stopped at the end."""
    started: list[Worker] = []
    yield worker_pool(fault_db, smtp, redis, tmp_path, started)
    for worker in started:
        worker.stop()
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        for worker in started:
            print(f"--- {worker.name} log ---\n{worker.tail()}")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def due_now(make_obligation):  # noqa: F811 - the fixture imported above
    """``due_now(n)``: n cases, each with one reminder due now (its deadline 59 minutes away:
    the "1 hour before" moment). Returns the obligations."""

    def make(n, **fields):
        return [make_obligation(due_in=timedelta(minutes=59), **fields) for _ in range(n)]

    return make


def expected_ids(obligations) -> dict[str, str]:
    """Message-ID -> address for every reader of every reminder due now on these obligations."""
    from django.utils import timezone

    from reminders.emails import message_id, recipients_for
    from reminders.models import Reminder

    out = {}
    rows = Reminder.objects.filter(
        obligation__in=obligations, status="pending", due_at__lte=timezone.now()
    ).select_related("obligation__incident__owner")
    for row in rows:
        for r in recipients_for(row, row.obligation, row.obligation.incident):
            out[message_id(row.pk, r.email)] = r.email
    return out


def assert_each_once(smtp, expected: dict[str, str]):
    counts = smtp.handler.counts()
    missing_ids = [m for m in expected if counts[m] == 0]
    twice = {m: c for m, c in counts.items() if c > 1}
    assert not twice, f"delivered more than once: {twice}"
    assert not missing_ids, f"{len(missing_ids)} of {len(expected)} never delivered"
    return len(expected)


# --- A PostgreSQL of the fault tests' own (tests/faults/pg_cluster.py) --------------------------


@pytest.fixture(scope="session")
def own_postgres(django_db_setup, django_db_blocker):
    """A throw-away cluster with a template database copied from the migrated test database
    (``pg_dump`` / ``pg_restore``), for the tests that stop, crash and cut off PostgreSQL."""
    import subprocess

    from .pg_cluster import ThrowawayPostgres, server_binaries

    with django_db_blocker.unblock():
        require_postgresql(connection)
        if server_binaries() is None or not shutil.which("pg_dump"):
            missing("the PostgreSQL server programs (initdb, pg_ctl, pg_dump)")
        shared = database_url(connection)
    cluster = ThrowawayPostgres().init()
    cluster.start()
    try:
        dump = cluster.dir / "template.dump"
        subprocess.run(["pg_dump", "-Fc", "-f", str(dump), shared], check=True, timeout=120)
        cluster.execute("CREATE DATABASE breachclock_template")
        subprocess.run(
            ["pg_restore", "--no-owner", "-d", cluster.url("breachclock_template"), str(dump)],
            check=True,
            timeout=120,
        )
        yield cluster
    finally:
        cluster.destroy()


_own_dbs = iter(range(1, 10_000))


@pytest.fixture
def own_db(own_postgres, transactional_db, settings):
    """A fresh database on the throw-away cluster; this process's Django connection uses it for
    the test (then goes back to the shared test database). Returns its name."""
    name = f"faults_{next(_own_dbs)}"
    own_postgres.execute(f"CREATE DATABASE {name} TEMPLATE breachclock_template")
    settings.SITE_URL = SITE_URL
    settings.ESCALATION_EMAIL = ESCALATION
    connection.close()
    saved = dict(connection.settings_dict)
    connection.settings_dict.update(
        NAME=name, HOST="127.0.0.1", PORT=own_postgres.port, USER="postgres", PASSWORD=""
    )
    try:
        yield name
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.fixture
def own_db_workers(own_postgres, own_db, smtp, redis, tmp_path, request):
    """Workers (``own_db_workers.start(**env)``) on the throw-away cluster's database, their
    connections named ``breachclock-worker`` (so a test can find and cut them)."""
    started: list[Worker] = []
    url = own_postgres.url(own_db, application_name="breachclock-worker")
    yield worker_pool(url, smtp, redis, tmp_path, started)
    for worker in started:
        worker.stop()
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        for worker in started:
            print(f"--- {worker.name} log ---\n{worker.tail()}")


@pytest.fixture
def own_db_web(own_postgres, own_db, redis, tmp_path, settings):
    """Gunicorn serving the product from the throw-away cluster's database (with this process's
    secret key, so a session signed in here is valid there)."""
    from .harness import WebServer

    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": own_postgres.url(own_db, application_name="breachclock-web"),
        "CELERY_BROKER_URL": redis.url,
        "BREACHCLOCK_VAR_DIR": str(tmp_path / "var"),
        "BREACHCLOCK_SITE_URL": SITE_URL,
        "LOG_LEVEL": "WARNING",
    }
    server = WebServer(env, tmp_path).start()
    yield server
    server.stop()
