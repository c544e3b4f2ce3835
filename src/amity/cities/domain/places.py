"""Actions on places: the cities, provinces and regions the home city partners with."""

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from amity.cities.domain.checks import full_clean
from amity.cities.models import (
    Place,
    PlaceKind,
)
from amity.cities.world_cities import WorldCity, continent_of_country

# Fields of a place that update_place may change, in form order; the continent follows the
# country.
PLACE_FIELDS = (
    "kind",
    "name_en",
    "name_zh",
    "country",
    "latitude",
    "longitude",
    "population",
    "time_zone",
    "geonames_id",
)
PLACE_CHANGES = frozenset(PLACE_FIELDS)


def continent_for_country(code: str) -> str:
    """The continent code (AF, AS, EU, NA, OC, SA, AN) of an ISO 3166-1 alpha-2 country."""
    continent = continent_of_country(code or "")
    if continent is None:
        raise ValidationError(
            {
                "country": _("'%(value)s' is not an ISO 3166-1 alpha-2 country code")
                % {"value": code}
            }
        )
    return continent


@transaction.atomic
def find_or_create_place(
    *,
    name_en: str,
    country: str,
    kind: str = PlaceKind.CITY,
    name_zh: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    population: int | None = None,
    time_zone: str = "",
    world_city: WorldCity | None = None,
) -> Place:
    """The place with this English name, country and kind, created if it is new.

    A world city picked from the look-up supplies coordinates, population and time zone that
    the caller did not give.
    """
    country = (country or "").upper()
    place = Place.objects.filter(
        name_en__iexact=name_en.strip(), country=country, kind=kind
    ).first()
    if place is not None:
        return place
    place = Place(
        name_en=name_en.strip(),
        name_zh=name_zh.strip(),
        country=country,
        kind=kind,
        continent=continent_for_country(country),
        latitude=latitude,
        longitude=longitude,
        population=population,
        time_zone=time_zone,
    )
    if world_city is not None:
        place.latitude = world_city.latitude if latitude is None else latitude
        place.longitude = world_city.longitude if longitude is None else longitude
        place.population = world_city.population if population is None else population
        place.time_zone = time_zone or world_city.time_zone
        place.geonames_id = world_city.geonames_id
    validate_place(place)
    place.save()
    return place


def validate_place(place: Place) -> None:
    """Raise ValidationError (keyed by field) if the place breaks a rule of the registry."""
    if (place.latitude is None) != (place.longitude is None):
        missing = "latitude" if place.latitude is None else "longitude"
        raise ValidationError({missing: _("give both coordinates or neither")})
    if place.time_zone and place.time_zone not in _time_zones():
        raise ValidationError(
            {
                "time_zone": _("'%(value)s' is not an IANA time zone such as Europe/Berlin")
                % {"value": place.time_zone}
            }
        )
    full_clean(place)


@cache
def _time_zones() -> frozenset[str]:
    # available_timezones() walks the zoneinfo directory on every call.
    return frozenset(zoneinfo.available_timezones())


@transaction.atomic
def update_place(place: Place, **changes: object) -> Place:
    """Correct a place's names, country, kind, coordinates, population or time zone.

    The continent is derived again when the country changes. Coordinates come in pairs, so a
    change that leaves only one of them set is refused, as is a name, country and kind that
    another place already has (the registry would then hold the same city twice).
    """
    unknown = set(changes) - PLACE_CHANGES
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), _("cannot be changed here")))
    for name in ("name_en", "name_zh", "time_zone"):
        if isinstance(changes.get(name), str):
            changes[name] = changes[name].strip()
    if "country" in changes:
        changes["country"] = str(changes["country"] or "").upper()
        changes["continent"] = continent_for_country(changes["country"])
    # A refused change must not linger on the caller's instance either (a page re-rendered
    # after the error would show the rejected values as if they were saved).
    before = {name: getattr(place, name) for name in changes}
    try:
        for name, value in changes.items():
            setattr(place, name, value)
        validate_place(place)
        twin = Place.objects.filter(
            name_en__iexact=place.name_en, country=place.country, kind=place.kind
        )
        if twin.exclude(pk=place.pk).exists():
            raise ValidationError(
                {"name_en": _("another place already has this name, country and kind")}
            )
    except ValidationError:
        for name, value in before.items():
            setattr(place, name, value)
        raise
    place.save()
    return place
