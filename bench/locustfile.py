"""Locust users for ``bench/bench_load.py``: a response team during an incident.

* counsel reload the dashboard, the case list and their cases' pages (signed-in sessions);
* responders update facts (affected people, through the API: the case is recomputed) and record
  notifications given;
* an integration polls the API's case list and obligations.

The plan (sessions, tokens, case and obligation ids) comes from the JSON file named by
``BENCH_LOAD_PLAN``, written by the benchmark; every request stays on loopback.

Gunicorn closes a connection left idle for its keep-alive (``BENCH_LOAD_KEEP_ALIVE`` seconds, as
the benchmark starts it). A request sent on one just as it is closed is reset unread: browsers
send it again, and the proxy gunicorn runs behind in production drops its idle connections first.
These people do as the proxy does: a connection idle for nearly the keep-alive is dropped and the
next request opens a new one (otherwise a few requests a run failed with "connection reset by
peer" though the server never saw them).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from datetime import UTC, datetime

from locust import HttpUser, between, task

with open(os.environ["BENCH_LOAD_PLAN"]) as plan_file:
    PLAN = json.load(plan_file)
# Each simulated responder is a different person (their own cases, obligations and token).
RESPONDERS = itertools.count()


IDLE_LIMIT = float(os.environ.get("BENCH_LOAD_KEEP_ALIVE", "5")) - 1.0


def _pick(items):
    return random.choice(items)  # noqa: S311 - load, not security


class Person(HttpUser):
    abstract = True
    _last_request = 0.0

    def send(self, method: str, url: str, **kwargs):
        if time.monotonic() - self._last_request >= IDLE_LIMIT:
            self.client.close()  # drop idle connections: the next request opens a new one
        try:
            return self.client.request(method, url, **kwargs)
        finally:
            self._last_request = time.monotonic()


class Counsel(Person):
    weight = 30
    wait_time = between(2, 6)

    def on_start(self):
        person = _pick(PLAN["counsel"])
        self.client.cookies.set("sessionid", person["session"])
        self.cases = person["cases"]

    @task(3)
    def dashboard(self):
        self.send("GET", "/", name="dashboard")

    @task(4)
    def case_list(self):
        page = _pick(["", "?page=2", "?sort=next_due", "?status=investigating"])
        self.send("GET", f"/incidents/{page}", name="case list")

    @task(4)
    def case_page(self):
        self.send("GET", f"/incidents/{_pick(self.cases)}/", name="case page")


class Responder(Person):
    weight = 16
    wait_time = between(3, 8)

    def on_start(self):
        people = PLAN["responders"]
        person = people[next(RESPONDERS) % len(people)]
        self.client.headers["Authorization"] = f"Token {person['token']}"
        self.cases = person["cases"]
        # Each obligation is notified once, by the one person given it.
        self.obligations = list(person["obligations"])

    @task(2)
    def edit_facts(self):
        case = _pick(self.cases)
        self.send(
            "PATCH",
            f"/api/v1/incidents/{case}",
            # The whole map, as a client sends it: the case's other places stay affected.
            json={
                "affected": {"DE": random.randint(100, 20000), "FR": 3000, "US-CA": 600},  # noqa: S311
                "reason": "new count",
            },
            name="API edit facts",
        )

    @task(1)
    def record_notification(self):
        if not self.obligations:
            return self.edit_facts()
        obligation = self.obligations.pop()
        self.send(
            "POST",
            f"/api/v1/obligations/{obligation}/notified",
            json={
                "sent_at": datetime.now(UTC).isoformat(),
                "method": "portal",
                "sent_to": "Supervisory authority online form",
            },
            name="API record notification",
        )

    @task(2)
    def case_page(self):
        self.send("GET", f"/api/v1/incidents/{_pick(self.cases)}", name="API case")


class Integration(Person):
    weight = 4
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers["Authorization"] = f"Token {PLAN['integration']['token']}"

    @task(3)
    def poll_cases(self):
        self.send(
            "GET",
            f"/api/v1/incidents?sort=next_due&page={random.randint(1, 3)}",  # noqa: S311
            name="API case list",
        )

    @task(1)
    def poll_obligations(self):
        case = _pick(PLAN["all_cases"])
        self.send("GET", f"/api/v1/incidents/{case}/obligations", name="API obligations")
