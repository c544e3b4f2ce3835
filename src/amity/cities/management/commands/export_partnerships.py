from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from amity.cities.exporting import export_partnerships
from amity.cities.models import Partnership


class Command(BaseCommand):
    help = (
        "Export every partnership as CSV (to standard output by default) or XLSX, in the "
        "columns the import reads. Internal notes and contacts are never exported."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("-o", "--output", help="write to this file instead of stdout")
        parser.add_argument(
            "--format",
            choices=["csv", "xlsx"],
            help="default: from the extension of --output, else csv",
        )

    def handle(self, *args, **options) -> None:
        output = Path(options["output"]) if options["output"] else None
        fmt = options["format"] or (
            "xlsx" if output is not None and output.suffix.lower() == ".xlsx" else "csv"
        )
        if fmt == "xlsx" and output is None:
            raise CommandError("XLSX is a binary format: give a file with -o partners.xlsx")
        data = export_partnerships(Partnership.objects.order_by("place__name_en", "id"), fmt)
        if output is None:
            # On a terminal or in a pipe the byte-order mark for spreadsheets only gets in the way.
            self.stdout.write(data.decode("utf-8-sig"), ending="")
            return
        output.write_bytes(data)
        count = Partnership.objects.count()
        self.stderr.write(f"Wrote {count} partnerships to {output}.")
