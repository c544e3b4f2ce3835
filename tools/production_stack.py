"""A fresh production-profile stack on loopback: database, server, workers — and their end.

Used by the end-to-end flow (``.ci/e2e/run.py``) and the load harness (``benchmarks/load/run.py``)
so both start Amity the way production does, in one place:

    stack = ProductionStack(database="amity_e2e", redis_url="redis://127.0.0.1:6379/15")
    stack.prepare()          # drop and create the database, empty Redis, migrate, demo accounts
    stack.start_worker()     # one ``amity worker`` (RQ)
    stack.start_server()     # ``amity serve --production --no-worker --workers 2`` (gunicorn)
    ...
    stack.stop()             # always, in a ``finally``

Every process runs in a process group of its own, so a kill reaches the RQ worker's forked
work horse and gunicorn's workers too. Logs go to ``var_dir/logs/<name>.log``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path

ADMIN_URL = "postgres://postgres@127.0.0.1:5432"
START_SECONDS = 240


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ProductionStack:
    """The processes of one production-profile run; ``prefix`` names its temporary folder."""

    def __init__(
        self,
        *,
        database: str,
        redis_url: str,
        prefix: str = "amity-stack-",
        admin_url: str = ADMIN_URL,
        extra_env: Mapping[str, str] | None = None,
    ) -> None:
        self.var_dir = Path(tempfile.mkdtemp(prefix=prefix))
        self.port = free_port()
        self.admin_url = admin_url
        self.database = database
        self.env = {
            **os.environ,
            "AMITY_PROFILE": "production",
            "AMITY_SECRET_KEY": prefix + os.urandom(24).hex(),
            "DATABASE_URL": f"{admin_url}/{database}",
            "REDIS_URL": redis_url,
            "AMITY_VAR_DIR": str(self.var_dir),
            # Plain HTTP on loopback: no proxy in front to terminate TLS.
            "AMITY_SECURE_COOKIES": "0",
            "AMITY_ALLOWED_HOSTS": "127.0.0.1",
            "AMITY_SITE_URL": f"http://127.0.0.1:{self.port}",
            "PYTHONUNBUFFERED": "1",
            **(extra_env or {}),
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

    def amity(self, *args: str, quiet: bool = False) -> None:
        """Run ``amity ARGS`` against the stack's database, to its end."""
        output = subprocess.DEVNULL if quiet else None
        subprocess.run(
            [sys.executable, "-m", "amity", *args], env=self.env, check=True, stdout=output
        )

    def prepare(self, *, quiet: bool = False) -> None:
        """A fresh database with the demo accounts, and an empty Redis database."""
        import psycopg
        import redis

        with psycopg.connect(f"{self.admin_url}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{self.database}"')
        redis.Redis.from_url(self.env["REDIS_URL"]).flushdb()
        self.amity("migrate", "--verbosity", "0", quiet=quiet)
        self.amity("demo", "--no-serve", quiet=quiet)

    def spawn(self, name: str, *args: str, env: Mapping[str, str] | None = None):
        log = (self.logs / f"{name}.log").open("ab")
        return subprocess.Popen(
            [sys.executable, "-m", "amity", *args],
            env={**self.env, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_server(self, *, workers: int = 2, env: Mapping[str, str] | None = None) -> None:
        """gunicorn as ``amity serve --production`` runs it; returns once it answers."""
        self.server = self.spawn(
            "server", "serve", "--production", "--no-worker", "--workers", str(workers),
            "--port", str(self.port), env=env,
        )  # fmt: skip
        # Waiting for it to listen (collectstatic comes first), not timing it.
        wait_until(self._answers, START_SECONDS, "the server did not answer")

    def _answers(self) -> bool:
        if self.server.poll() is not None:
            raise RuntimeError("the server stopped while starting")
        try:
            with urllib.request.urlopen(self.base_url + "/en/", timeout=5) as answer:
                return answer.status == 200
        except OSError:
            return False

    def start_worker(self) -> None:
        self.workers_started += 1
        self.worker = self.spawn(f"worker-{self.workers_started}", "worker")

    def horses(self) -> list[int]:
        """The work horses the worker has forked for its current job (none between jobs)."""
        found = subprocess.run(
            ["pgrep", "-P", str(self.worker.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in found.stdout.split()]

    def signal_horses(self, signum: int) -> None:
        """SIGSTOP / SIGCONT the work horses: a test steps a short job in slices."""
        for pid in self.horses():
            os.kill(pid, signum)

    def kill_worker(self) -> list[str]:
        """SIGKILL the worker and the work horse it forked for the job (RQ puts the horse in a
        session of its own) at once, as a crash or the OOM killer would: no clean-up runs.
        Returns the horses' process ids."""
        horses = [str(pid) for pid in self.horses()]
        for pid in horses:
            os.kill(int(pid), signal.SIGKILL)
        os.killpg(self.worker.pid, signal.SIGKILL)
        self.worker.wait(timeout=30)
        return horses

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

    def show_logs(self, lines: int = 40) -> None:
        for log in sorted(self.logs.iterdir()):
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            print(f"---- {log.name} (last {len(tail)} lines)", *tail, sep="\n")


def wait_until(condition: Callable[[], bool], seconds: float, message: str) -> None:
    """Poll ``condition`` until it holds; RuntimeError(message) after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise RuntimeError(f"{message} within {seconds:.0f} s")
