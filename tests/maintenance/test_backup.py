"""A backup restores the installation exactly: every row of every table, and the uploads."""

import io
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from amity.cities.models import Partnership, Place
from amity.maintenance.backup import BackupError, create_backup, read_manifest, restore_backup
from tests.factories import AgreementFactory, CitationFactory, OrganiserFactory, PartnershipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> str:
    """Every row of every model, in a stable order."""
    parts = []
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        parts.append(serializers.serialize("json", model._default_manager.order_by("pk")))
    return "\n".join(parts)


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    return settings.MEDIA_ROOT


def test_restore_brings_back_every_row_and_every_upload(tmp_path, media, cooperation_fields):
    OrganiserFactory()
    agreement = AgreementFactory(partnership=PartnershipFactory(summary_zh="达尼丁 1994"))
    agreement.document.save("agreement.pdf", ContentFile(b"%PDF-1.4 signed"), save=True)
    CitationFactory(partnership=agreement.partnership)
    before = snapshot()
    archive = tmp_path / "amity.tar.gz"
    create_backup(archive)
    Partnership.objects.all().delete()
    Place.objects.update(name_zh="changed")
    (media / agreement.document.name).unlink()

    restore_backup(archive)

    assert snapshot() == before
    assert (media / agreement.document.name).read_bytes() == b"%PDF-1.4 signed"


def test_restore_saves_the_current_state_first(tmp_path, media):
    archive = tmp_path / "amity.tar.gz"
    create_backup(archive)
    PartnershipFactory()

    restore_backup(archive)

    safety = list((tmp_path / "var" / "backups").glob("before-restore-*.tar.gz"))
    assert len(safety) == 1
    restore_backup(safety[0], safety_copy=False)
    assert Partnership.objects.count() == 1


def test_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(tmp_path, media):
    PartnershipFactory()
    before = snapshot()
    bogus = tmp_path / "photo.tar.gz"
    bogus.write_bytes(b"not an archive")

    with pytest.raises(BackupError, match="not an Amity backup"):
        restore_backup(bogus)

    assert snapshot() == before


def test_a_backup_of_the_other_database_engine_is_refused(tmp_path, media):
    archive = tmp_path / "amity.tar.gz"
    create_backup(archive)
    manifest = read_manifest(archive)
    other = "postgresql" if manifest.engine == "sqlite" else "sqlite"
    forged = tmp_path / "forged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(forged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == "manifest.json":
                text = data.read().decode().replace(manifest.engine, other)
                member.size = len(text.encode())
                target.addfile(member, io.BytesIO(text.encode()))
            else:
                target.addfile(member, data)

    with pytest.raises(BackupError, match="dumpdata"):
        restore_backup(forged)


def test_backup_and_restore_commands(tmp_path, media, capsys):
    archive = tmp_path / "amity.tar.gz"
    PartnershipFactory()

    call_command("backup", str(archive))
    Partnership.objects.all().delete()
    call_command("restore", str(archive), "--yes")

    assert Partnership.objects.count() == 1
    assert "Restored" in capsys.readouterr().out


def test_restore_command_reports_a_bad_file_as_a_command_error(tmp_path, media):
    with pytest.raises(CommandError, match="not an Amity backup"):
        call_command("restore", str(tmp_path / "missing.tar.gz"), "--yes")
