"""Imports from the web are bounded; long files run as a background job with progress; a
damaged file is refused as unreadable, never a server error."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from amity.cities.importing import ImportRejected, import_partnerships
from amity.cities.models import Partnership
from amity.jobs.models import Job, JobStatus
from tests.cities.views.browsing import url

pytestmark = pytest.mark.django_db

HEADER = "partner,country_iso2,partner_kind,relationship\n"
IMPORT_API = "/api/v1/registry/partnerships/import"


def rows(n: int, bad_every: int = 0) -> str:
    lines = [
        f"Town {i:05d},{'XX' if bad_every and i % bad_every == 0 else 'NZ'},city,friendship_city"
        for i in range(n)
    ]
    return HEADER + "\n".join(lines) + "\n"


def upload(text: str | bytes, name: str = "partners.csv") -> SimpleUploadedFile:
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


@override_settings(AMITY_IMPORT_MAX_BYTES=1_000)
def test_a_file_over_the_size_limit_is_refused_and_nothing_imported(organiser_client):
    response = organiser_client.post(IMPORT_API, {"file": upload(rows(100))})

    assert response.status_code == 422
    assert "larger than 0.001 MB" in response.json()["rows"][0]["message"]
    assert Partnership.objects.count() == 0


@override_settings(AMITY_IMPORT_MAX_ROWS=10)
def test_a_file_over_the_row_limit_is_refused(organiser_client):
    response = organiser_client.post(IMPORT_API, {"file": upload(rows(11))})

    assert response.status_code == 422
    assert "more than 10 rows" in response.json()["rows"][0]["message"]


def test_a_bad_file_lists_the_first_200_problems_and_counts_them_all(organiser_client):
    response = organiser_client.post(IMPORT_API, {"file": upload(rows(1000, bad_every=2))})

    body = response.json()
    assert (response.status_code, len(body["rows"]), body["total"]) == (422, 200, 500)


@override_settings(AMITY_IMPORT_ROWS_IN_REQUEST=5)
def test_a_long_file_is_imported_by_a_job_its_owner_follows(
    organiser_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(IMPORT_API, {"file": upload(rows(12))})

    job = Job.objects.get()
    assert response.status_code == 202
    assert response.json()["status_url"] == f"/api/v1/jobs/{job.pk}"
    assert (job.status, job.result["created"], job.done, job.total) == ("succeeded", 12, 12, 12)
    assert Partnership.objects.count() == 12
    status = organiser_client.get(response.json()["status_url"]).json()
    assert status["message"] == "12 added, 0 updated, 0 unchanged"


@override_settings(AMITY_IMPORT_ROWS_IN_REQUEST=5)
def test_a_long_bad_file_fails_its_job_with_the_first_problems(
    organiser_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(IMPORT_API, {"file": upload(rows(12, bad_every=3))})

    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.error.startswith("Nothing was imported: 4 problems.")
    assert "row 2, column country_iso2" in job.error
    assert Partnership.objects.count() == 0


@override_settings(AMITY_IMPORT_ROWS_IN_REQUEST=5)
def test_the_import_page_sends_a_long_file_to_its_job_page(
    organiser_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(url("cities:partner-import"), {"file": upload(rows(8))})

    job = Job.objects.get()
    assert response["Location"] == f"/en/jobs/{job.pk}/"


def test_the_import_page_refuses_a_body_over_the_limit_before_reading_it(organiser_client):
    with override_settings(AMITY_IMPORT_MAX_BYTES=1_000):
        response = organiser_client.post(
            url("cities:partner-import"), {"file": upload("x" * 70_000)}
        )

    assert response.status_code == 413


def _xlsx(rows_: list[list[str]]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows_:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _damaged(data: bytes, part: str, replace: tuple[bytes, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                content = content.replace(*replace)
            target.writestr(item, content)
    return out.getvalue()


GOOD_XLSX = _xlsx(
    [["partner", "country_iso2", "partner_kind", "relationship"]] * 1
    + [["Dunedin", "NZ", "city", "friendship_city"]]
)


@pytest.mark.parametrize(
    "data",
    [
        _damaged(GOOD_XLSX, "xl/worksheets/sheet1.xml", (b"</sheetData>", b"<sheetData")),
        _damaged(
            GOOD_XLSX,
            "xl/worksheets/sheet1.xml",
            (b't="inlineStr"><is><t>Dunedin</t></is>', b't="s"><v>999</v>'),
        ),
        _damaged(GOOD_XLSX, "xl/workbook.xml", (b"<sheets>", b"<sheets><<")),
        GOOD_XLSX[: len(GOOD_XLSX) // 2],
    ],
)
def test_a_damaged_workbook_is_refused_as_unreadable(data):
    with pytest.raises(ImportRejected) as rejected:
        import_partnerships(data, "partners.xlsx")

    assert [str(e) for e in rejected.value.errors] == ["the file is not a readable XLSX workbook"]


def test_a_csv_cell_over_the_csv_limit_names_its_row():
    text = HEADER + "Dunedin,NZ,city,friendship_city\n" + '"' + "x" * 140_000 + '",NZ,city,x\n'

    with pytest.raises(ImportRejected) as rejected:
        import_partnerships(text.encode(), "partners.csv")

    error = rejected.value.errors[0]
    assert error.row == 3
    assert "longer than 131,072 characters" in error.message
