"""Spreadsheet cells that no program runs as a formula, and that every format can hold."""

import pytest

from amity.documents.spreadsheets import cell_text, csv_cell, from_csv_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("@cmd", "'@cmd"),
        ("-x", "'-x"),
        ("\t=1", "'\t=1"),
        ("-45.87", "-45.87"),
        ("+64", "+64"),
        ("Dunedin", "Dunedin"),
        ("", ""),
        (None, ""),
    ],
)
def test_csv_cell_escapes_formula_starts_but_not_numbers(value, written):
    assert csv_cell(value) == written


@pytest.mark.parametrize("value", ["=1+1", "'quoted", "-45.87", "@cmd", "Dunedin"])
def test_from_csv_cell_undoes_csv_cell(value):
    assert from_csv_cell(csv_cell(value)) == value


def test_cell_text_drops_what_xml_cannot_hold_and_keeps_line_breaks():
    assert cell_text("Bell\x07Town\x00\nnext\tline\ud800") == "BellTown\nnext\tline"
