from collections.abc import Callable
from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand

from amity.cities.demo_data import load_demo as load_registry_demo

# After the registry: each domain's `load_demo() -> list[str]` (lines to print), in the order
# the domains depend on each other. Each loader is idempotent and labels its data as demo data.
DEMO_LOADERS: list[str] = [
    "amity.events.demo.load_demo",
    "amity.fair.demo.load_demo",
    "amity.fair.demo_schedule.load_demo",
    "amity.cooperation.demo_data.load_demo",
]


def _loader(path: str) -> Callable[[], list[str]]:
    module, name = path.rsplit(".", 1)
    return getattr(import_module(module), name)


class Command(BaseCommand):
    help = (
        "Set up the demo in one step: migrate, load Shanghai's registry and the demo data, "
        "create the demo accounts, print their logins, then serve. Safe to run again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="set up only, do not serve")
        parser.add_argument(
            "--host", default="127.0.0.1", help="address to serve on (default 127.0.0.1)"
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="port to serve on (default 8000)"
        )

    def handle(self, *args, **options) -> None:
        quiet = {"verbosity": 0, "stdout": self.stdout, "stderr": self.stderr}
        call_command("migrate", interactive=False, **quiet)
        call_command("createcachetable", **quiet)
        result = load_registry_demo()
        self.stdout.write(
            f"Registry: {result.seed.created} partnerships created, {result.seed.updated} "
            f"updated, {result.seed.unchanged} unchanged; demo extras are labelled demo data."
        )
        for path in DEMO_LOADERS:
            for line in _loader(path)():
                self.stdout.write(line)
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(f"Demo accounts (log in at {url}en/accounts/login/):")
        for account in result.accounts:
            self.stdout.write(
                f"  {account.username:<11} password: {account.password:<12} {account.description}"
            )
        if not options["no_serve"]:
            call_command("serve", host=options["host"], port=options["port"])
