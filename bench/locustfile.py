"""Locust users for ``bench/bench_load.py``: a response team during an incident.

* counsel reload the dashboard, the case list and their cases' pages (signed-in sessions);
* responders update facts (affected people, through the API: the case is recomputed) and record
  notifications given;
* an integration polls the API's case list and obligations.

The plan (sessions, tokens, case and obligation ids) comes from the JSON file named by
``BENCH_LOAD_PLAN``, written by the benchmark; every request stays on loopback.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from datetime import UTC, datetime

from locust import HttpUser, between, task

with open(os.environ["BENCH_LOAD_PLAN"]) as plan_file:
    PLAN = json.load(plan_file)
# Each simulated responder is a different person (their own cases, obligations and token).
RESPONDERS = itertools.count()


def _pick(items):
    return random.choice(items)  # noqa: S311 - load, not security


class Counsel(HttpUser):
    weight = 30
    wait_time = between(2, 6)

    def on_start(self):
        person = _pick(PLAN["counsel"])
        self.client.cookies.set("sessionid", person["session"])
        self.cases = person["cases"]

    @task(3)
    def dashboard(self):
        self.client.get("/", name="dashboard")

    @task(4)
    def case_list(self):
        page = _pick(["", "?page=2", "?sort=next_due", "?status=investigating"])
        self.client.get(f"/incidents/{page}", name="case list")

    @task(4)
    def case_page(self):
        self.client.get(f"/incidents/{_pick(self.cases)}/", name="case page")


class Responder(HttpUser):
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
        self.client.patch(
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
        self.client.post(
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
        self.client.get(f"/api/v1/incidents/{_pick(self.cases)}", name="API case")


class Integration(HttpUser):
    weight = 4
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers["Authorization"] = f"Token {PLAN['integration']['token']}"

    @task(3)
    def poll_cases(self):
        self.client.get(
            f"/api/v1/incidents?sort=next_due&page={random.randint(1, 3)}",  # noqa: S311
            name="API case list",
        )

    @task(1)
    def poll_obligations(self):
        case = _pick(PLAN["all_cases"])
        self.client.get(f"/api/v1/incidents/{case}/obligations", name="API obligations")
