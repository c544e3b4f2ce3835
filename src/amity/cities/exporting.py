"""Exporting partnerships to CSV or XLSX in the columns the importer reads (a round trip).

Organisers' internal notes and contacts are never exported: the file may leave the office.
"""

import csv
import io
from collections import defaultdict
from typing import Literal

from django.db.models import Prefetch, QuerySet

from amity.cities.domain.dates import format_partial_date
from amity.cities.importing.columns import ALL_COLUMNS
from amity.cities.importing.sources import SourceStatement, format_sources
from amity.cities.models import Citation, Partnership

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_partnerships(partnerships: QuerySet[Partnership], fmt: Literal["csv", "xlsx"]) -> bytes:
    rows = [_row(partnership) for partnership in _with_relations(partnerships)]
    if fmt == "csv":
        return _csv(rows)
    if fmt == "xlsx":
        return _xlsx(rows)
    raise ValueError(f"unknown export format {fmt!r}; use csv or xlsx")


def _with_relations(partnerships: QuerySet[Partnership]) -> QuerySet[Partnership]:
    return partnerships.select_related("place").prefetch_related(
        "fields",
        Prefetch("citations", queryset=Citation.objects.select_related("source").order_by("id")),
    )


def _row(partnership: Partnership) -> dict[str, str]:
    place = partnership.place
    established = format_partial_date(partnership.established_on, partnership.established_precision)
    by_fact: dict[str, list[Citation]] = defaultdict(list)
    for citation in partnership.citations.all():
        by_fact[citation.fact].append(citation)
    return {
        "partner": place.name_en,
        "country_iso2": place.country,
        "partner_kind": place.kind,
        "relationship": partnership.kind,
        "established_on": established,
        "source": format_sources(_row_statements(by_fact, established)),
        "name_zh": place.name_zh,
        "status": partnership.status,
        "level": partnership.level,
        "home_district": partnership.home_district,
        "ended_on": format_partial_date(partnership.ended_on, "day"),
        "fields": ";".join(sorted(field.code for field in partnership.fields.all())),
        "fields_source": format_sources(_statements(by_fact[Citation.Fact.FIELDS])),
        "latitude": "" if place.latitude is None else f"{place.latitude:.5f}",
        "longitude": "" if place.longitude is None else f"{place.longitude:.5f}",
        "population": "" if place.population is None else str(place.population),
        "time_zone": place.time_zone,
        "geonames_id": "" if place.geonames_id is None else str(place.geonames_id),
        "location_source": format_sources(_statements(by_fact[Citation.Fact.LOCATION])),
        "summary_en": partnership.summary_en,
        "summary_zh": partnership.summary_zh,
    }


def _row_statements(by_fact: dict[str, list[Citation]], established: str) -> list[SourceStatement]:
    """The `source` cell: each source of the date or kind once, conflicting dates as "gives"."""
    statements: dict[tuple[str, str | None], SourceStatement] = {}
    for citation in by_fact[Citation.Fact.ESTABLISHED_ON] + by_fact[Citation.Fact.KIND]:
        title = citation.source.title_en
        conflicting = (
            citation.fact == Citation.Fact.ESTABLISHED_ON and citation.value != established
        )
        stated = citation.value if conflicting else None
        statements.setdefault((title, stated), SourceStatement(title, citation.note_en, stated))
    # General and status citations have no column of their own; keep their sources visible.
    for citation in by_fact[Citation.Fact.GENERAL] + by_fact[Citation.Fact.STATUS]:
        title = citation.source.title_en
        statements.setdefault((title, None), SourceStatement(title, citation.note_en))
    return list(statements.values())


def _statements(citations: list[Citation]) -> list[SourceStatement]:
    unique = {c.source.title_en: SourceStatement(c.source.title_en, c.note_en) for c in citations}
    return list(unique.values())


def _csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=ALL_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    # The byte-order mark makes spreadsheet programs read the file as UTF-8 (Chinese names).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(rows: list[dict[str, str]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("partnerships")
    sheet.append(list(ALL_COLUMNS))
    for row in rows:
        # Every cell is text: "1985" must stay a partial date, not become the number 1985.
        sheet.append([row[column] for column in ALL_COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
