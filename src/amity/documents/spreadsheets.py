"""Cells of exported spreadsheets (CSV and XLSX), safe to open in any spreadsheet program.

Every domain's export writes its cells through these functions:

- A cell that starts like a formula (``= + - @``, or a tab or carriage return before one) is
  written as text, so ``=HYPERLINK("http://evil.example","click")`` in a partner's name stays
  a name: in XLSX as a text cell, in CSV behind an apostrophe (the convention spreadsheet
  programs read as "text"; ``from_csv_cell`` removes it again on import). Numbers such as
  ``-45.87`` are left alone.
- Characters that XML 1.0 forbids (control characters other than tab and line breaks) are
  dropped, so one bad record cannot make an XLSX export fail for everyone.
"""

import re
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 allows tab, line feed and carriage return and nothing else below U+0020; lone
# surrogates and U+FFFE/U+FFFF are not characters at all.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def cell_text(value: object) -> str:
    """The value as text that every spreadsheet format can hold."""
    return _NOT_IN_XML.sub("", "" if value is None else str(value))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not _is_number(text)


def csv_cell(value: object) -> str:
    text = cell_text(value)
    return "'" + text if looks_like_formula(text) else text


def from_csv_cell(text: str) -> str:
    """A cell as written by ``csv_cell``, as it was before (for the import of an export)."""
    if text.startswith("'") and looks_like_formula(text[1:]):
        return text[1:]
    return text


def xlsx_text_row(sheet, values: Iterable[object]) -> list:
    """A row of text cells for an openpyxl write-only sheet: ``sheet.append(xlsx_text_row(…))``.

    Text cells are never evaluated, whatever they start with, and "1985" stays a partial date
    instead of becoming the number 1985.
    """
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=cell_text(value))
        # openpyxl takes a string starting with "=" for a formula; say it is a string.
        cell.data_type = "s"
        cells.append(cell)
    return cells
