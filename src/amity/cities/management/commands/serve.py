import importlib.util
import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Command(BaseCommand):
    help = (
        "Serve Amity: gunicorn (2 workers with threads) where it is installed, else Django's "
        "server; a background-task worker runs beside it and stops with it."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
        )
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")

    def handle(self, *args, **options) -> None:
        address = f"{options['host']}:{options['port']}"
        # WhiteNoise serves from the package (WHITENOISE_USE_FINDERS) but warns at every start
        # when the collectstatic directory is absent.
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        # The children must load the same settings as this process.
        env = {**os.environ}
        env.setdefault("DJANGO_SETTINGS_MODULE", "amity.config.settings")
        # SIGTERM (from a process manager) should stop the children too, as Ctrl-C does.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        worker = subprocess.Popen([sys.executable, "-m", "amity", "db_worker"], env=env)
        server = None
        try:
            if importlib.util.find_spec("gunicorn") is not None and os.name == "posix":
                self.stdout.write(f"Serving on http://{address}/ (gunicorn); Ctrl-C stops.")
                server = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "--config",
                        "python:amity.config.gunicorn_conf",
                        "amity.config.wsgi:application",
                        "--bind",
                        address,
                        "--workers",
                        "2",
                        "--threads",
                        "4",
                    ],
                    env=env,
                )
                server.wait()
            else:
                call_command("runserver", address, use_reloader=False)
        except KeyboardInterrupt:
            pass
        finally:
            _stop(server)
            _stop(worker)
