"""The fair's load scenario for run.py ``--fair``: a generated fair, its page types saturated
one by one, then members with think time while an organiser's schedule run finishes and
publishes (on the stack's RQ worker)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.append(str(ROOT / ".ci" / "e2e"))

from client import Browser  # noqa: E402  (the end-to-end flow's standard-library client)

DEMO_PASSWORD = "amity-demo"
JOB_ENDS = {"succeeded", "failed"}


def prepare_fair(stack, participants: int, meetings: int, members: int, time_limit: int) -> Path:
    """fair_setup.py in the stack's database; the path of the facts it wrote."""
    out = stack.var_dir / "fair.json"
    subprocess.run(
        [
            *(sys.executable, str(HERE / "fair_setup.py"), str(out)),
            *("--participants", str(participants), "--meetings", str(meetings)),
            *("--members", str(members), "--time-limit", str(time_limit)),
        ],
        env={**stack.env, "PYTHONPATH": f"{ROOT / 'src'}:{ROOT / 'benchmarks'}"},
        check=True,
    )
    return out


def organiser_runs_and_publishes(url: str, fair_id: int, time_limit: int) -> str:
    """What an organiser does during the load: start a run, wait for it, adopt, publish."""
    started = time.monotonic()
    browser = Browser(url)
    browser.csrf_from("/en/accounts/login/")
    # The log-in answer sets the session's CSRF cookie. (Not the schedule page: it lists every
    # meeting with its move form, 19 MB for 784 meetings.)
    browser.post_form("/en/accounts/login/", {"username": "organiser", "password": DEMO_PASSWORD})
    answer = browser.post_form(
        f"/en/fair/{fair_id}/schedule/start/", {"seed": "1", "time_limit": str(time_limit)}
    )
    job_id = answer.headers.get("Location", "").rstrip("/").rsplit("/", 1)[-1]
    while (job := browser.get(f"/api/v1/jobs/{job_id}").json())["status"] not in JOB_ENDS:
        time.sleep(1)
    if job["status"] != "succeeded":
        return f"the organiser's run failed: {job['error']}"
    run_id = job["result"]["url"].rstrip("/").rsplit("/", 1)[-1]
    solved = time.monotonic() - started
    browser.post_form(f"/en/fair/schedule-runs/{run_id}/adopt/", {})
    published = browser.post_form(f"/en/fair/{fair_id}/schedule/publish/", {"kind": "final"})
    return (
        f"the organiser's run #{run_id} finished after {solved:.0f} s ({job['result']}), "
        f"adopted and published (HTTP {published.status}) at {time.monotonic() - started:.0f} s"
    )


def run_fair(url: str, stack, args, ids: list[str]) -> None:
    from fair_users import FAIR_MIXED, FAIR_PAGE_TYPES
    from run import HEADER, locust, read_stats, row, start_locust

    facts_path = prepare_fair(
        stack, args.participants, args.meetings, args.think_users, args.run_time_limit
    )
    fair_id = json.loads(facts_path.read_text())["fair"]
    env = {"AMITY_LOAD_FAIR": str(facts_path)}
    print(f"fair saturation: {args.users} users, no think time, {args.seconds} s each")
    print(HEADER)
    for name, user_class in FAIR_PAGE_TYPES.items():
        stats = locust(url, user_class.__name__, args.users, args.seconds, "0", ids, env)
        print(row(name, stats[-1]), flush=True)
    print(
        f"\nfair visitors: {args.think_users} users (members 10 : check-in desk 1), "
        f"1–3 s think time, {args.think_seconds} s, while the organiser runs the scheduler"
    )
    classes = " ".join(user_class.__name__ for user_class in FAIR_MIXED)
    process, prefix = start_locust(
        url, classes, args.think_users, args.think_seconds, "1-3", ids, env
    )
    time.sleep(min(10, args.think_seconds / 4))  # the users are all on the pages first
    print(organiser_runs_and_publishes(url, fair_id, args.run_time_limit), flush=True)
    process.wait()
    print(HEADER)
    for line in read_stats(prefix):
        print(row(line["Name"], line), flush=True)
