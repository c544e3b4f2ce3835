"""Importing the registry from CSV or XLSX files (web upload, CLI and the seed alike).

Every row is validated and every error reported; a file with any bad row imports nothing.
Re-importing a file updates the records it describes instead of duplicating them.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from amity.cities.importing.columns import ALL_COLUMNS, REQUIRED_COLUMNS
from amity.cities.importing.errors import (
    MAX_ERRORS_KEPT,
    ImportRejected,
    ImportSummary,
    RowError,
)
from amity.cities.importing.reading import read_table
from amity.cities.importing.rows import PartnershipRow, validate_row
from amity.cities.importing.writing import write_rows
from amity.cities.models import CooperationField

__all__ = ["ImportRejected", "ImportSummary", "RowError", "count_rows", "import_partnerships"]

PROGRESS_EVERY = 500
CHECKED_ROWS = gettext_noop("Checked %(done)s of %(total)s rows")
WRITING_ROWS = gettext_noop("All %(total)s rows are valid; saving them")


def count_rows(data: bytes, filename: str, max_rows: int | None = None) -> int:
    """How many rows the file has after its header (raises ImportRejected if unreadable)."""
    return len(read_table(data, filename, max_rows=max_rows).rows)


def import_partnerships(
    data: bytes,
    filename: str,
    *,
    max_rows: int | None = None,
    progress: Callable[..., None] | None = None,
) -> ImportSummary:
    """Import a registry file; raises ImportRejected listing the problems if any row is bad.

    ``max_rows`` refuses a longer file (the pages and the API pass AMITY_IMPORT_MAX_ROWS);
    ``progress(done, total, message_id, **params)`` hears how far the checks are (a job's
    progress: it is called outside any transaction, before the one that writes).
    """
    table = read_table(data, filename, max_rows=max_rows)
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
    total_errors = 0
    for position, (number, cells) in enumerate(table.rows, start=1):
        if progress is not None and position % PROGRESS_EVERY == 0:
            progress(position, len(table.rows), CHECKED_ROWS, done=position, total=len(table.rows))
        record, row_errors = validate_row(number, header, cells, field_codes)
        total_errors += len(row_errors)
        if len(errors) < MAX_ERRORS_KEPT:
            errors.extend(row_errors)
        if record is None:
            continue
        earlier = first_row_of.setdefault(record.natural_key, number)
        if earlier != number:
            total_errors += 1
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
        raise ImportRejected(errors, total=total_errors)
    if not records:
        raise ImportRejected([RowError(None, None, _("the file has a header but no rows"))])

    if progress is not None:
        progress(len(table.rows), len(table.rows), WRITING_ROWS, total=len(table.rows))
    with transaction.atomic():
        created, updated, unchanged = write_rows(
            records, frozenset(column for column in header if column)
        )
    return ImportSummary(created=created, updated=updated, unchanged=unchanged, warnings=warnings)
