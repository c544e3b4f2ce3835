"""Turning an uploaded CSV or XLSX file into a header and rows of text cells."""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from amity.cities.importing.errors import ImportRejected, RowError
from amity.documents.spreadsheets import from_csv_cell

XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class Table:
    header: list[str]
    # (spreadsheet row number, cells) for every non-blank row after the header.
    rows: list[tuple[int, list[str]]]


def read_table(data: bytes, filename: str, max_rows: int | None = None) -> Table:
    """Read the first sheet of an XLSX file or a CSV file; the header is normalised.

    With ``max_rows``, a file with more rows (after the header) is refused as soon as reading
    reaches them, before the rest is read.
    """
    is_xlsx = filename.lower().endswith((".xlsx", ".xlsm")) or data.startswith(XLSX_MAGIC)
    limit = None if max_rows is None else max_rows + 1
    lines = _read_xlsx(data, limit) if is_xlsx else _read_csv(data, limit)
    if limit is not None and len(lines) > limit:
        raise ImportRejected(
            [
                RowError(
                    None,
                    None,
                    _("the file has more than %(limit)s rows; split it into smaller files")
                    % {"limit": max_rows},
                )
            ]
        )
    if not lines:
        raise ImportRejected([RowError(None, None, _("the file is empty"))])
    header = [cell.strip().lower().lstrip("\ufeff") for cell in lines[0]]
    rows = [
        (number, cells)
        for number, cells in enumerate(lines[1:], start=2)
        if any(cell.strip() for cell in cells)
    ]
    return Table(header=header, rows=rows)


def _read_csv(data: bytes, limit: int | None) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRejected(
            [
                RowError(
                    line,
                    None,
                    _(
                        "the file is not valid UTF-8 text; in your spreadsheet program "
                        'choose "Save as" → "CSV UTF-8" and import that file'
                    ),
                )
            ]
        ) from None
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in many European locales save CSV with semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines: list[list[str]] = []
    try:
        for row in reader:
            # An exported cell that began like a formula carries an apostrophe: drop it again.
            lines.append([from_csv_cell(cell) for cell in row])
            if limit is not None and len(lines) > limit:
                break
    except csv.Error:
        # The csv module's own limit on a cell (131,072 characters), or a broken quote.
        raise ImportRejected(
            [
                RowError(
                    reader.line_num,
                    None,
                    _(
                        "this row cannot be read: a cell is longer than %(limit)s characters "
                        "or a quotation mark is not closed"
                    )
                    % {"limit": f"{csv.field_size_limit():,}"},
                )
            ]
        ) from None
    return lines


def _read_xlsx(data: bytes, limit: int | None) -> list[list[str]]:
    # Imported here: openpyxl takes a noticeable moment to import and CSV needs none of it.
    import openpyxl

    unreadable = ImportRejected(
        [RowError(None, None, _("the file is not a readable XLSX workbook"))]
    )
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile:
        raise unreadable from None
    except Exception:
        # Whatever a damaged or crafted workbook makes the parser raise (malformed XML, a
        # shared-string index out of range, a missing part …), it is a file we cannot read.
        raise unreadable from None
    lines: list[list[str]] = []
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            lines.append([_cell_text(value) for value in row])
            if limit is not None and len(lines) > limit:
                break
    except Exception:
        # Read-only mode parses the sheet row by row: damage can surface here too.
        raise unreadable from None
    finally:
        workbook.close()
    return lines


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        # A spreadsheet that turned "1986-05-29" into a date cell still means that day.
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
