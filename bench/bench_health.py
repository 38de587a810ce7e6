"""health_ms: one ``/health/`` request through Django's test client (database and broker probes)."""

import time


def run(quick: bool):
    from django.test import Client

    client = Client(SERVER_NAME="localhost")
    rounds = 20 if quick else 200
    client.get("/health/")
    start = time.perf_counter()
    for _ in range(rounds):
        client.get("/health/")
    yield "health_ms", (time.perf_counter() - start) * 1000 / rounds, "ms"
