"""Validating the rows of a registry file into typed records, collecting every error.

Two rules for empty cells:
- partnership columns that are present set the value, an empty cell meaning "none"
  (established_on, ended_on, fields, summaries; status and level fall back to their defaults);
- place columns (name_zh, coordinates, population, time zone) only fill in: an empty cell keeps
  what is already known, and missing coordinates come from the offline world-cities look-up.
"""

import datetime
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from amity.cities.domain.dates import parse_partial_date
from amity.cities.domain.invariants import (
    validate_citation,
    validate_partnership,
    validate_place,
    validate_source,
)
from amity.cities.domain.partnerships import default_status_for
from amity.cities.importing.errors import RowError
from amity.cities.importing.sources import SourceStatement, parse_sources
from amity.cities.models import (
    Citation,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Place,
    PlaceKind,
    RelationshipKind,
    Source,
)

_FIELD_SEPARATORS = re.compile(r"[;|]")
# Read once: TextChoices.values builds a new list on every access.
_PLACE_KINDS = tuple(PlaceKind.values)
_RELATIONSHIPS = tuple(RelationshipKind.values)
_STATUSES = tuple(PartnershipStatus.values)
_LEVELS = tuple(PartnershipLevel.values)
# Translated only for a cell that is wrong, not for every row.
_NOT_A_LATITUDE = gettext_lazy("'%(value)s' is not a latitude between -90 and 90")
_NOT_A_LONGITUDE = gettext_lazy("'%(value)s' is not a longitude between -180 and 180")
_NOT_A_POPULATION = gettext_lazy("'%(value)s' is not a whole number of people")
_NOT_A_GEONAMES_ID = gettext_lazy("'%(value)s' is not a GeoNames id (a number)")


@dataclass(frozen=True, slots=True)
class PartnershipRow:
    row: int
    name_en: str
    country: str
    place_kind: str
    relationship: str
    status: str | None
    level: str
    home_district: str
    established_on: datetime.date | None
    established_precision: str
    established_text: str
    ended_on: datetime.date | None
    fields: tuple[str, ...] | None
    summary_en: str | None
    summary_zh: str | None
    name_zh: str | None
    latitude: float | None
    longitude: float | None
    population: int | None
    time_zone: str | None
    geonames_id: int | None
    sources: tuple[SourceStatement, ...]
    fields_sources: tuple[SourceStatement, ...]
    location_sources: tuple[SourceStatement, ...]

    @property
    def place_key(self) -> tuple[str, str, str]:
        # Lower-cased as the database's unique index is: "dunedin" is Dunedin.
        return (self.name_en.lower(), self.country, self.place_kind)

    @property
    def natural_key(self) -> tuple[str, str, str, str, str]:
        return (
            self.name_en.casefold(),
            self.country,
            self.place_kind,
            self.level,
            self.home_district.casefold(),
        )


class _Cells:
    """One row's cells by column name, recording an error for each bad cell."""

    def __init__(self, row: int, header: list[str], cells: list[str]) -> None:
        self.row = row
        self.values = {
            name: (cells[i].strip() if i < len(cells) else "")
            for i, name in enumerate(header)
            if name
        }
        self.errors: list[RowError] = []

    def present(self, column: str) -> bool:
        return column in self.values

    def text(self, column: str) -> str:
        return self.values.get(column, "")

    def optional(self, column: str) -> str | None:
        return self.text(column) if self.present(column) else None

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.row, column, message))

    def choice(
        self, column: str, allowed: tuple[str, ...], default: str | None = None
    ) -> str | None:
        value = self.text(column).lower()
        if not value:
            if default is None:
                self.fail(column, _("is required"))
            return default
        if value not in allowed:
            self.fail(
                column,
                _("'%(value)s' is not one of %(allowed)s")
                % {"value": value, "allowed": ", ".join(allowed)},
            )
            return default
        return value

    def number(self, column: str, convert: type[float] | type[int], message: str):
        """The cell as a number, or None; `message` (with %(value)s) explains a bad cell.

        Ranges are the registry's rules, checked on the place; this only reads the number.
        """
        value = self.text(column)
        if not value:
            return None
        try:
            number = convert(value.replace(",", "") if convert is int else value)
        except ValueError:
            number = None
        if number is None or (isinstance(number, float) and not math.isfinite(number)):
            self.fail(column, message % {"value": value})
            return None
        return number

    def date(self, column: str) -> tuple[datetime.date | None, str]:
        value = self.text(column)
        if not value:
            return None, ""
        try:
            return parse_partial_date(value)
        except ValueError:
            self.fail(
                column,
                _("'%(value)s' is not a date (%(forms)s)")
                % {"value": value, "forms": _("YYYY, YYYY-MM or YYYY-MM-DD")},
            )
            return None, ""

    def statements(self, column: str) -> tuple[SourceStatement, ...]:
        return tuple(parse_sources(self.text(column)))


# Where a rule of the registry names a model field, the importer names the file's column.
PLACE_COLUMNS = {
    "name_en": "partner",
    "name_zh": "name_zh",
    "country": "country_iso2",
    "kind": "partner_kind",
    "latitude": "latitude",
    "longitude": "longitude",
    "population": "population",
    "time_zone": "time_zone",
    "geonames_id": "geonames_id",
}
PARTNERSHIP_COLUMNS = {
    "kind": "relationship",
    "status": "status",
    "level": "level",
    "home_district": "home_district",
    "established_on": "established_on",
    "established_precision": "established_on",
    "ended_on": "ended_on",
    "summary_en": "summary_en",
    "summary_zh": "summary_zh",
}


def _report(c: "_Cells", check: Callable[[], None], columns: dict[str, str], fallback: str):
    """Run one of the registry's invariants and record its complaints under their columns."""
    try:
        check()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            column = columns.get(field, fallback)
            # A cell that could not be read already has its error; do not pile a second one.
            if any(e.column == column for e in c.errors):
                continue
            for message in messages:
                c.fail(column, message)


@lru_cache(maxsize=4096)
def _statement_problems(title: str, note: str, language: str | None) -> tuple[str, ...]:
    # A file names the same few sources on many rows: check each statement once.
    problems: list[str] = []
    for check in (
        lambda: validate_source(Source(title_en=title)),
        lambda: validate_citation(Citation(fact=Citation.Fact.GENERAL, note_en=note)),
    ):
        try:
            check()
        except ValidationError as error:
            problems.extend(error.messages)
    return tuple(problems)


def _check_statements(c: "_Cells", column: str, statements: tuple[SourceStatement, ...]) -> None:
    for statement in statements:
        for message in _statement_problems(statement.title, statement.note, get_language()):
            c.fail(column, message)


def _fields(c: "_Cells", field_codes: frozenset[str]) -> tuple[str, ...] | None:
    if not c.present("fields"):
        return None
    codes = [code.strip().lower() for code in _FIELD_SEPARATORS.split(c.text("fields"))]
    fields = tuple(dict.fromkeys(code for code in codes if code))
    for code in fields:
        if code not in field_codes:
            c.fail(
                "fields",
                _("'%(value)s' is not a field of cooperation (one of %(allowed)s)")
                % {"value": code, "allowed": ", ".join(sorted(field_codes))},
            )
    return fields


def validate_row(
    row: int, header: list[str], cells: list[str], field_codes: frozenset[str]
) -> tuple[PartnershipRow | None, list[RowError]]:
    """The row as a record, or None and the reasons it is not valid.

    The cells are read here (numbers, dates, choices); the rules they must then meet are the
    registry's own (amity.cities.domain.invariants), the same as for the pages and the API.
    """
    c = _Cells(row, header, cells)
    name_en = c.text("partner")
    if not name_en:
        c.fail("partner", _("is required"))
    country = c.text("country_iso2").upper()
    if not country:
        c.fail("country_iso2", _("is required"))
    place_kind = c.choice("partner_kind", _PLACE_KINDS)
    relationship = c.choice("relationship", _RELATIONSHIPS)
    status = c.choice("status", _STATUSES, default="") or None
    level = c.choice("level", _LEVELS, default=PartnershipLevel.MUNICIPAL)
    established_on, precision = c.date("established_on")
    ended_on, _precision = c.date("ended_on")
    fields = _fields(c, field_codes)
    latitude = c.number("latitude", float, _NOT_A_LATITUDE)
    longitude = c.number("longitude", float, _NOT_A_LONGITUDE)
    population = c.number("population", int, _NOT_A_POPULATION)
    geonames_id = c.number("geonames_id", int, _NOT_A_GEONAMES_ID)

    place = Place(
        name_en=name_en,
        name_zh=c.text("name_zh"),
        country=country,
        kind=place_kind or PlaceKind.CITY,
        latitude=latitude,
        longitude=longitude,
        population=population,
        time_zone=c.text("time_zone"),
        geonames_id=geonames_id,
    )
    partnership = Partnership(
        kind=relationship or RelationshipKind.PARTNER,
        status=status or default_status_for(relationship or ""),
        level=level or PartnershipLevel.MUNICIPAL,
        home_district=c.text("home_district"),
        established_on=established_on,
        established_precision=precision,
        ended_on=ended_on,
        summary_en=c.text("summary_en"),
        summary_zh=c.text("summary_zh"),
    )
    _report(c, lambda: validate_place(place), PLACE_COLUMNS, "partner")
    _report(c, lambda: validate_partnership(partnership), PARTNERSHIP_COLUMNS, "partner")
    statements = {
        column: c.statements(column) for column in ("source", "fields_source", "location_source")
    }
    for column, found in statements.items():
        _check_statements(c, column, found)
    if c.errors:
        # As the reader scans the row: left to right.
        position = {name: i for i, name in enumerate(header) if name}
        return None, sorted(c.errors, key=lambda e: position.get(e.column or "", len(header)))
    return (
        PartnershipRow(
            row=row,
            name_en=place.name_en,
            country=country,
            place_kind=place.kind,
            relationship=partnership.kind,
            status=status,
            level=partnership.level,
            home_district=partnership.home_district,
            established_on=established_on,
            established_precision=precision,
            established_text=c.text("established_on"),
            ended_on=ended_on,
            fields=fields,
            summary_en=c.optional("summary_en"),
            summary_zh=c.optional("summary_zh"),
            name_zh=place.name_zh or None,
            latitude=latitude,
            longitude=longitude,
            population=population,
            time_zone=place.time_zone or None,
            geonames_id=geonames_id,
            sources=statements["source"],
            fields_sources=statements["fields_source"],
            location_sources=statements["location_source"],
        ),
        [],
    )
