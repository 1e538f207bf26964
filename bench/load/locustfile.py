"""The desk's mix, for Locust (run by bench/load/run.py as its own process; never
import this where ``ssl`` is already loaded).

An officer searches persons (``GET /api/v1/screening/search``: is this person
wanted?) and opens person records, pages through the lists of cases and notices, and
updates cases (read, change, write back with the version read; a 409 is a correct
answer to a race, not an error).
``HealthProbe`` is the baseline: the cheapest route of the same server.

Environment: LOAD_TOKEN (a bearer token); LOAD_STATUS_FILE gets the count of answers per
status class at the end.
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from typing import Any

from locust import HttpUser, between, events, task

STATUSES: Counter[str] = Counter()
SEARCH = "/api/v1/screening/search"


@events.request.add_listener
def _count(response: Any = None, exception: Any = None, **_: Any) -> None:
    if response is None or getattr(response, "status_code", 0) == 0:
        STATUSES["no answer" if exception else "unknown"] += 1
    else:
        STATUSES[f"{response.status_code // 100}xx"] += 1
        if response.status_code >= 400:
            STATUSES[str(response.status_code)] += 1


@events.quitting.add_listener
def _write(**_: Any) -> None:
    path = os.environ.get("LOAD_STATUS_FILE")
    if path:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(dict(STATUSES), f)


class DeskOfficer(HttpUser):
    wait_time = between(0, 0.05)

    def on_start(self) -> None:
        # officers log in once a day, not once a request: the run logs in once and
        # every simulated officer carries that token (LOAD_TOKEN)
        self.client.headers["Authorization"] = f"Bearer {os.environ['LOAD_TOKEN']}"
        self.client.headers["X-Purpose"] = "load test"
        persons = self.client.get("/api/v1/persons?limit=200", name="/persons?limit").json()
        cases = self.client.get("/api/v1/cases?limit=200", name="/cases?limit").json()
        self.persons = [p["ref"] for p in persons["items"]] or ["none"]
        self.names = [p["names"][0]["full_name"] for p in persons["items"] if p.get("names")]
        self.cases = [c["ref"] for c in cases["items"]] or ["none"]
        self.births = [p.get("birth_date") for p in persons["items"] if p.get("names")]
        with self.client.get(SEARCH, params={"name": "test"}, name="search probe",
                             catch_response=True) as probe:
            self.search = probe.status_code == 200
            if probe.status_code == 404:
                probe.success()  # no screening search route (older Liaison): open persons

    @task(4)
    def search_person(self) -> None:
        """Is this person wanted? A name as typed at the desk, half the time with the
        birth date the officer reads from a document."""
        if not (self.search and self.names):
            self.open_person()
            return
        i = random.randrange(len(self.names))
        params = {"name": self.names[i]}
        if random.random() < 0.5 and self.births[i]:
            params["birth_date"] = self.births[i]
        self.client.get(SEARCH, params=params, name="search person")

    @task(1)
    def open_person(self) -> None:
        self.client.get(f"/api/v1/persons/{random.choice(self.persons)}", name="open person")

    @task(4)
    def list_page(self) -> None:
        kind = random.choice(["cases", "notices"])
        after = random.choice(self.cases) if kind == "cases" else ""
        self.client.get(f"/api/v1/{kind}", params={"limit": 50, "after": after} if after
                        else {"limit": 50}, name=f"list {kind}")

    @task(2)
    def update_case(self) -> None:
        ref = random.choice(self.cases[:20])  # a few hot files: officers collide on them
        got = self.client.get(f"/api/v1/cases/{ref}", name="open case")
        if got.status_code != 200:
            return
        body = got.json()
        body["priority"] = random.choice(["normal", "high", "urgent"])
        with self.client.put(f"/api/v1/cases/{ref}", json=body, name="update case",
                             catch_response=True) as put:
            if put.status_code == 409:
                put.success()  # someone wrote first: the right answer, nothing lost


class HealthProbe(HttpUser):
    wait_time = between(0, 0.05)

    @task
    def healthz(self) -> None:
        self.client.get("/healthz")
