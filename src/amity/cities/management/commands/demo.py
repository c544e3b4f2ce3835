from django.core.management import call_command
from django.core.management.base import BaseCommand

from amity.cities.demo_data import load_demo


class Command(BaseCommand):
    help = (
        "Set up the demo in one step: migrate, load Shanghai's registry and the demo data, "
        "create the demo accounts, print their logins, then serve. Safe to run again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="set up only, do not serve")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, **options) -> None:
        quiet = {"verbosity": 0, "stdout": self.stdout, "stderr": self.stderr}
        call_command("migrate", interactive=False, **quiet)
        call_command("createcachetable", **quiet)
        result = load_demo()
        self.stdout.write(
            f"Registry: {result.seed.created} partnerships created, {result.seed.updated} "
            f"updated, {result.seed.unchanged} unchanged; demo extras are labelled demo data."
        )
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(f"Demo accounts (log in at {url}en/accounts/login/):")
        for account in result.accounts:
            self.stdout.write(
                f"  {account.username:<11} password: {account.password:<12} {account.description}"
            )
        if not options["no_serve"]:
            call_command("serve", host=options["host"], port=options["port"])
