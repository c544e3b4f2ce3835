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
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pycountry
from django.utils.translation import gettext as _

from amity.cities.importing.dates import parse_partial_date
from amity.cities.importing.errors import RowError
from amity.cities.importing.sources import SourceStatement, parse_sources
from amity.cities.models import (
    Citation,
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


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries)


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


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

    def text(self, column: str, max_length: int = 0) -> str:
        value = self.values.get(column, "")
        if max_length and len(value) > max_length:
            self.fail(column, _("is longer than %(limit)s characters") % {"limit": max_length})
        return value

    def optional(self, column: str, max_length: int = 0) -> str | None:
        return self.text(column, max_length) if self.present(column) else None

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

    def number(
        self,
        column: str,
        convert: Callable[[str], float | int],
        check: Callable[[float], bool],
        message: str,
    ) -> float | int | None:
        """The cell as a number, or None; `message` (with %(value)s) explains a bad cell."""
        value = self.text(column)
        if not value:
            return None
        try:
            number = convert(value.replace(",", "") if convert is int else value)
        except ValueError:
            number = None
        if number is None or not check(number):
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
        statements = tuple(parse_sources(self.text(column)))
        title_limit = Source._meta.get_field("title").max_length
        note_limit = Citation._meta.get_field("note").max_length
        for statement in statements:
            if len(statement.title) > title_limit:
                self.fail(
                    column,
                    _("the source title is longer than %(limit)s characters")
                    % {"limit": title_limit},
                )
            if len(statement.note) > note_limit:
                self.fail(
                    column,
                    _("the note is longer than %(limit)s characters") % {"limit": note_limit},
                )
        return statements


def validate_row(
    row: int, header: list[str], cells: list[str], field_codes: frozenset[str]
) -> tuple[PartnershipRow | None, list[RowError]]:
    """The row as a record, or None and the reasons it is not valid."""
    c = _Cells(row, header, cells)
    name_en = c.text("partner", Place._meta.get_field("name_en").max_length)
    if not name_en:
        c.fail("partner", _("is required"))
    country = c.text("country_iso2").upper()
    if not country:
        c.fail("country_iso2", _("is required"))
    elif country not in _country_codes():
        c.fail(
            "country_iso2",
            _("'%(value)s' is not an ISO 3166-1 alpha-2 country code") % {"value": country},
        )
    place_kind = c.choice("partner_kind", _PLACE_KINDS)
    relationship = c.choice("relationship", _RELATIONSHIPS)
    status = c.choice("status", _STATUSES, default="") or None
    level = c.choice("level", _LEVELS, default=PartnershipLevel.MUNICIPAL)
    home_district = c.text("home_district", 120)
    if level == PartnershipLevel.DISTRICT and not home_district:
        c.fail("home_district", _("is required for a district-level partnership"))
    established_on, precision = c.date("established_on")
    ended_on, _precision = c.date("ended_on")
    if established_on and ended_on and ended_on < established_on:
        c.fail("ended_on", _("is before established_on"))

    fields: tuple[str, ...] | None = None
    if c.present("fields"):
        codes = [code.strip().lower() for code in _FIELD_SEPARATORS.split(c.text("fields"))]
        fields = tuple(dict.fromkeys(code for code in codes if code))
        for code in fields:
            if code not in field_codes:
                c.fail(
                    "fields",
                    _("'%(value)s' is not a field of cooperation (one of %(allowed)s)")
                    % {"value": code, "allowed": ", ".join(sorted(field_codes))},
                )

    latitude = c.number(
        "latitude",
        float,
        lambda v: math.isfinite(v) and -90 <= v <= 90,
        _("'%(value)s' is not a latitude between -90 and 90"),
    )
    longitude = c.number(
        "longitude",
        float,
        lambda v: math.isfinite(v) and -180 <= v <= 180,
        _("'%(value)s' is not a longitude between -180 and 180"),
    )
    if (latitude is None) != (longitude is None) and not c.errors:
        missing = "longitude" if longitude is None else "latitude"
        c.fail(missing, _("is needed together with the other coordinate"))
    population = c.number(
        "population", int, lambda v: v >= 0, _("'%(value)s' is not a whole number of people")
    )
    geonames_id = c.number(
        "geonames_id", int, lambda v: v > 0, _("'%(value)s' is not a GeoNames id (a number)")
    )
    time_zone = c.optional("time_zone") or None
    if time_zone and time_zone not in _time_zones():
        c.fail(
            "time_zone",
            _("'%(value)s' is not an IANA time zone such as Europe/Berlin") % {"value": time_zone},
        )

    record = PartnershipRow(
        row=row,
        name_en=name_en,
        country=country,
        place_kind=place_kind or "",
        relationship=relationship or "",
        status=status,
        level=level or PartnershipLevel.MUNICIPAL,
        home_district=home_district,
        established_on=established_on,
        established_precision=precision,
        established_text=c.text("established_on"),
        ended_on=ended_on,
        fields=fields,
        summary_en=c.optional("summary_en"),
        summary_zh=c.optional("summary_zh"),
        name_zh=c.optional("name_zh", Place._meta.get_field("name_zh").max_length) or None,
        latitude=float(latitude) if latitude is not None else None,
        longitude=float(longitude) if longitude is not None else None,
        population=int(population) if population is not None else None,
        time_zone=time_zone,
        geonames_id=int(geonames_id) if geonames_id is not None else None,
        sources=c.statements("source"),
        fields_sources=c.statements("fields_source"),
        location_sources=c.statements("location_source"),
    )
    return (None, c.errors) if c.errors else (record, [])
