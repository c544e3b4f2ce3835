"""Importing registry files: the official-list spreadsheet as it is, and bad files."""

import datetime
import io

import openpyxl
import pytest

from amity.cities.importing import ImportRejected, ImportSummary, RowError, import_partnerships
from amity.cities.models import Citation, Partnership, Place

# Rows copied verbatim from the official-list spreadsheet the project was given.
OFFICIAL_LIST = """\
partner,country_iso2,partner_kind,relationship,established_on,source
Yokohama,JP,city,friendship_city,1973-11-30,Shanghai FAO list of friendship cities (2012 edition)
Pomeranian Voivodeship,PL,province,friendship_city,1985-07-04,Shanghai FAO list of friendship cities (2012 edition)
Hamburg,DE,city,friendship_city,1986-05-29,Shanghai FAO list of friendship cities (2012 edition); the 2007 Shanghai Statistical Yearbook gives 1985-06-29
São Paulo,BR,city,friendship_city,1988-07-07,Shanghai FAO list of friendship cities (2012 edition)
Cork,IE,city,friendship_city,2005,news reports (first China-Ireland pair); day and month not found
Johannesburg,ZA,city,friendly_exchange,2009,China Daily 2023 forum report: friendly exchange relations since 2009
Vientiane,LA,city,letter_of_intent,2025-05-29,Shanghai news 2025: Letter of Intent for Friendly Cooperation and Exchanges; attended the 2023 forum
Los Angeles,US,city,partner,,China Daily 2023 forum report: partnership on a green shipping corridor between the two ports; type and date not found
"""  # noqa: E501

HEADER = "partner,country_iso2,partner_kind,relationship,established_on,source\n"


def _import(text: str, filename: str = "partners.csv") -> ImportSummary:
    return import_partnerships(text.encode("utf-8"), filename)


def _errors(text: str, filename: str = "partners.csv") -> list[str]:
    with pytest.raises(ImportRejected) as rejected:
        _import(text, filename)
    return [str(error) for error in rejected.value.errors]


@pytest.mark.django_db
def test_import_official_list_as_it_is():
    summary = _import(OFFICIAL_LIST)

    assert summary == ImportSummary(created=8, updated=0, unchanged=0, warnings=[])
    assert Partnership.objects.count() == 8


@pytest.mark.django_db
def test_import_sets_date_precision_from_the_written_date():
    _import(OFFICIAL_LIST)

    dates = {
        p.place.name_en: (p.established_on, p.established_precision)
        for p in Partnership.objects.select_related("place")
    }
    assert dates["Hamburg"] == (datetime.date(1986, 5, 29), "day")
    assert dates["Cork"] == (datetime.date(2005, 1, 1), "year")
    assert dates["Los Angeles"] == (None, "")


@pytest.mark.django_db
def test_import_keeps_conflicting_date_citations_side_by_side():
    _import(OFFICIAL_LIST)

    hamburg = Partnership.objects.get(place__name_en="Hamburg")
    stated = sorted(
        hamburg.citations.filter(fact=Citation.Fact.ESTABLISHED_ON).values_list(
            "source__title_en", "value"
        )
    )
    assert stated == [
        ("2007 Shanghai Statistical Yearbook", "1985-06-29"),
        ("Shanghai FAO list of friendship cities (2012 edition)", "1986-05-29"),
    ]


@pytest.mark.django_db
def test_import_attaches_lowercase_remarks_to_the_preceding_source():
    _import(OFFICIAL_LIST)

    cork = Citation.objects.get(partnership__place__name_en="Cork", fact=Citation.Fact.KIND)
    assert (cork.source.title_en, cork.note_en) == (
        "News reports (first China-Ireland pair)",
        "day and month not found",
    )


@pytest.mark.django_db
def test_import_fills_city_location_from_world_cities_and_cites_geonames():
    _import(OFFICIAL_LIST)

    yokohama = Place.objects.get(name_en="Yokohama")
    # GeoNames places Yokohama at about 35.4° N, 139.6° E, in Japan's time zone.
    assert (round(yokohama.latitude), round(yokohama.longitude)) == (35, 140)
    assert yokohama.time_zone == "Asia/Tokyo"
    assert yokohama.continent == "AS"
    assert Citation.objects.filter(
        partnership__place=yokohama, fact=Citation.Fact.LOCATION
    ).exists()


@pytest.mark.django_db
def test_import_letter_of_intent_defaults_to_loi_signed_status():
    _import(OFFICIAL_LIST)

    assert Partnership.objects.get(place__name_en="Vientiane").status == "loi_signed"


@pytest.mark.django_db
def test_import_same_file_twice_updates_instead_of_duplicating():
    _import(OFFICIAL_LIST)

    summary = _import(OFFICIAL_LIST)

    assert summary == ImportSummary(created=0, updated=0, unchanged=8, warnings=[])
    assert (Partnership.objects.count(), Place.objects.count()) == (8, 8)


@pytest.mark.django_db
def test_import_changed_row_counts_as_updated():
    _import(OFFICIAL_LIST)
    changed = OFFICIAL_LIST.replace(
        "Cork,IE,city,friendship_city,2005,", "Cork,IE,city,friendship_city,2005-06,"
    )

    summary = _import(changed)

    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 7)
    cork = Partnership.objects.get(place__name_en="Cork")
    assert (cork.established_on, cork.established_precision) == (datetime.date(2005, 6, 1), "month")


@pytest.mark.django_db
def test_import_accepts_byte_order_mark_and_semicolons():
    text = "\ufeffpartner;country_iso2;partner_kind;relationship\nDunedin;NZ;city;friendship_city\n"

    summary = _import(text)

    assert summary.created == 1


@pytest.mark.django_db
def test_import_optional_columns_set_fields_names_and_coordinates():
    text = (
        "partner,country_iso2,partner_kind,relationship,name_zh,fields,latitude,longitude,"
        "status,summary_en\n"
        'Los Angeles,US,city,partner,洛杉矶,transport|environment,34.05,-118.24,active,"Ports"\n'
    )

    _import(text)

    partnership = Partnership.objects.select_related("place").get()
    assert sorted(partnership.fields.values_list("code", flat=True)) == ["environment", "transport"]
    assert (partnership.place.name_zh, partnership.place.latitude) == ("洛杉矶", 34.05)
    assert partnership.summary_en == "Ports"


@pytest.mark.django_db
def test_import_unknown_column_is_ignored_with_a_warning():
    text = "partner,country_iso2,partner_kind,relationship,mayor\nDunedin,NZ,city,partner,X\n"

    summary = _import(text)

    assert (summary.created, summary.warnings) == (1, ["ignored the unknown column 'mayor'"])


@pytest.mark.django_db
def test_import_missing_required_column_is_one_error_naming_it():
    text = "partner,country_iso2,relationship\nDunedin,NZ,friendship_city\n"

    assert _errors(text) == ["row 1, column partner_kind: this required column is missing"]


@pytest.mark.django_db
def test_import_wrong_encoding_says_to_save_as_csv_utf8():
    data = (HEADER + "Malmö,SE,city,friendship_city,,\n").encode("latin-1")

    with pytest.raises(ImportRejected) as rejected:
        import_partnerships(data, "partners.csv")

    message = str(rejected.value.errors[0])
    assert "not valid UTF-8" in message
    assert "CSV UTF-8" in message


@pytest.mark.django_db
def test_import_bad_date_names_row_column_and_forms():
    text = (
        HEADER
        + "Dunedin,NZ,city,friendship_city,1994-10-21,x\n"
        + "Hamburg,DE,city,friendship_city,1986-13-01,x\n"
    )

    assert _errors(text) == [
        "row 3, column established_on: '1986-13-01' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    ]


@pytest.mark.django_db
def test_import_unknown_country_is_reported():
    text = HEADER + "Atlantis,XX,city,friendship_city,,\n"

    assert _errors(text) == [
        "row 2, column country_iso2: 'XX' is not an ISO 3166-1 alpha-2 country code"
    ]


@pytest.mark.django_db
def test_import_duplicate_rows_name_both_rows():
    text = (
        HEADER
        + "Dunedin,NZ,city,friendship_city,,\n"
        + "Osaka,JP,city,friendship_city,,\n"
        + "Dunedin,NZ,city,friendship_city,1994,\n"
    )

    assert _errors(text) == [
        "row 4, column partner: 'Dunedin' (NZ) repeats row 2; each partnership may appear only once"
    ]


@pytest.mark.django_db
def test_import_reports_every_bad_row_and_imports_nothing():
    text = (
        "partner,country_iso2,partner_kind,relationship,fields,latitude,longitude\n"
        "Dunedin,NZ,city,friendship_city,,,\n"
        "Nowhere,NZ,village,friendship_city,,,\n"
        "Hamburg,DE,city,pen_pals,,,\n"
        "Osaka,JP,city,friendship_city,robotics,,\n"
        "Porto,PT,city,friendship_city,,91,8\n"
    )

    errors = _errors(text)

    assert [error.split(":")[0] for error in errors] == [
        "row 3, column partner_kind",
        "row 4, column relationship",
        "row 5, column fields",
        "row 6, column latitude",
    ]
    assert Partnership.objects.count() == 0


@pytest.mark.django_db
def test_import_xlsx_with_date_cells():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["partner", "country_iso2", "partner_kind", "relationship", "established_on"])
    sheet.append(["Dunedin", "NZ", "city", "friendship_city", datetime.datetime(1994, 10, 21)])
    sheet.append(["Cork", "IE", "city", "friendship_city", 2005])
    buffer = io.BytesIO()
    workbook.save(buffer)

    summary = import_partnerships(buffer.getvalue(), "partners.xlsx")

    assert summary.created == 2
    precisions = dict(Partnership.objects.values_list("place__name_en", "established_precision"))
    assert precisions == {"Dunedin": "day", "Cork": "year"}


@pytest.mark.django_db
def test_import_broken_xlsx_is_rejected_clearly():
    assert _errors("this is not a workbook", "partners.xlsx") == [
        "the file is not a readable XLSX workbook"
    ]


def test_row_error_str_without_row_is_the_message():
    assert str(RowError(None, None, "the file is empty")) == "the file is empty"


@pytest.mark.django_db
def test_import_matches_an_existing_place_whatever_the_letter_case():
    _import(OFFICIAL_LIST)

    summary = _import(HEADER + "yokohama,JP,city,friendship_city,1973-11-30,Shanghai FAO list\n")

    assert (summary.created, Place.objects.count()) == (0, 8)
    assert Place.objects.filter(name_en="Yokohama").exists()


@pytest.mark.django_db
def test_import_file_with_one_place_in_two_letter_cases_creates_it_once():
    # The city's own partnership and a district's, in one file: one place, two partnerships.
    header = HEADER.rstrip("\n") + ",name_zh,status,level,home_district\n"
    rows = (
        "Dunedin,NZ,city,friendship_city,1994,Dunedin city council,,,municipal,\n"
        "DUNEDIN,NZ,city,friendship_city,1994,Dunedin city council,,,district,Huangpu\n"
    )

    summary = _import(header + rows)

    assert summary.created == 2
    assert Place.objects.filter(name_en__iexact="dunedin").count() == 1
