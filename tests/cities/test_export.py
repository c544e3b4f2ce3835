"""Exporting the registry, and reading the export back in."""

import csv
import io

import openpyxl
import pytest

from amity.cities.exporting import export_partnerships
from amity.cities.importing import import_partnerships
from amity.cities.models import Citation, CooperationField, Partnership
from tests.factories import ContactFactory, PartnershipFactory, PlaceFactory

SOURCE_FILE = """\
partner,country_iso2,partner_kind,relationship,established_on,source,name_zh,fields,fields_source
Hamburg,DE,city,friendship_city,1986-05-29,FAO list; Yearbook 2007 gives 1985-06-29,汉堡,,
Cork,IE,city,friendship_city,2005,News reports: first pair; day and month not found,科克,,
Los Angeles,US,city,partner,,China Daily report,洛杉矶,transport;environment,China Daily report
"""


def _snapshot() -> list[tuple]:
    """What a re-import could change, in a comparable form."""
    partnerships = Partnership.objects.select_related("place").order_by("place__name_en")
    return [
        (
            p.place.name_en,
            p.place.name_zh,
            p.kind,
            p.status,
            p.established_on,
            p.established_precision,
            sorted(p.fields.values_list("code", flat=True)),
            sorted(p.citations.values_list("fact", "source__title_en", "value", "note_en")),
        )
        for p in partnerships
    ]


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_export_csv_reimports_without_changes():
    import_partnerships(SOURCE_FILE.encode(), "partners.csv")
    before = _snapshot()

    exported = export_partnerships(Partnership.objects.all(), "csv")
    summary = import_partnerships(exported, "export.csv")

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 3)
    assert _snapshot() == before


@pytest.mark.django_db
def test_export_xlsx_reimports_without_changes():
    import_partnerships(SOURCE_FILE.encode(), "partners.csv")
    before = _snapshot()

    exported = export_partnerships(Partnership.objects.all(), "xlsx")
    summary = import_partnerships(exported, "export.xlsx")

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 3)
    assert _snapshot() == before


@pytest.mark.django_db
def test_export_into_an_empty_registry_recreates_it():
    import_partnerships(SOURCE_FILE.encode(), "partners.csv")
    before = _snapshot()
    exported = export_partnerships(Partnership.objects.all(), "csv")
    Citation.objects.all().delete()
    Partnership.objects.all().delete()

    summary = import_partnerships(exported, "export.csv")

    assert summary.created == 3
    assert _snapshot() == before


@pytest.mark.django_db
def test_export_writes_partial_dates_and_conflicting_sources():
    import_partnerships(SOURCE_FILE.encode(), "partners.csv")

    rows = {
        row["partner"]: row
        for row in _csv_rows(export_partnerships(Partnership.objects.all(), "csv"))
    }

    assert rows["Cork"]["established_on"] == "2005"
    assert rows["Hamburg"]["source"] == "FAO list; Yearbook 2007 gives 1985-06-29"
    assert rows["Los Angeles"]["fields"] == "environment;transport"


@pytest.mark.django_db
def test_export_never_contains_notes_or_contacts():
    partnership = PartnershipFactory(
        notes="Mayor dislikes long dinners", place=PlaceFactory(name_en="Dunedin")
    )
    ContactFactory(partnership=partnership, name="Aroha Tane", email="aroha@example.org")

    exported = export_partnerships(Partnership.objects.all(), "csv").decode("utf-8-sig")

    assert "Dunedin" in exported
    assert "long dinners" not in exported
    assert "Aroha" not in exported
    assert "aroha@example.org" not in exported


@pytest.mark.django_db
def test_export_xlsx_keeps_every_cell_as_text():
    PartnershipFactory(
        place=PlaceFactory(name_en="Cork", country="IE"), established_precision="year"
    )

    workbook = openpyxl.load_workbook(
        io.BytesIO(export_partnerships(Partnership.objects.all(), "xlsx"))
    )
    header, row = list(workbook.active.iter_rows(values_only=True))

    assert row[header.index("established_on")] == "1994"


@pytest.mark.django_db
def test_export_of_many_partnerships_needs_a_fixed_number_of_queries(django_assert_num_queries):
    fields = list(CooperationField.objects.all()[:2])
    for _ in range(20):
        PartnershipFactory(fields=fields)

    # partnerships with places, their fields, their citations with sources
    with django_assert_num_queries(3):
        export_partnerships(Partnership.objects.all(), "csv")


def test_export_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown export format"):
        export_partnerships(Partnership.objects.none(), "pdf")  # type: ignore[arg-type]
