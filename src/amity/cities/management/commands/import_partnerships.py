import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from amity.cities.importing import ImportRejected, import_partnerships


class Command(BaseCommand):
    help = (
        "Import partnerships from a CSV (UTF-8) or XLSX file. Every row is checked first: if any "
        "row is bad, nothing is imported and every problem is listed (exit code 1)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "file",
            help="path of the .csv or .xlsx file; columns in docs/import-format.md, "
            "a sample in examples/partners.csv",
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        try:
            summary = import_partnerships(data, path.name)
        except ImportRejected as rejected:
            self.stderr.write(f"{path.name}: nothing was imported; fix these and try again:")
            for error in rejected.errors:
                self.stderr.write(f"  {error}")
            sys.exit(1)
        for warning in summary.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(
            f"{path.name}: {summary.created} created, {summary.updated} updated, "
            f"{summary.unchanged} unchanged."
        )
