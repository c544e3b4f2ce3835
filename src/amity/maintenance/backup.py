"""One file holds the whole installation: the database in its engine's own format, and uploads.

The archive (tar + gzip) contains ``manifest.json`` (format, database engine, the migrations
applied, when), ``database.sqlite3`` (SQLite's online backup) or ``database.pgdump``
(``pg_dump --format=custom``), and ``media/`` (uploaded files). A restore first saves the current
state to ``var/backups/`` so that restoring the wrong file loses nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT_VERSION = 1
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"


class BackupError(Exception):
    """The backup or restore could not be made; the message says why and changes nothing."""


@dataclass(frozen=True)
class Manifest:
    format: int
    engine: str
    created_at: str
    migrations: dict[str, str]


def _engine() -> str:
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups support SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def _applied_migrations() -> dict[str, str]:
    """The latest applied migration of each app (names sort in order within an app)."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        if name > latest.get(app, ""):
            latest[app] = name
    return dict(sorted(latest.items()))


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    arguments = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        arguments += ["--host", db["HOST"]]
    if db.get("PORT"):
        arguments += ["--port", str(db["PORT"])]
    if db.get("USER"):
        arguments += ["--username", db["USER"]]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return arguments, env


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools)") from None
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from None


def _dump_database(folder: Path, engine: str) -> str:
    if engine == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / SQLITE_MEMBER)
        try:
            # SQLite's online backup: a consistent copy even while others write.
            connection.connection.backup(target)
        finally:
            target.close()
        return SQLITE_MEMBER
    arguments, env = _pg_environment()
    _run(["pg_dump", "--format=custom", "--file", str(folder / POSTGRES_MEMBER), *arguments], env)
    return POSTGRES_MEMBER


def create_backup(path: Path) -> Manifest:
    """Write the database and the uploaded files into one archive at ``path``."""
    engine = _engine()
    manifest = Manifest(
        format=FORMAT_VERSION,
        engine=engine,
        created_at=timezone.now().isoformat(),
        migrations=_applied_migrations(),
    )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        member = _dump_database(folder, engine)
        (folder / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2))
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / "manifest.json", arcname="manifest.json")
            archive.add(folder / member, arcname=member)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                archive.add(media, arcname="media")
        # Renamed only when complete: an interrupted backup never looks like a good one.
        partial.replace(path)
    return manifest


def read_manifest(path: Path) -> Manifest:
    try:
        with tarfile.open(path, "r:gz") as archive:
            raw = archive.extractfile("manifest.json")
            data = json.loads(raw.read()) if raw else None
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError):
        raise BackupError(f"{path} is not an Amity backup") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise BackupError(f"{path} is not an Amity backup of format {FORMAT_VERSION}")
    return Manifest(**{k: data[k] for k in ("format", "engine", "created_at", "migrations")})


def _check_compatible(manifest: Manifest) -> None:
    engine = _engine()
    if manifest.engine != engine:
        raise BackupError(
            f"this backup is of a {manifest.engine} database and this installation uses "
            f"{engine}; to move data between engines use `amity dumpdata` and `amity loaddata`"
        )
    known = _applied_migrations()
    ahead = [
        f"{app}.{name}"
        for app, name in manifest.migrations.items()
        if app in known and name > known[app]
    ]
    if ahead:
        raise BackupError(
            "this backup comes from a newer version of Amity (migrations "
            + ", ".join(ahead)
            + "); upgrade Amity first"
        )


def _load_database(folder: Path, engine: str) -> None:
    if engine == "sqlite":
        source = sqlite3.connect(folder / SQLITE_MEMBER)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
        return
    arguments, env = _pg_environment()
    # Django's own connection would hold locks that pg_restore's DROPs wait for.
    connection.close()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            *arguments,
            str(folder / POSTGRES_MEMBER),
        ],
        env,
    )


def restore_backup(path: Path, *, safety_copy: bool = True) -> Manifest:
    """Replace the database and the uploaded files with those of the archive at ``path``."""
    manifest = read_manifest(path)
    _check_compatible(manifest)
    if safety_copy:
        folder = Path(settings.VAR_DIR) / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        create_backup(folder / f"before-restore-{stamp}.tar.gz")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with tarfile.open(path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(folder, filter="data")
        _load_database(folder, manifest.engine)
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        if (folder / "media").is_dir():
            shutil.copytree(folder / "media", media)
    return manifest
