"""The case list with 10,000 cases on PostgreSQL (``DATABASE_URL=postgres://...``).

* ``case_list_queries`` - the most queries any case-list page needs (target: <= 6), measured
  over first, middle and last pages, sorts and filters, through Django's test client, each page
  computed afresh (``case_list_queries_cached``: served from the list cache);
* ``case_list_p95_ms`` - 95th percentile latency of the case list under gunicorn with 4
  concurrent clients (target: < 100 ms);
* ``case_list_vs_hello`` - case-list throughput as a ratio of a minimal signed-in view
  (``bench.web_urls.hello``) measured on the same server just before and just after the list
  (the mean of the two), so a drift in the machine's speed moves both alike (target: >= 0.5).

Pages people reload come from the list cache (``incidents.list_cache``) until a committed write
changes what they show, so the two figures above are the steady state of a list being reloaded.
``case_list_uncached_p95_ms`` and ``case_list_uncached_vs_hello`` are the same load with the
cache off (``CASE_LIST_CACHE=false``): every page finds, counts and orders the cases again, as
the first load after a change does (target: ``case_list_uncached_vs_hello`` >= 0.3).

The cases are written with ``bulk_create`` into a database of the benchmark's own
(``bench_case_list_<name>``, dropped at the end). Gunicorn (4 workers) listens on loopback
``BENCH_WEB_PORT`` (default 8431).
"""

from __future__ import annotations

import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = 10_000
CLIENTS = 4
PORT = int(os.environ.get("BENCH_WEB_PORT", "8431"))
USERNAME = "bench.counsel"


def seed(n: int):
    """``n`` cases on the bench user's team, each with 2 affected rows and 3 obligations."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from incidents.models import AffectedPopulation, Incident, Obligation, TeamMember

    user, _ = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"first_name": "Bench", "last_name": "Counsel"}
    )
    have = (
        Incident.objects.unrestricted("bench set-up and checks")
        .filter(reference__startswith="BENCH-")
        .count()
    )
    if have >= n:
        return user
    now = timezone.now()
    statuses = ["triage", "investigating", "notifying", "closed", "reopened"]
    places = ["DE", "FR", "US-CA", "US-TX", "GB", "IE", "US-NY", "NL"]
    batch = 1000
    with transaction.atomic():
        for start in range(have, n, batch):
            rows = [
                Incident(
                    reference=f"BENCH-{i:06d}",
                    title=f"Bench incident {i} ({random.choice(['phishing', 'ransomware', 'lost laptop', 'misdirected e-mail'])})",  # noqa: E501, S311
                    description="Generated for the case-list benchmark.",
                    status=statuses[i % len(statuses)],
                    severity=["low", "medium", "high", "critical"][i % 4],
                    owner=user,
                    created_by=user,
                    created_at=now - timedelta(minutes=i),
                    updated_at=now,
                )
                for i in range(start, min(start + batch, n))
            ]
            Incident.objects.bulk_create(rows)
            TeamMember.objects.bulk_create(
                TeamMember(incident=row, user=user, role="owner") for row in rows
            )
            AffectedPopulation.objects.bulk_create(
                AffectedPopulation(incident=row, jurisdiction=code, count=100 + k)
                for k, row in enumerate(rows)
                for code in (places[k % len(places)], places[(k + 3) % len(places)])
            )
            Obligation.objects.bulk_create(
                Obligation(
                    incident=row,
                    rule_code=f"BENCH-{j}",
                    jurisdiction="DE",
                    regime="GDPR",
                    recipient="supervisory_authority",
                    authority="Bench authority",
                    clock_start_at=row.created_at,
                    due_at=row.created_at + timedelta(hours=72 * (j + 1)),
                    deadline_kind="fixed",
                    why=["generated"],
                )
                for row in rows
                for j in range(3)
            )
            # As ``Obligation.save()`` would have kept it (bulk_create bypasses save()).
            Incident.objects.unrestricted("bench set-up and checks").filter(
                pk__in=[row.pk for row in rows]
            ).refresh_next_due()
    return user


LIST_URLS = [
    "/incidents/",
    "/incidents/?page=2",
    "/incidents/?page=200",
    "/incidents/?page=400",
    "/incidents/?sort=next_due",
    "/incidents/?sort=-next_due&page=37",
    "/incidents/?sort=title&page=150",
    "/incidents/?status=investigating",
    "/incidents/?jurisdiction=US&page=3",
    "/incidents/?due_within=7d",
    "/incidents/?q=ransomware&page=5",
    "/incidents/?owner=bench.counsel&status=notifying&sort=severity",
]


def max_queries(client, *, cached: bool) -> int:
    """The most queries any list URL needs, each page computed afresh (``cached=False``: the
    worst case, as after any change) or served from the list cache."""
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    worst = 0
    for url in LIST_URLS:
        client.get(url)
        if not cached:
            caches["case_list"].clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        worst = max(worst, len(ctx.captured_queries))
    return worst


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), 0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not listen on 127.0.0.1:{port}")


def load(paths: list[str], cookie: str, seconds: float, max_requests: int):
    """``CLIENTS`` threads request ``paths`` in turn for ``seconds`` (at most ``max_requests``
    each); returns (latencies in ms, requests per second)."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    errors: list[str] = []

    def client(offset: int):
        mine = []
        for i in range(max_requests):
            if time.monotonic() >= stop:
                break
            path = paths[(offset + i) % len(paths)]
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            began = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": cookie, "Host": "localhost"})
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - began) * 1000)
            conn.close()
            if response.status != 200:
                errors.append(f"{path}: {response.status}")
                break
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(k * 3,)) for k in range(CLIENTS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if errors:
        raise RuntimeError("bench requests failed: " + "; ".join(errors[:3]))
    return latencies, len(latencies) / elapsed


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[94]


def database_url(settings_dict) -> str:
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{settings_dict['USER']}{password}@{host}:{port}/{settings_dict['NAME']}"


def run(quick: bool):
    from django.db import connection

    if connection.vendor != "postgresql":
        print(
            "# bench_case_list: set DATABASE_URL=postgres://... to measure case_list_queries, "
            "case_list_p95_ms and case_list_vs_hello (skipped)",
            file=sys.stderr,
        )
        return
    old_name = connection.settings_dict["NAME"]
    # A database of its own (created, then dropped): never the configured one, never the
    # test suite's.
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"bench_case_list_{old_name}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield from measure(quick, database_url(connection.settings_dict))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure(quick: bool, db_url: str):
    from django.db import connection
    from django.test import Client

    user = seed(CASES)
    with connection.cursor() as cursor:
        # Fresh planner statistics and visibility map after the bulk insert, as autovacuum gives
        # a live system (it vacuums after inserts too, since PostgreSQL 13).
        cursor.execute("VACUUM ANALYZE")
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    yield "case_list_queries", max_queries(client, cached=False), "queries"
    yield "case_list_queries_cached", max_queries(client, cached=True), "queries"

    cookie = f"sessionid={client.cookies['sessionid'].value}"
    seconds = 3.0 if quick else 12.0
    cap = 300 if quick else 3000
    # Each list load is bracketed by two hello loads on the same server, and compared with their
    # mean: this machine's speed drifts by a third over a minute, and a yardstick measured at
    # another moment than the list moved the ratio by as much.
    with serve(db_url, cache=True):
        load(LIST_URLS + ["/bench/hello/"], cookie, 2.0, 40)  # warm every worker
        hello_rps = bracketed_hello(cookie, seconds, cap)
        listing, list_rps = load(LIST_URLS, cookie, seconds, cap)
        hello_rps = (hello_rps + bracketed_hello(cookie, seconds, cap)) / 2
    with serve(db_url, cache=False):
        load(LIST_URLS + ["/bench/hello/"], cookie, 2.0, 40)
        cold_hello_rps = bracketed_hello(cookie, seconds, cap)
        cold, cold_rps = load(LIST_URLS, cookie, seconds, cap)
        cold_hello_rps = (cold_hello_rps + bracketed_hello(cookie, seconds, cap)) / 2
    # The workers' connections must be gone before the database can be dropped.
    connection.close()
    yield "case_list_p95_ms", p95(listing), "ms"
    yield "case_list_median_ms", statistics.median(listing), "ms"
    yield "case_list_rps", list_rps, "req/s"
    yield "hello_rps", hello_rps, "req/s"
    yield "case_list_vs_hello", list_rps / hello_rps, "ratio"
    # The same pages with the list cache off: every request finds, counts and orders the cases.
    yield "case_list_uncached_p95_ms", p95(cold), "ms"
    yield "case_list_uncached_vs_hello", cold_rps / cold_hello_rps, "ratio"


def bracketed_hello(cookie: str, seconds: float, cap: int) -> float:
    """Requests per second of the signed-in hello view (half the list's measuring time: it is
    taken twice, before and after the list)."""
    return load(["/bench/hello/"], cookie, seconds / 2, cap)[1]


@contextmanager
def serve(db_url: str, *, cache: bool):
    """Gunicorn (``CLIENTS`` workers) on the benchmark database, the list cache on or off."""
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "DJANGO_SETTINGS_MODULE": "bench.web_settings",
        "DJANGO_DEBUG": "false",
        "CASE_LIST_CACHE": "true" if cache else "false",
        "PYTHONPATH": str(ROOT),
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "config.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
         "--workers", str(CLIENTS), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_port(PORT)
        yield
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
