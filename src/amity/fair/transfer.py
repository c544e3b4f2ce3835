"""Participants to and from CSV/XLSX: export with safe cells; import all rows or none.

The import reads files as the registry's does (``cities.importing``), checks every row with
the same domain actions as the pages, and names each bad row and column.
"""

from __future__ import annotations

import csv
import io
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from amity.accounts.models import Organisation, User
from amity.cities.importing.errors import ImportRejected, RowError
from amity.cities.importing.reading import read_table
from amity.documents.spreadsheets import csv_cell, xlsx_text_row
from amity.fair.domain.profiles import add_opportunity, register_participant
from amity.fair.models import Fair, Opportunity, OpportunityKind, Participant

COLUMNS = (
    "name_en",
    "name_zh",
    "city",
    "country",
    "size",
    "sectors",
    "languages",
    "description",
    "max_meetings",
    "contact_email",
    "contact_phone",
    "website",
    "status",
    "offers",
    "requests",
)
REQUIRED = ("name_en", "city", "country")
# Several offers or requests in one cell are separated by this.
SEPARATOR = " | "
_FIELD_TO_COLUMN = {"city_name": "city"}


def _row(participant: Participant, opportunities: list[Opportunity]) -> list[str]:
    def titles(kind: str) -> str:
        return SEPARATOR.join(o.full_text for o in opportunities if o.kind == kind)

    return [
        participant.name_en,
        participant.name_zh,
        participant.city_name,
        participant.country,
        participant.size,
        ", ".join(participant.sectors),
        ", ".join(participant.languages),
        participant.description,
        str(participant.max_meetings),
        participant.contact_email,
        participant.contact_phone,
        participant.website,
        participant.status,
        titles(OpportunityKind.OFFER),
        titles(OpportunityKind.REQUEST),
    ]


def export_participants(fair: Fair, fmt: Literal["csv", "xlsx"]) -> bytes:
    participants = fair.participants.prefetch_related("opportunities").order_by("name_en", "pk")
    rows = [_row(p, list(p.opportunities.all())) for p in participants]
    if fmt == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows([csv_cell(value) for value in row] for row in rows)
        # The byte-order mark makes spreadsheet programs read the file as UTF-8 (Chinese).
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("participants")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(xlsx_text_row(sheet, row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _errors(number: int, error: ValidationError) -> list[RowError]:
    if not hasattr(error, "error_dict"):
        return [RowError(number, None, message) for message in error.messages]
    return [
        RowError(number, _FIELD_TO_COLUMN.get(name, name), message)
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def _import_row(fair: Fair, by: User, cells: dict[str, str]) -> None:
    organisation = Organisation.objects.create(
        name_en=cells["name_en"],
        name_zh=cells.get("name_zh", ""),
        country=cells.get("country", "").upper()[:2],
        city_name=cells.get("city", ""),
    )
    max_meetings = cells.get("max_meetings", "").strip()
    if max_meetings and not max_meetings.isdigit():
        raise ValidationError({"max_meetings": _("a whole number, e.g. 8")})
    fields = {
        "name_en": cells["name_en"],
        "name_zh": cells.get("name_zh", ""),
        "city_name": cells.get("city", ""),
        "country": cells.get("country", ""),
        "size": cells.get("size", ""),
        "sectors": cells.get("sectors", ""),
        "languages": cells.get("languages", ""),
        "description": cells.get("description", ""),
        "contact_email": cells.get("contact_email", ""),
        "contact_phone": cells.get("contact_phone", ""),
        "website": cells.get("website", ""),
    }
    if max_meetings:
        fields["max_meetings"] = int(max_meetings)
    participant = register_participant(fair=fair, organisation=organisation, by=by, **fields)
    for column, kind in (("offers", OpportunityKind.OFFER), ("requests", OpportunityKind.REQUEST)):
        for title in filter(None, (t.strip() for t in cells.get(column, "").split("|"))):
            try:
                add_opportunity(participant, kind=kind, title=title[:200])
            except ValidationError as error:
                raise ValidationError({column: error.messages}) from None


def import_participants(fair: Fair, data: bytes, filename: str, *, by: User) -> int:
    """Register every row's organisation at ``fair``, or none (ImportRejected lists why)."""
    table = read_table(data, filename, max_rows=5000)
    missing = [name for name in REQUIRED if name not in table.header]
    if missing:
        raise ImportRejected([RowError(1, name, _("this column is missing")) for name in missing])
    errors: list[RowError] = []
    with transaction.atomic():
        for number, values in table.rows:
            cells = {
                name: (value or "").strip()
                for name, value in zip(table.header, values, strict=False)
            }
            if not cells.get("name_en"):
                errors.append(RowError(number, "name_en", _("give the organisation’s name")))
                continue
            try:
                with transaction.atomic():
                    _import_row(fair, by, cells)
            except ValidationError as error:
                errors.extend(_errors(number, error))
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ImportRejected(errors)
    return len(table.rows)
