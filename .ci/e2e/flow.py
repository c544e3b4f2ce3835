"""The end-to-end flow against the production profile, as a list of steps.

Each step is a function of the shared ``Context`` (the server's address, a logged-in browser,
the running services, and ``ctx.state`` to pass facts to later steps); it raises
AssertionError with what it saw when something is wrong. ``run.py`` runs ``STEPS`` in order
and stops at the first failure.

To extend the flow (the fair: register, request, accept, schedule run, publish, agenda ICS and
PDF), write the steps in a module of their own beside this one with ``@step("…")`` from here
and add the module's name to ``FLOW_MODULES`` below: their steps run after these, in the
module's order, with the same context (``ctx.organiser`` is logged in, ``ctx.login(name)``
logs in another demo account, ``ctx.wait_for_job(id)`` follows a background job).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from client import Browser

Step = Callable[["Context"], None]
STEPS: list[tuple[str, Step]] = []
# Modules beside this one whose steps run after the registry's (imported by run.py in order).
FLOW_MODULES: list[str] = ["fair_flow"]
DEMO_PASSWORD = "amity-demo"
JOB_URL = re.compile(r"/en/jobs/([0-9a-f-]{36})/$")


def step(description: str) -> Callable[[Step], Step]:
    def register(function: Step) -> Step:
        STEPS.append((description, function))
        return function

    return register


@dataclass
class Context:
    base_url: str
    services: Any  # tools/production_stack.ProductionStack: start_worker(), kill_worker()
    state: dict[str, Any] = field(default_factory=dict)
    organiser: Browser | None = None

    def login(self, username: str) -> Browser:
        browser = Browser(self.base_url)
        browser.csrf_from("/en/accounts/login/")
        answer = browser.post_form(
            "/en/accounts/login/", {"username": username, "password": DEMO_PASSWORD}
        )
        expect(answer.status == 302, f"log in as {username}: {answer.status}")
        expect(browser.cookie("sessionid") is not None, f"log in as {username}: no session")
        return browser

    def job(self, job_id: str) -> dict:
        answer = self.organiser.get(f"/api/v1/jobs/{job_id}")
        expect(answer.status == 200, f"GET job {job_id}: {answer.status}")
        return answer.json()

    def wait_for_job(self, job_id: str, status: str, timeout: float = 120) -> dict:
        """Poll the job's API until it has ``status`` (fails at once on another final one)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.job(job_id)
            if job["status"] == status:
                return job
            expect(
                job["status"] not in {"succeeded", "failed"},
                f"job {job_id} ended {job['status']} ({job['error']}), expected {status}",
            )
            time.sleep(0.1)
        raise AssertionError(f"job {job_id} not {status} after {timeout:.0f} s: {job}")

    def partner_count(self) -> int:
        """How many partners the flow imported (their names start with "E2E town")."""
        answer = self.organiser.get("/api/v1/registry/partnerships?limit=1&q=E2E%20town")
        expect(answer.status == 200, f"GET /api/v1/registry/partnerships: {answer.status}")
        return answer.json()["count"]


def kill_worker(ctx: Context) -> None:
    horses = ctx.services.kill_worker()
    print(f"      killed the worker {ctx.services.worker.pid} and its work horse {horses}")


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def registry_file(rows: int, first: int = 0) -> bytes:
    countries = ("NZ", "JP", "DE", "BR", "ZA", "US", "FR", "IT", "KR", "AU")
    lines = ["partner,country_iso2,partner_kind,relationship,established_on,fields,source"]
    lines += [
        f"E2E town {n:06d},{countries[n % 10]},city,friendship_city,{1970 + n % 50},"
        f"trade;tourism,End-to-end test list"
        for n in range(first, first + rows)
    ]
    return ("\n".join(lines) + "\n").encode()


def upload_import(ctx: Context, data: bytes) -> str:
    """Import a file through the import page; it is long, so the answer is its job's page."""
    browser = ctx.organiser
    browser.csrf_from("/en/partners/import/")
    answer = browser.post_form("/en/partners/import/", {}, files={"file": ("e2e.csv", data)})
    location = answer.headers.get("Location", "")
    match = JOB_URL.search(location)
    expect(answer.status == 302 and match, f"import: {answer.status} {location!r}")
    return match.group(1)


@step("the home page and a static file answer (hashed name, long cache)")
def home_and_static(ctx: Context) -> None:
    page = Browser(ctx.base_url).get("/en/")
    expect(page.status == 200, f"GET /en/: {page.status}")
    static = re.search(r'href="(/static/amity/[^"]+\.[0-9a-f]{12}\.css)"', page.text)
    expect(static is not None, "the page links no hashed stylesheet (manifest storage)")
    css = Browser(ctx.base_url).get(static.group(1))
    expect(css.status == 200, f"GET {static.group(1)}: {css.status}")
    expect("max-age=315360000" in css.headers.get("Cache-Control", ""), "no long cache")


@step("the organiser logs in")
def organiser_logs_in(ctx: Context) -> None:
    ctx.organiser = ctx.login("organiser")
    expect(ctx.organiser.get("/en/partners/import/").status == 200, "import page refused")


@step("a long import runs as a background job on the RQ worker and reaches done")
def background_import(ctx: Context) -> None:
    job_id = upload_import(ctx, registry_file(30))
    page = ctx.organiser.get(f"/en/jobs/{job_id}/")
    expect(page.status == 200, f"job page: {page.status}")
    job = ctx.wait_for_job(job_id, "succeeded")
    expect(job["result"].get("created") == 30, f"job result: {job['result']}")
    page = ctx.organiser.get(f"/en/jobs/{job_id}/")
    expect("Finished" in page.text, "the job page does not say Finished")
    expect(ctx.partner_count() == 30, f"{ctx.partner_count()} E2E partners, expected 30")


@step("API pages: the list, a partner, the OpenAPI schema, a 404")
def api_pages(ctx: Context) -> None:
    listing = ctx.organiser.get("/api/v1/registry/partnerships?limit=5")
    expect(listing.status == 200, f"API list: {listing.status}")
    first = listing.json()["items"][0]
    one = ctx.organiser.get(f"/api/v1/registry/partnerships/{first['id']}")
    expect(one.status == 200 and one.json()["id"] == first["id"], f"API one: {one.status}")
    page = Browser(ctx.base_url).get(f"/en/partners/{first['id']}/")
    expect(page.status == 200, f"partner page: {page.status}")
    expect(ctx.organiser.get("/api/v1/openapi.json").status == 200, "no OpenAPI schema")
    missing = ctx.organiser.get("/api/v1/registry/partnerships/999999999")
    expect(missing.status == 404 and "detail" in missing.json(), f"404: {missing.status}")


@step("a worker killed in the middle of an import: job failed with its reason, nothing written")
def worker_killed_mid_import(ctx: Context) -> None:
    rows = 15_000
    job_id = upload_import(ctx, registry_file(rows, first=1000))
    deadline = time.monotonic() + 120
    while True:
        job = ctx.job(job_id)
        # Killed while the rows are being checked, i.e. before the transaction that writes.
        if job["status"] == "running" and 0 < job["done"] < rows:
            break
        expect(job["status"] in {"queued", "running"}, f"the job ended first: {job}")
        expect(time.monotonic() < deadline, f"the job never got going: {job}")
        time.sleep(0.02)
    kill_worker(ctx)
    job = ctx.wait_for_job(job_id, "failed", timeout=60)
    expect("worker stopped" in job["error"], f"failed job's reason: {job['error']!r}")
    expect(ctx.partner_count() == 30, "rows of the killed import were written")
    page = ctx.organiser.get(f"/en/jobs/{job_id}/")
    expect("Start again" in page.text, "the failed job's page offers no restart")
    ctx.state["killed_job"] = job_id


@step("the failed import is started again on a new worker and finishes")
def restart_after_kill(ctx: Context) -> None:
    ctx.services.start_worker()
    job_id = ctx.state["killed_job"]
    browser = ctx.organiser
    answer = browser.post_form(f"/en/jobs/{job_id}/restart/", {})
    match = JOB_URL.search(answer.headers.get("Location", ""))
    expect(answer.status == 302 and match and match.group(1) != job_id, f"restart: {answer}")
    job = ctx.wait_for_job(match.group(1), "succeeded", timeout=150)
    expect(job["result"].get("created") == 15_000, f"restarted job's result: {job['result']}")
    expect(ctx.partner_count() == 15_030, "the restarted import did not write every row")
    again = browser.post_form(f"/en/jobs/{job_id}/restart/", {})
    expect(again.status == 302, f"a second restart of the same job: {again.status}")
    expect(ctx.partner_count() == 15_030, "a second restart ran the job again")


@step("the organiser logs out")
def organiser_logs_out(ctx: Context) -> None:
    answer = ctx.organiser.post_form("/en/accounts/logout/", {})
    expect(answer.status == 302, f"log out: {answer.status}")
    people = ctx.organiser.get("/api/v1/accounts/people")
    expect(people.status == 401, f"after log-out the API answers {people.status}")
