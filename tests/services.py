"""Finding the real services a test needs, and failing (never skipping) when CI requires them.

``BREACHCLOCK_REQUIRE_SERVICES=1`` (set by ``.ci/run`` on its PostgreSQL + Redis pass) turns every
"service missing" into a test failure, so a green run can never hide a service that was not there.
"""

from __future__ import annotations

import os
import socket
from urllib.parse import urlparse

import pytest


def services_required() -> bool:
    return os.environ.get("BREACHCLOCK_REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}


def missing(what: str) -> None:
    """Skip locally, fail in CI: the one place that decides."""
    if services_required():
        pytest.fail(f"{what} is required (BREACHCLOCK_REQUIRE_SERVICES is set) but not available")
    pytest.skip(f"{what} not available; set it up to run this test")


def reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), 1
        ):
            return True
    except OSError:
        return False


def redis_url() -> str:
    """The Redis the tests may use (a database number of their own), or a skip/fail."""
    url = (
        os.environ.get("TEST_REDIS_URL")
        or os.environ.get("REDIS_URL")
        or os.environ.get("CELERY_BROKER_URL", "")
    )
    if not url.startswith("redis"):
        url = "redis://127.0.0.1:6379/15" if services_required() else ""
    if not url or not reachable(url, 6379):
        missing("Redis")
    return url


def require_postgresql(connection) -> None:
    if connection.vendor != "postgresql":
        missing("PostgreSQL (DATABASE_URL=postgres://...)")


def database_url(connection) -> str:
    """The URL of the (test) database ``connection`` uses: for worker processes sharing it."""
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return (
        f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
        f"/{s['NAME']}"
    )


def celery_worker_env(connection, var_dir, **extra: str) -> dict:
    """The environment of a Celery worker process sharing this test's PostgreSQL database and
    the broker this process sends to (Redis, else a skip/fail)."""
    from config.celery import app

    require_postgresql(connection)
    broker = app.conf.broker_url or ""
    if not broker.startswith("redis"):
        missing("Redis as the Celery broker (CELERY_BROKER_URL=redis://...)")
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_SECRET_KEY": "worker-tests-not-secret",
        "DATABASE_URL": database_url(connection),
        "DJANGO_CONN_MAX_AGE": "0",
        "CELERY_BROKER_URL": broker,
        "BREACHCLOCK_VAR_DIR": str(var_dir),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def start_celery_worker(name: str, env: dict, log, *options: str):
    """A solo-pool worker process named ``name``, its output in ``log``; stop it with
    ``stop_process``."""
    import subprocess
    import sys
    from pathlib import Path

    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo",
         "-n", f"{name}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
         *options],
        cwd=Path(__file__).resolve().parent.parent, env=env, stdout=log.open("ab"),
        stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip


def stop_process(process) -> None:
    """SIGTERM to the process group (a warm shutdown), SIGKILL if it lingers."""
    import signal
    import subprocess

    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
