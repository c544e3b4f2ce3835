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
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import flow  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Services:
    """The processes under test; each in a process group of its own, so a kill reaches the
    RQ worker's forked work horse too."""

    def __init__(self) -> None:
        self.var_dir = Path(tempfile.mkdtemp(prefix="amity-e2e-"))
        self.port = free_port()
        database = os.environ.get("AMITY_E2E_DATABASE", "amity_e2e")
        self.admin_url = os.environ.get("AMITY_E2E_ADMIN_URL", "postgres://postgres@127.0.0.1:5432")
        self.database = database
        self.env = {
            **os.environ,
            "AMITY_PROFILE": "production",
            "AMITY_SECRET_KEY": "e2e-" + os.urandom(24).hex(),
            "DATABASE_URL": f"{self.admin_url}/{database}",
            "REDIS_URL": os.environ.get("AMITY_E2E_REDIS_URL", "redis://127.0.0.1:6379/15"),
            "AMITY_VAR_DIR": str(self.var_dir),
            # Plain HTTP on loopback: no proxy in front to terminate TLS.
            "AMITY_SECURE_COOKIES": "0",
            "AMITY_ALLOWED_HOSTS": "127.0.0.1",
            "AMITY_SITE_URL": f"http://127.0.0.1:{self.port}",
            # Any import of more than 10 rows is a background job; a dead worker is noticed
            # after 5 s without a heartbeat (every second).
            "AMITY_IMPORT_ROWS_IN_REQUEST": "10",
            "AMITY_JOB_HEARTBEAT_SECONDS": "1",
            "AMITY_JOB_STALL_SECONDS": "5",
            "PYTHONUNBUFFERED": "1",
        }
        self.env.pop("DJANGO_SETTINGS_MODULE", None)
        self.logs = self.var_dir / "logs"
        self.logs.mkdir()
        self.server: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.workers_started = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def amity(self, *args: str) -> None:
        subprocess.run([sys.executable, "-m", "amity", *args], env=self.env, check=True)

    def prepare(self) -> None:
        import psycopg
        import redis

        with psycopg.connect(f"{self.admin_url}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{self.database}"')
        redis.Redis.from_url(self.env["REDIS_URL"]).flushdb()
        self.amity("migrate", "--verbosity", "0")
        self.amity("demo", "--no-serve")

    def _spawn(self, name: str, *args: str) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("ab")
        return subprocess.Popen(
            [sys.executable, "-m", "amity", *args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_server(self) -> None:
        self.server = self._spawn(
            "server", "serve", "--production", "--no-worker", "--workers", "2",
            "--port", str(self.port),
        )  # fmt: skip
        # Waiting for it to listen (collectstatic comes first), not timing it.
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError("the server stopped while starting")
            try:
                with urllib.request.urlopen(self.base_url + "/en/", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.25)
        raise RuntimeError("the server did not answer within 240 s")

    def start_worker(self) -> None:
        self.workers_started += 1
        self.worker = self._spawn(f"worker-{self.workers_started}", "worker")

    def kill_worker(self) -> None:
        """SIGKILL the worker and the work horse it forked for the job (RQ puts the horse in a
        session of its own) at once, as a crash or the OOM killer would: no clean-up runs."""
        horses = subprocess.run(
            ["pgrep", "-P", str(self.worker.pid)], capture_output=True, text=True
        ).stdout.split()
        for pid in horses:
            os.kill(int(pid), signal.SIGKILL)
        os.killpg(self.worker.pid, signal.SIGKILL)
        self.worker.wait(timeout=30)
        print(f"      killed the worker {self.worker.pid} and its work horse {horses}")

    def gunicorn_workers(self) -> int:
        result = subprocess.run(
            ["pgrep", "-g", str(self.server.pid), "-f", "gunicorn"], capture_output=True, text=True
        )
        return len(result.stdout.split()) - 1  # less the arbiter

    def stop(self) -> None:
        for process in (self.worker, self.server):
            if process is None or process.poll() is not None:
                continue
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def show_logs(self) -> None:
        for log in sorted(self.logs.iterdir()):
            lines = log.read_text(errors="replace").splitlines()[-40:]
            print(f"---- {log.name} (last {len(lines)} lines)", *lines, sep="\n")


def run_steps(services: Services) -> bool:
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
    services = Services()
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
