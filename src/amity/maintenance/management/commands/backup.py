from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from amity.maintenance.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the whole installation (database and uploaded files) into one archive FILE "
        "(tar.gz). SQLite is copied with its online backup; PostgreSQL with pg_dump."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="the archive to write, e.g. amity.tar.gz")

    def handle(self, *args, file: Path, **options) -> None:
        try:
            manifest = create_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up the {manifest.engine} database and uploads to {file}.")
