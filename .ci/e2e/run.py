"""Run the end-to-end flow against the production profile on loopback, then stop everything.

    .venv/bin/python .ci/e2e/run.py            (what .ci/e2e-production runs)

Starts, from a fresh PostgreSQL database (AMITY_E2E_DATABASE, default amity_e2e, dropped and
created again) and a Redis database of its own (AMITY_E2E_REDIS_URL, default
redis://127.0.0.1:6379/15, emptied): ``amity migrate``, the demo accounts, ``amity serve
--production`` (collectstatic, then gunicorn with two workers) and one ``amity worker`` (RQ).
Then runs flow.STEPS in order; exits 1 at the first failing step, 0 when all pass.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "tools")]

import flow  # noqa: E402
from production_stack import ADMIN_URL, ProductionStack  # noqa: E402


def services_from_environment() -> ProductionStack:
    return ProductionStack(
        database=os.environ.get("AMITY_E2E_DATABASE", "amity_e2e"),
        admin_url=os.environ.get("AMITY_E2E_ADMIN_URL", ADMIN_URL),
        redis_url=os.environ.get("AMITY_E2E_REDIS_URL", "redis://127.0.0.1:6379/15"),
        prefix="amity-e2e-",
        extra_env={
            # Any import of more than 10 rows is a background job; a dead worker is noticed
            # after 5 s without a heartbeat (every second).
            "AMITY_IMPORT_ROWS_IN_REQUEST": "10",
            "AMITY_JOB_HEARTBEAT_SECONDS": "1",
            "AMITY_JOB_STALL_SECONDS": "5",
        },
    )


def run_steps(services: ProductionStack) -> bool:
    for name in flow.FLOW_MODULES:
        importlib.import_module(name)
    context = flow.Context(base_url=services.base_url, services=services)
    for description, function in flow.STEPS:
        started = time.monotonic()
        try:
            function(context)
        except Exception:
            print(f"FAIL  {description}")
            traceback.print_exc()
            return False
        print(f"ok    {description} ({time.monotonic() - started:.1f} s)", flush=True)
    return True


def main() -> int:
    started = time.monotonic()
    services = services_from_environment()
    ok = False
    try:
        services.prepare()
        print(f"prepared the database and the demo accounts ({time.monotonic() - started:.0f} s)")
        services.start_worker()
        services.start_server()
        workers = services.gunicorn_workers()
        print(f"serving {services.base_url}: gunicorn with {workers} workers, one RQ worker")
        if workers != 2:
            print(f"FAIL  expected 2 gunicorn workers, found {workers}")
        else:
            ok = run_steps(services)
    except Exception:
        traceback.print_exc()
    finally:
        services.stop()
        if ok:
            shutil.rmtree(services.var_dir, ignore_errors=True)
        else:
            services.show_logs()
    verdict = "passed" if ok else "FAILED"
    print(
        f"end-to-end flow on the production profile {verdict} in {time.monotonic() - started:.0f} s"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
