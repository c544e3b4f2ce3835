"""Importing the registry from CSV or XLSX files (web upload, CLI and the seed alike).

Every row is validated and every error reported; a file with any bad row imports nothing.
Re-importing a file updates the records it describes instead of duplicating them.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from amity.cities.importing.columns import ALL_COLUMNS, REQUIRED_COLUMNS
from amity.cities.importing.errors import ImportRejected, ImportSummary, RowError
from amity.cities.importing.reading import read_table
from amity.cities.importing.rows import PartnershipRow, validate_row
from amity.cities.importing.writing import write_rows
from amity.cities.models import CooperationField

__all__ = ["ImportRejected", "ImportSummary", "RowError", "import_partnerships"]


def import_partnerships(data: bytes, filename: str) -> ImportSummary:
    """Import a registry file; raises ImportRejected listing every problem if any row is bad."""
    table = read_table(data, filename)
    missing = [column for column in REQUIRED_COLUMNS if column not in table.header]
    if missing:
        raise ImportRejected(
            [RowError(1, column, _("this required column is missing")) for column in missing]
        )
    unknown = [column for column in table.header if column and column not in ALL_COLUMNS]
    warnings = [
        _("ignored the unknown column '%(column)s'") % {"column": column} for column in unknown
    ]
    header = [column if column in ALL_COLUMNS else "" for column in table.header]

    field_codes = frozenset(CooperationField.objects.values_list("code", flat=True))
    records: list[PartnershipRow] = []
    errors: list[RowError] = []
    first_row_of: dict[tuple[str, str, str, str, str], int] = {}
    for number, cells in table.rows:
        record, row_errors = validate_row(number, header, cells, field_codes)
        errors.extend(row_errors)
        if record is None:
            continue
        earlier = first_row_of.setdefault(record.natural_key, number)
        if earlier != number:
            errors.append(
                RowError(
                    number,
                    "partner",
                    _(
                        "'%(partner)s' (%(country)s) repeats row %(row)s; "
                        "each partnership may appear only once"
                    )
                    % {"partner": record.name_en, "country": record.country, "row": earlier},
                )
            )
            continue
        records.append(record)
    if errors:
        raise ImportRejected(errors)
    if not records:
        raise ImportRejected([RowError(None, None, _("the file has a header but no rows"))])

    with transaction.atomic():
        created, updated, unchanged = write_rows(
            records, frozenset(column for column in header if column)
        )
    return ImportSummary(created=created, updated=updated, unchanged=unchanged, warnings=warnings)
