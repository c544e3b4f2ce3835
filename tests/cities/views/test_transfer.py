"""The import page, its file-format help and the export downloads."""

import pytest

from amity.cities.importing.columns import ALL_COLUMNS
from amity.cities.models import Citation, Partnership
from tests.cities.views.browsing import make_partner, url

pytestmark = pytest.mark.django_db


GOOD_CSV = (
    "partner,country_iso2,partner_kind,relationship,established_on,source\n"
    "Dunedin,NZ,city,friendship_city,1994-10-21,Shanghai FAO list\n"
    "Yokohama,JP,city,friendship_city,1973-11-30,Shanghai FAO list\n"
)
BAD_CSV = GOOD_CSV + "Atlantis,ZZ,city,friendship_city,1990-01-01,Shanghai FAO list\n"


def upload(client, content: str, name: str = "partners.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile(name, content.encode(), content_type="text/csv")
    return client.post(url("cities:partner-import"), {"file": file})


def test_import_page_shows_every_bad_row_and_imports_nothing(organiser_client):
    response = upload(organiser_client, BAD_CSV)

    assert response.status_code == 422
    assert Partnership.objects.count() == 0
    errors = response.context["errors"]
    assert [(error.row, error.column) for error in errors] == [(4, "country_iso2")]
    html = response.content.decode()
    assert "<td>4</td><td>country_iso2</td>" in html
    assert "nothing was imported" in html


def test_import_page_reports_the_summary_of_a_good_file(organiser_client):
    response = upload(organiser_client, GOOD_CSV)

    assert response.status_code == 200
    summary = response.context["summary"]
    assert (summary.created, summary.updated, summary.unchanged) == (2, 0, 0)
    assert Partnership.objects.count() == 2


def test_import_page_refuses_other_file_types(organiser_client):
    response = upload(organiser_client, GOOD_CSV, name="partners.pdf")

    assert response.status_code == 422
    assert response.context["form"].errors["file"] == ["Choose a .csv or .xlsx file."]


def test_import_page_in_chinese_shows_a_bad_rows_error_in_chinese(organiser_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad_date = GOOD_CSV + "Hamburg,DE,city,friendship_city,1986-13-01,Shanghai FAO list\n"
    file = SimpleUploadedFile("partners.csv", bad_date.encode(), content_type="text/csv")

    response = organiser_client.post(url("cities:partner-import", lang="zh-hans"), {"file": file})

    html = response.content.decode()
    assert response.status_code == 422
    assert "<td>4</td><td>established_on</td>" in html
    assert "“1986-13-01”不是日期（YYYY、YYYY-MM 或 YYYY-MM-DD）" in html
    assert "is not a date" not in html
    assert Partnership.objects.count() == 0


def test_import_page_links_to_the_file_format_help(organiser_client):
    html = organiser_client.get(url("cities:partner-import")).content.decode()

    assert f'href="{url("cities:import-format")}"' in html


def test_import_format_help_describes_every_column_and_lists_chinese_labels(client):
    response = client.get(url("cities:import-format"))

    html = response.content.decode()
    assert response.status_code == 200
    assert [name for name, _required, _help in response.context["columns"]] == list(ALL_COLUMNS)
    assert ("friendly_exchange", "Friendly exchange relationship", "友好交流关系") in (
        response.context["value_lists"][1][1]
    )
    assert "<td><code>smart-city</code></td><td>Smart city</td>" in html
    # Where the data comes from (docs/data.md in short), licences included.
    assert "Natural Earth (public domain)" in html
    assert "GeoNames (CC BY 4.0)" in html


def test_import_format_example_imports_as_it_is_shown(organiser_client):
    from amity.cities.views.transfer import EXAMPLE_CSV

    response = upload(organiser_client, EXAMPLE_CSV)

    hamburg = Partnership.objects.get(place__name_en="Hamburg")
    assert response.status_code == 200
    # The row's own date and the yearbook's conflicting one are both kept, each with its source.
    dates = hamburg.citations.filter(fact=Citation.Fact.ESTABLISHED_ON)
    assert sorted(dates.values_list("value", "source__title_en")) == [
        ("1985-06-29", "2007 Shanghai Statistical Yearbook"),
        ("1986-05-29", "Shanghai FAO list of friendship cities (2012 edition)"),
    ]


def test_export_of_the_filtered_list_contains_only_the_matching_partners(client):
    make_partner("Dunedin")
    make_partner("Hamburg", place__country="DE", place__continent="EU")

    response = client.get(url("cities:partner-export", "csv"), {"continent": "OC"})

    body = response.content.decode("utf-8-sig")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="partnerships-')
    assert "Dunedin" in body
    assert "Hamburg" not in body


def test_export_as_xlsx_is_a_zip_container(client):
    make_partner("Dunedin")

    response = client.get(url("cities:partner-export", "xlsx"))

    assert response.content[:2] == b"PK"


def test_export_unknown_format_is_404(client):
    assert client.get(url("cities:partner-export", "pdf")).status_code == 404
