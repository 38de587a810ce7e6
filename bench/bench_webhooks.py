"""Webhook delivery figures, on PostgreSQL (``DATABASE_URL=postgres://...``).

* ``webhook_deliveries_per_s`` — one Celery worker process (solo pool, beat embedded) sending
  pending deliveries (signed JSON, the visibility and address checks before each) to an HTTP
  receiver on loopback that verifies every signature. 1,000 deliveries (``--quick``: 300), from
  the first request received to the last.
* ``webhook_latency_p50_ms`` — the receiver's answer time as the delivery log records it.

Runs in a throw-away database (``bench_webhooks_<name>``, created and dropped here) and a private
redis-server on a free port.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(quick: bool):
    from django.db import connection

    if connection.vendor != "postgresql":
        print(
            "# bench_webhooks: set DATABASE_URL=postgres://... to measure "
            "webhook_deliveries_per_s (skipped)",
            file=sys.stderr,
        )
        return
    if not shutil.which("redis-server"):
        print("# bench_webhooks: redis-server not found (skipped)", file=sys.stderr)
        return
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"bench_webhooks_{old_name}"
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield from _deliveries(300 if quick else 1000, test_name)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _pending(n: int, receiver) -> None:
    """n pending deliveries of n events on one case, to one hook on ``receiver``."""
    from django.contrib.auth import get_user_model

    from incidents.models import Incident, TeamMember
    from webhooks.models import Delivery, Event, Webhook
    from webhooks.signing import new_secret

    user = get_user_model().objects.create(username="bench", email="bench@example.org")
    incident = Incident.objects.create(reference="INC-2099-0001", title="Bench", owner=user)
    TeamMember.objects.create(incident=incident, user=user, role="owner")
    secret = new_secret()
    receiver.secrets.append(secret)
    hook = Webhook.objects.create(
        created_by=user, url=receiver.url, events=["case.opened"], secret=secret
    )
    events = Event.objects.bulk_create(
        Event(name="case.opened", key=f"bench.{i}", incident=incident) for i in range(n)
    )
    Delivery.objects.bulk_create(Delivery(webhook=hook, event=e) for e in events)


def _deliveries(n: int, db_name: str):
    from django.db import connection

    from webhooks.models import Delivery

    sys.path.insert(0, str(ROOT))
    from tests.faults.harness import PrivateRedis, wait_for
    from tests.webhooks.receiver import Receiver

    workdir = Path(tempfile.mkdtemp(prefix="bench-webhooks-"))
    receiver, redis = Receiver(), PrivateRedis(workdir)
    redis.start()
    _pending(n, receiver)
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
        "BREACHCLOCK_VAR_DIR": str(workdir / "var"),
        "WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",
        "WEBHOOK_DISPATCH_SECONDS": "1",
        "LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--beat"]
    command += ["--pool", "solo", "-l", "warning", "-s", str(workdir / "beat-schedule")]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    worker = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=(workdir / "worker.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: len(receiver.processed) >= n, 300, f"{n} deliveries")
        times = sorted(r.at for r in receiver.requests)
        per_s = (len(times) - 1) / max(1e-6, times[-1] - times[0])
        yield (
            "webhook_deliveries_per_s",
            per_s,
            f"/s ({n} deliveries, one worker process, solo pool; "
            f"{receiver.bad_signatures} bad signatures, {receiver.processed_twice()} twice)",
        )
        wait_for(lambda: not Delivery.objects.filter(status="pending").exists(), 30, "rows marked")
        latencies = list(Delivery.objects.values_list("latency_ms", flat=True))
        yield "webhook_latency_p50_ms", statistics.median(latencies), "ms (receiver on loopback)"
    finally:
        worker.terminate()
        worker.wait(20)
        receiver.stop()
        redis.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        connection.close()
