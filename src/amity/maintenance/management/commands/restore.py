from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from amity.maintenance.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and uploaded files with those of a backup made by `amity backup`. "
        "The current state is saved first to var/backups/before-restore-<time>.tar.gz."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="an archive made by `amity backup`")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask for confirmation (for scripts)"
        )

    def handle(self, *args, file: Path, yes: bool, **options) -> None:
        try:
            manifest = read_manifest(file)
            if not yes:
                answer = input(
                    f"Replace this installation's data with the backup of {manifest.created_at}? "
                    "[y/N] "
                )
                if answer.strip().lower() not in ("y", "yes"):
                    raise CommandError("nothing restored")
            restore_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the {manifest.engine} database and uploads of {manifest.created_at}. "
            "Run `amity migrate` if this version of Amity is newer than the backup."
        )
