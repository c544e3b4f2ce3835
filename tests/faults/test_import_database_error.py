"""A database error in the middle of a registry import writes nothing, in a request or a job.

The error is real: the database connection refuses one statement (Django's execute wrapper, the
layer below the ORM), after the import has already inserted places and partnerships in its
transaction. Nothing of ours is replaced.
"""

from contextlib import contextmanager

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, connection

from amity.cities.importing import import_partnerships
from amity.cities.models import Citation, Partnership, Place, Source
from amity.cities.tasks import import_file
from amity.jobs.domain import restart_job, start_job
from amity.jobs.models import JobStatus
from tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db


def registry_file(rows: int) -> bytes:
    lines = ["partner,country_iso2,partner_kind,relationship,established_on,fields,source"]
    lines += [
        f"Faultville {n:04d},NZ,city,friendship_city,{1980 + n % 40},trade,Fault test list"
        for n in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


@contextmanager
def database_fails_on(fragment: str):
    """The connection raises OperationalError for the first statement containing
    ``fragment``, as a dropped connection or a full disk would; it records what ran before."""
    seen: list[str] = []

    def refuse(execute, sql, params, many, context):
        seen.append(sql)
        if fragment in sql and not getattr(refuse, "fired", False):
            refuse.fired = True
            raise OperationalError("server closed the connection unexpectedly (fault test)")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield seen


def nothing_of_faultville() -> dict[str, int]:
    return {
        "places": Place.objects.filter(name_en__startswith="Faultville").count(),
        "partnerships": Partnership.objects.filter(place__name_en__startswith="Faultville").count(),
        "citations": Citation.objects.filter(source__title_en="Fault test list").count(),
        "sources": Source.objects.filter(title_en="Fault test list").count(),
    }


EMPTY = {"places": 0, "partnerships": 0, "citations": 0, "sources": 0}


@pytest.mark.usefixtures("cooperation_fields")
def test_a_database_error_after_places_were_written_leaves_no_row():
    with database_fails_on('INTO "cities_citation"') as seen, pytest.raises(OperationalError):
        import_partnerships(registry_file(1200), "faults.csv")

    # The error came late: places and partnerships had been inserted in the same transaction.
    assert any('INTO "cities_place"' in sql for sql in seen)
    assert any('INTO "cities_partnership"' in sql for sql in seen)
    assert nothing_of_faultville() == EMPTY


@pytest.mark.usefixtures("cooperation_fields")
def test_a_database_error_in_a_background_import_fails_the_job_writes_nothing_and_can_rerun(
    django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    owner = OrganiserFactory()
    stored = default_storage.save("imports/faults.csv", ContentFile(registry_file(1200)))

    with (
        database_fails_on('INTO "cities_partnership"'),
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = start_job(
            kind="cities.import",
            title=lambda: "Import of faults.csv",
            owner=owner,
            task=import_file,
            path=stored,
            filename="faults.csv",
        )

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "An internal error stopped the job; it has been logged."
    assert nothing_of_faultville() == EMPTY
    # The uploaded file is kept for the restart, which (the database well again) imports it.
    assert default_storage.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        again = restart_job(job, owner=owner)
    again.refresh_from_db()
    assert (again.status, again.result["created"]) == (JobStatus.SUCCEEDED, 1200)
    assert nothing_of_faultville()["partnerships"] == 1200
    assert not default_storage.exists(stored)
