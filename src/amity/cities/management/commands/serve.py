import importlib.util
import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def gunicorn_command(address: str, workers: int, threads: int) -> list[str]:
    """The gunicorn line `amity serve` runs (the README's production section shows it too)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        "python:amity.config.gunicorn_conf",
        "amity.config.wsgi:application",
        "--bind",
        address,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
    ]


class Command(BaseCommand):
    help = (
        "Serve Amity: gunicorn (2 workers with threads) where it is installed, else Django's "
        "server; a background-task worker (`amity worker`) runs beside it and stops with it. "
        "With --production (AMITY_PROFILE=production): collect the static files first, then "
        "gunicorn and one RQ worker."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
        )
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument(
            "--production",
            action="store_true",
            help="the production profile: needs AMITY_PROFILE=production and its settings",
        )
        parser.add_argument(
            "--workers", type=int, default=2, help="gunicorn worker processes (default 2)"
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="no task worker beside the server (run `amity worker` elsewhere)",
        )

    def handle(self, *args, **options) -> None:
        address = f"{options['host']}:{options['port']}"
        if options["production"]:
            if not settings.PRODUCTION:
                raise CommandError("--production needs AMITY_PROFILE=production")
            call_command("collectstatic", interactive=False, verbosity=0)
        if "DatabaseCache" in settings.CACHES["default"]["BACKEND"]:
            # The embedded profile's cache is a table (the cached registry pages need it).
            call_command("createcachetable", verbosity=0)
        # WhiteNoise serves from the package (WHITENOISE_USE_FINDERS) but warns at every start
        # when the collectstatic directory is absent.
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        # The children must load the same settings as this process.
        env = {**os.environ}
        env.setdefault("DJANGO_SETTINGS_MODULE", "amity.config.settings")
        # SIGTERM (from a process manager) should stop the children too, as Ctrl-C does.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        worker = None
        if not options["no_worker"]:
            worker = subprocess.Popen([sys.executable, "-m", "amity", "worker"], env=env)
        server = None
        try:
            if importlib.util.find_spec("gunicorn") is not None and os.name == "posix":
                self.stdout.write(f"Serving on http://{address}/ (gunicorn); Ctrl-C stops.")
                server = subprocess.Popen(
                    gunicorn_command(address, options["workers"], threads=4), env=env
                )
                server.wait()
            elif options["production"]:
                raise CommandError("the production profile needs gunicorn (POSIX only)")
            else:
                call_command("runserver", address, use_reloader=False)
        except KeyboardInterrupt:
            pass
        finally:
            _stop(server)
            _stop(worker)
