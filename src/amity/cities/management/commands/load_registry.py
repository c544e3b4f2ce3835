from django.core.management.base import BaseCommand, CommandError

from amity.cities.demo_data import load_seed
from amity.cities.importing import ImportRejected


class Command(BaseCommand):
    help = "Load the shipped seed registry (Shanghai's partner cities); safe to run again."

    def handle(self, *args, **options) -> None:
        try:
            summary = load_seed()
        except ImportRejected as rejected:  # only if the shipped file itself were broken
            raise CommandError("; ".join(str(error) for error in rejected.errors)) from None
        self.stdout.write(
            f"Seed registry: {summary.created} created, {summary.updated} updated, "
            f"{summary.unchanged} unchanged."
        )
