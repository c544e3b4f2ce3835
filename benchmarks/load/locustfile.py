"""Locust user classes for Amity's pages, one class per page type plus a mixed visitor.

Run through ``benchmarks/load/run.py`` (which starts the server, bounds users and time and keeps
everything on loopback); by hand:

    locust -f benchmarks/load/locustfile.py --headless -u 50 -r 50 -t 20s \\
        --host http://127.0.0.1:8000 PartnerListUser

``AMITY_LOAD_THINK`` sets the think time: ``0`` (saturation, the default) or ``1-3`` (seconds,
uniformly). ``AMITY_LOAD_PARTNER_IDS`` lists the partner ids to visit (run.py reads them from
the API). The fair's users (participants opening agendas and ICS feeds, organisers accepting
requests) go in a module of their own that subclasses ``AmityUser`` and is named in
``EXTRA_MODULES``; ``PAGE_TYPES`` maps each page type to its class for run.py.
"""

from __future__ import annotations

import importlib
import os
import random

from locust import FastHttpUser, between, constant, task

EXTRA_MODULES: list[str] = ["fair_users"]


def think_time():
    spec = os.environ.get("AMITY_LOAD_THINK", "0")
    if "-" in spec:
        low, high = (float(part) for part in spec.split("-", 1))
        return between(low, high)
    return constant(float(spec))


def partner_ids() -> list[int]:
    return [int(i) for i in os.environ.get("AMITY_LOAD_PARTNER_IDS", "1").split(",") if i]


class AmityUser(FastHttpUser):
    abstract = True
    wait_time = think_time()
    # Anonymous visitors in English (as `ab` measured them), unless a subclass logs in.
    default_headers = {"Accept-Language": "en"}

    def on_start(self) -> None:
        self.partners = partner_ids()

    def get(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {path}")


class PartnerListUser(AmityUser):
    @task
    def partner_list(self) -> None:
        self.get("/en/", "partner list")


class PartnerPageUser(AmityUser):
    @task
    def partner_page(self) -> None:
        self.get(f"/en/partners/{random.choice(self.partners)}/", "partner page")


class ApiListUser(AmityUser):
    @task
    def api_list(self) -> None:
        self.get("/api/v1/registry/partnerships", "API list")


class RegistryVisitor(AmityUser):
    """A visitor of the registry: mostly the list and partners, some searches and the API."""

    @task(4)
    def partner_list(self) -> None:
        self.get("/en/", "partner list")

    @task(1)
    def filtered_list(self) -> None:
        continent = random.choice(["EU", "AS", "OC", "NA", "SA", "AF"])
        self.get(f"/en/?continent={continent}&sort=name", "partner list (filtered)")

    @task(4)
    def partner_page(self) -> None:
        self.get(f"/en/partners/{random.choice(self.partners)}/", "partner page")

    @task(2)
    def api_list(self) -> None:
        self.get("/api/v1/registry/partnerships", "API list")

    @task(1)
    def api_partner(self) -> None:
        self.get(f"/api/v1/registry/partnerships/{random.choice(self.partners)}", "API partner")


PAGE_TYPES: dict[str, type[AmityUser]] = {
    "partner list": PartnerListUser,
    "partner page": PartnerPageUser,
    "API list": ApiListUser,
}
MIXED: dict[str, type[AmityUser]] = {"registry visitor": RegistryVisitor}

for _module in EXTRA_MODULES:
    # Their user classes join this module's namespace, where locust looks for them by name.
    for _name, _value in vars(importlib.import_module(_module)).items():
        if isinstance(_value, type) and issubclass(_value, AmityUser) and _value is not AmityUser:
            globals().setdefault(_name, _value)
