"""Writing validated rows to the database with a fixed number of queries per 500 rows.

Places and partnerships are matched on their natural keys (place: English name, country and
kind; partnership: place, level and home-city district), which are also unique constraints:
two imports of one file at the same time insert each record once (the loser's insert is
ignored, and it reads the winner's row back).
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models.functions import Lower

from amity.audit.tracking import record_bulk
from amity.cities.caching import registry_changed
from amity.cities.domain import continent_for_country, default_status_for, world_city_for
from amity.cities.domain.names import place_search_key, take_names_in_bulk
from amity.cities.importing.rows import PartnershipRow
from amity.cities.importing.sources import SourceStatement
from amity.cities.models import Citation, CooperationField, Partnership, Place, Source
from amity.cities.world_cities import GEONAMES_SOURCE_TITLE, GEONAMES_SOURCE_URL

# Small enough for SQLite's limit on query parameters, large enough to keep queries few.
CHUNK = 500
T = TypeVar("T")
PlaceKey = tuple[str, str, str]
PartnershipKey = tuple[int, str, str]

_PLACE_FIELDS = ("name_zh", "latitude", "longitude", "population", "time_zone", "geonames_id")
_PARTNERSHIP_FIELDS = (
    "kind",
    "status",
    "established_on",
    "established_precision",
    "ended_on",
    "summary_en",
    "summary_zh",
)


def _chunks(items: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


@dataclass
class _Outcome:
    created: set[int] = field(default_factory=set)
    changed: set[int] = field(default_factory=set)


def write_rows(rows: list[PartnershipRow], columns: frozenset[str]) -> tuple[int, int, int]:
    """Create or update every row; return (created, updated, unchanged). Call in a transaction."""
    # Bulk writes send no model signals: the cached pages are told here (after the commit).
    registry_changed()
    places, changed_places = _upsert_places(rows)
    partnerships, outcome = _upsert_partnerships(rows, places, columns)
    by_row = {
        row.row: partnerships[(places[row.place_key].pk, row.level, row.home_district)]
        for row in rows
    }
    for row in rows:
        if places[row.place_key].pk in changed_places:
            outcome.changed.add(by_row[row.row].pk)
    if "fields" in columns:
        outcome.changed |= _sync_fields(rows, by_row)
    outcome.changed |= _sync_citations(rows, by_row, places)
    ids = {p.pk for p in by_row.values()}
    created = len(ids & outcome.created)
    updated = len((ids & outcome.changed) - outcome.created)
    return created, updated, len(ids) - created - updated


def _fetch_places(keys: Iterable[PlaceKey]) -> dict[PlaceKey, Place]:
    wanted = set(keys)
    found: dict[tuple[str, str, str], Place] = {}
    for names in _chunks(sorted({key[0] for key in wanted})):
        for place in Place.objects.annotate(name_lower=Lower("name_en")).filter(
            name_lower__in=names
        ):
            key = (place.name_en.lower(), place.country, place.kind)
            if key in wanted:
                found[key] = place
    return found


def _upsert_places(rows: list[PartnershipRow]) -> tuple[dict[PlaceKey, Place], set[int]]:
    existing = _fetch_places(row.place_key for row in rows)
    new: dict[tuple[str, str, str], Place] = {}
    changed: dict[int, Place] = {}
    renamed: dict[int, Place] = {}
    for row in rows:
        place = existing.get(row.place_key) or new.get(row.place_key)
        if place is None:
            place = Place(
                name_en=row.name_en,
                country=row.country,
                kind=row.place_kind,
                continent=continent_for_country(row.country),
            )
            new[row.place_key] = place
        before = tuple(getattr(place, name) for name in _PLACE_FIELDS)
        _fill_place(place, row)
        after = tuple(getattr(place, name) for name in _PLACE_FIELDS)
        if place.pk and before != after:
            changed[place.pk] = place
            if (place.name_zh, place.geonames_id) != (before[0], before[-1]):
                renamed[place.pk] = place
    for place in new.values():
        place.search_names = place_search_key(place, [])
    Place.objects.bulk_create(new.values(), ignore_conflicts=True, batch_size=CHUNK)
    Place.objects.bulk_update(changed.values(), _PLACE_FIELDS, batch_size=CHUNK)
    # Read the new places back: with ignore_conflicts the database does not return their ids.
    fresh = _fetch_places(new)
    # The audit log, in bulk as well: bulk writes send no signals.
    record_bulk(Place, fresh.values(), created=True)
    record_bulk(Place, changed.values(), created=False)
    existing.update(fresh)
    # GeoNames' other names, for searching: new places that have a GeoNames city, and places
    # whose names or city changed.
    take_names_in_bulk(
        [place for place in fresh.values() if place.geonames_id] + list(renamed.values())
    )
    return existing, set(changed)


def _fill_place(place: Place, row: PartnershipRow) -> None:
    if row.name_zh:
        place.name_zh = row.name_zh
    if row.latitude is not None and row.longitude is not None:
        place.latitude, place.longitude = row.latitude, row.longitude
    if row.population is not None:
        place.population = row.population
    if row.time_zone:
        place.time_zone = row.time_zone
    if row.geonames_id is not None:
        place.geonames_id = row.geonames_id
    if place.latitude is None:
        city = world_city_for(
            name_en=row.name_en,
            country=row.country,
            kind=row.place_kind,
            geonames_id=row.geonames_id,
        )
        if city is not None:
            place.latitude, place.longitude = city.latitude, city.longitude
            place.population = place.population or city.population
            place.time_zone = place.time_zone or city.time_zone
            place.geonames_id = city.geonames_id


def _fetch_partnerships(place_ids: Iterable[int]) -> dict[PartnershipKey, Partnership]:
    found = {}
    for ids in _chunks(sorted(set(place_ids))):
        for partnership in Partnership.objects.filter(place_id__in=ids):
            found[(partnership.place_id, partnership.level, partnership.home_district)] = (
                partnership
            )
    return found


def _upsert_partnerships(
    rows: list[PartnershipRow], places: dict[PlaceKey, Place], columns: frozenset[str]
) -> tuple[dict[PartnershipKey, Partnership], _Outcome]:
    existing = _fetch_partnerships(place.pk for place in places.values())
    new: dict[tuple[int, str, str], Partnership] = {}
    changed: dict[int, Partnership] = {}
    for row in rows:
        key = (places[row.place_key].pk, row.level, row.home_district)
        partnership = existing.get(key)
        if partnership is None:
            partnership = Partnership(
                place=places[row.place_key], level=row.level, home_district=row.home_district
            )
            new[key] = partnership
        before = tuple(getattr(partnership, name) for name in _PARTNERSHIP_FIELDS)
        partnership.kind = row.relationship
        if row.status or partnership.pk is None:
            partnership.status = row.status or default_status_for(row.relationship)
        if "established_on" in columns or partnership.pk is None:
            partnership.established_on = row.established_on
            partnership.established_precision = row.established_precision
        if "ended_on" in columns:
            partnership.ended_on = row.ended_on
        if row.summary_en is not None:
            partnership.summary_en = row.summary_en
        if row.summary_zh is not None:
            partnership.summary_zh = row.summary_zh
        after = tuple(getattr(partnership, name) for name in _PARTNERSHIP_FIELDS)
        if partnership.pk and before != after:
            changed[partnership.pk] = partnership
    Partnership.objects.bulk_create(new.values(), ignore_conflicts=True, batch_size=CHUNK)
    Partnership.objects.bulk_update(changed.values(), _PARTNERSHIP_FIELDS, batch_size=CHUNK)
    fresh = _fetch_partnerships(key[0] for key in new)
    record_bulk(Partnership, (fresh[key] for key in new if key in fresh), created=True)
    record_bulk(Partnership, changed.values(), created=False)
    outcome = _Outcome(created={fresh[key].pk for key in new if key in fresh}, changed=set(changed))
    existing.update(fresh)
    return existing, outcome


def _sync_fields(rows: list[PartnershipRow], by_row: dict[int, Partnership]) -> set[int]:
    Through = Partnership.fields.through
    code_to_id = dict(CooperationField.objects.values_list("code", "id"))
    wanted = {by_row[row.row].pk: {code_to_id[code] for code in row.fields or ()} for row in rows}
    current: dict[int, set[int]] = defaultdict(set)
    links: dict[tuple[int, int], int] = {}
    for ids in _chunks(sorted(wanted)):
        for link_id, p_id, f_id in Through.objects.filter(partnership_id__in=ids).values_list(
            "id", "partnership_id", "cooperationfield_id"
        ):
            current[p_id].add(f_id)
            links[(p_id, f_id)] = link_id
    stale = [links[(p, f)] for p, fields in wanted.items() for f in current[p] - fields]
    missing = [
        Through(partnership_id=p, cooperationfield_id=f)
        for p, fields in wanted.items()
        for f in fields - current[p]
    ]
    for ids in _chunks(stale):
        Through.objects.filter(id__in=ids).delete()
    Through.objects.bulk_create(missing, ignore_conflicts=True, batch_size=CHUNK)
    return {p for p, fields in wanted.items() if fields != current[p]}


def _wanted_citations(row: PartnershipRow, place: Place) -> Iterator[tuple[str, str, str, str]]:
    """(fact, source title, value, note) for each statement the row makes."""
    for statement in row.sources:
        if statement.stated_date:
            yield (
                Citation.Fact.ESTABLISHED_ON,
                statement.title,
                statement.stated_date,
                statement.note,
            )
            continue
        if row.established_text:
            yield (
                Citation.Fact.ESTABLISHED_ON,
                statement.title,
                row.established_text,
                statement.note,
            )
        yield Citation.Fact.KIND, statement.title, row.relationship, statement.note
    fields_value = ";".join(sorted(row.fields or ()))
    for statement in row.fields_sources:
        yield Citation.Fact.FIELDS, statement.title, fields_value, statement.note
    location = _location_value(place)
    location_sources: tuple[SourceStatement, ...] = row.location_sources
    if not location_sources and place.geonames_id and row.latitude is None:
        geonames = SourceStatement(GEONAMES_SOURCE_TITLE, f"GeoNames id {place.geonames_id}")
        location_sources = (geonames,)
    for statement in location_sources:
        yield Citation.Fact.LOCATION, statement.title, location, statement.note


def _location_value(place: Place) -> str:
    if place.latitude is None or place.longitude is None:
        return ""
    return f"{place.latitude:.5f}, {place.longitude:.5f}"


def _sync_citations(
    rows: list[PartnershipRow], by_row: dict[int, Partnership], places: dict[PlaceKey, Place]
) -> set[int]:
    wanted: dict[tuple[int, str, str, str], str] = {}
    for row in rows:
        for fact, title, value, note in _wanted_citations(row, places[row.place_key]):
            wanted[(by_row[row.row].pk, fact, title, value)] = note
    if not wanted:
        return set()
    sources = _ensure_sources({key[2] for key in wanted})
    # Plain values, not model instances: a re-import reads tens of thousands of citations.
    existing: dict[tuple[int, str, str, str], tuple[int, str]] = {}
    for ids in _chunks(sorted({key[0] for key in wanted})):
        rows_found = Citation.objects.filter(partnership_id__in=ids).values_list(
            "id", "partnership_id", "fact", "source__title_en", "value", "note_en"
        )
        for pk, partnership_id, fact, title, value, note in rows_found:
            existing[(partnership_id, fact, title, value)] = (pk, note)
    missing, renoted = [], []
    for key, note in wanted.items():
        found = existing.get(key)
        if found is None:
            missing.append(
                Citation(
                    partnership_id=key[0],
                    fact=key[1],
                    source=sources[key[2]],
                    value=key[3],
                    note_en=note,
                )
            )
        elif found[1] != note:
            renoted.append(Citation(id=found[0], partnership_id=key[0], note_en=note))
    Citation.objects.bulk_create(missing, ignore_conflicts=True, batch_size=CHUNK)
    Citation.objects.bulk_update(renoted, ["note_en"], batch_size=CHUNK)
    _record_citations(missing, renoted)
    return {c.partnership_id for c in missing} | {c.partnership_id for c in renoted}


def _ensure_sources(titles: set[str]) -> dict[str, Source]:
    def fetch() -> dict[str, Source]:
        found = {}
        for chunk in _chunks(sorted(titles)):
            found.update({s.title_en: s for s in Source.objects.filter(title_en__in=chunk)})
        return found

    sources = fetch()
    missing = [
        Source(title_en=title, url=GEONAMES_SOURCE_URL if title == GEONAMES_SOURCE_TITLE else "")
        for title in titles - sources.keys()
    ]
    if missing:
        Source.objects.bulk_create(missing, ignore_conflicts=True, batch_size=CHUNK)
        sources = fetch()
    return sources


def _record_citations(missing: list[Citation], renoted: list[Citation]) -> None:
    """History rows for the citations written (read back: ignore_conflicts returns no ids)."""
    ids = {c.partnership_id for c in missing} | {c.partnership_id for c in renoted}
    if not ids:
        return
    wanted_new = {(c.partnership_id, c.fact, c.source_id, c.value) for c in missing}
    renoted_ids = {c.id for c in renoted}
    columns = [field.attname for field in Citation.history.model.tracked_fields]
    created, changed = [], []
    for chunk in _chunks(sorted(ids)):
        for values in Citation.objects.filter(partnership_id__in=chunk).values(*columns):
            key = (values["partnership_id"], values["fact"], values["source_id"], values["value"])
            if key in wanted_new:
                created.append(values)
            elif values["id"] in renoted_ids:
                changed.append(values)
    record_bulk(Citation, created, created=True)
    record_bulk(Citation, changed, created=False)
