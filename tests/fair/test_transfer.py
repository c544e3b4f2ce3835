"""Participants from CSV (all rows or none, bad rows named) and to CSV/XLSX (safe cells)."""

import io

import openpyxl
import pytest

from amity.cities.importing.errors import ImportRejected
from amity.fair.models import Opportunity, Participant
from amity.fair.transfer import export_participants, import_participants
from tests.factories.accounts import OrganiserFactory
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

HEADER = "name_en,city,country,sectors,languages,offers,requests\n"


def test_good_file_imports_every_row_with_opportunities():
    fair = FairFactory()
    data = (
        HEADER
        + "Otago Foods,Dunedin,NZ,1079,en,Manuka honey | Lamb,Cold-chain logistics\n"
        + "Lao Coffee,Vientiane,LA,0127,lo,Arabica coffee,\n"
    ).encode()

    count = import_participants(fair, data, "p.csv", by=OrganiserFactory())

    assert count == 2
    assert Participant.objects.get(name_en="Otago Foods").city_name == "Dunedin"
    assert Opportunity.objects.filter(participant__fair=fair).count() == 4


def test_bad_rows_are_named_and_nothing_is_imported():
    fair = FairFactory()
    data = (
        HEADER
        + "Otago Foods,Dunedin,NZ,1079,en,Honey,\n"
        + "Bad Sector Ltd,Dunedin,NZ,9999,en,Honey,\n"
        + "Nowhere Ltd,Atlantis,NZ,1079,en,Honey,\n"
    ).encode()

    with pytest.raises(ImportRejected) as rejected:
        import_participants(fair, data, "p.csv", by=OrganiserFactory())

    messages = [str(error) for error in rejected.value.errors]
    assert messages[0].startswith("row 3, column sectors:")
    assert messages[1].startswith("row 4, column city:")
    assert Participant.objects.count() == 0


def test_export_writes_formulas_as_text():
    participant = ParticipantFactory(name_en="=HYPERLINK(1)")

    csv_text = export_participants(participant.fair, "csv").decode("utf-8-sig")
    sheet = openpyxl.load_workbook(io.BytesIO(export_participants(participant.fair, "xlsx"))).active

    assert "'=HYPERLINK(1)" in csv_text
    assert sheet.cell(row=2, column=1).value == "=HYPERLINK(1)"
    assert sheet.cell(row=2, column=1).data_type == "s"
