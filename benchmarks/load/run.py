"""Load the production profile on loopback with locust (headless), page type by page type.

    PYTHONPATH=src .venv/bin/python benchmarks/load/run.py                   # everything
    PYTHONPATH=src .venv/bin/python benchmarks/load/run.py --url http://127.0.0.1:8000 \\
        --only saturation                                              # a server already up

Without ``--url`` it prepares a PostgreSQL database of its own (``--database``, default
amity_load: dropped and created again) with the demo registry, and serves it as production
does: ``amity serve --production --no-worker`` (gunicorn, 2 workers × 4 threads). Then:

* saturation: for each page type, ``--users`` users (default 50) without think time for
  ``--seconds`` (default 20): requests per second and p95;
* think time: ``--think-users`` (default 100) mixed registry visitors with 1–3 s think time.

Users are capped at 200 and a run at 300 s; the host must be a loopback address.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tools"))

from production_stack import ProductionStack  # noqa: E402

MAX_USERS, MAX_SECONDS = 200, 300
HEADER = (
    "| page type | req/s | median ms | p95 ms | requests | failures |\n|---|---|---|---|---|---|"
)


def start_server(database: str, *, worker: bool = False) -> ProductionStack:
    """A production-profile server of the demo registry (tools/production_stack.py), and
    one RQ worker if asked."""
    stack = ProductionStack(
        database=database,
        redis_url=os.environ.get("AMITY_LOAD_REDIS_URL", "redis://127.0.0.1:6379/14"),
        prefix="amity-load-",
    )
    stack.prepare(quiet=True)
    if worker:
        stack.start_worker()
    stack.start_server(workers=2, env={"AMITY_LOG_LEVEL": "ERROR"})
    return stack


def partner_ids(url: str) -> list[int]:
    with urllib.request.urlopen(url + "/api/v1/registry/partnerships?limit=200") as answer:
        return [item["id"] for item in json.load(answer)["items"]]


def start_locust(
    url: str, classes: str, users: int, seconds: int, think: str, ids, env=None
) -> tuple[subprocess.Popen, Path]:
    """A headless locust run of the user ``classes`` (space-separated names), started; the
    prefix of its stats CSV."""
    prefix = Path(tempfile.mkdtemp(prefix="amity-locust-")) / "run"
    env = {
        **os.environ,
        **(env or {}),
        "AMITY_LOAD_THINK": think,
        "AMITY_LOAD_PARTNER_IDS": ",".join(ids),
    }
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless"),
            *("-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", url),
            *("--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", *classes.split()),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return process, prefix


def read_stats(prefix: Path) -> list[dict]:
    """The rows of a finished run's stats CSV (one per request name, and the aggregate)."""
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def locust(url: str, classes: str, users: int, seconds: int, think: str, ids, env=None):
    process, prefix = start_locust(url, classes, users, seconds, think, ids, env)
    process.wait()
    return read_stats(prefix)


def row(name: str, stats: dict) -> str:
    return (
        f"| {name} | {float(stats['Requests/s']):.1f} | {stats['50%']} | {stats['95%']} | "
        f"{stats['Request Count']} | {stats['Failure Count']} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="a running server (loopback); default: start one")
    parser.add_argument("--database", default="amity_load")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--think-users", type=int, default=100)
    parser.add_argument("--think-seconds", type=int, default=60)
    parser.add_argument("--only", choices=["saturation", "think"])
    parser.add_argument("--fair", action="store_true", help="the fair's scenario instead")
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--meetings", type=int, default=15000)
    parser.add_argument("--run-time-limit", type=int, default=60)
    args = parser.parse_args()
    if args.fair and args.url:
        parser.error("--fair generates its fair in a database of its own: no --url")
    users = (args.users, args.think_users)
    if max(users) > MAX_USERS or max(args.seconds, args.think_seconds) > MAX_SECONDS:
        parser.error(f"at most {MAX_USERS} users and {MAX_SECONDS} s per run")

    sys.path.insert(0, str(HERE))
    from locustfile import MIXED, PAGE_TYPES

    server = None
    url = args.url
    if url is None:
        server = start_server(args.database, worker=args.fair)
        url = server.base_url
    if urlparse(url).hostname not in {"127.0.0.1", "localhost", "::1"}:
        parser.error("loopback only: the load stays on this machine")
    try:
        ids = [str(i) for i in partner_ids(url)]
        if args.fair:
            from fair_scenario import run_fair

            run_fair(url, server, args, ids)
            return 0
        if args.only in (None, "saturation"):
            print(f"saturation: {args.users} users, no think time, {args.seconds} s each")
            print(HEADER)
            for name, user_class in PAGE_TYPES.items():
                stats = locust(url, user_class.__name__, args.users, args.seconds, "0", ids)
                print(row(name, stats[-1]), flush=True)
        if args.only in (None, "think"):
            for name, user_class in MIXED.items():
                print(
                    f"\n{name}: {args.think_users} users, 1–3 s think time, {args.think_seconds} s"
                )
                print(HEADER)
                stats = locust(
                    url, user_class.__name__, args.think_users, args.think_seconds, "1-3", ids
                )
                for line in stats:
                    print(row(line["Name"], line), flush=True)
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
