"""Actions on places: the cities, provinces and regions the home city partners with."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from amity.cities.domain.invariants import continent_for_country, validate_place
from amity.cities.domain.names import place_search_key, refresh_search_names, take_geonames_names
from amity.cities.models import Place, PlaceKind
from amity.cities.world_cities import WorldCity

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


def new_place(
    *,
    name_en: str,
    country: str,
    kind: str = PlaceKind.CITY,
    name_zh: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    population: int | None = None,
    time_zone: str = "",
    geonames_id: int | None = None,
    world_city: WorldCity | None = None,
) -> Place:
    """An unsaved, validated place; a world city fills in the location the caller left empty."""
    place = Place(
        name_en=(name_en or "").strip(),
        name_zh=(name_zh or "").strip(),
        country=(country or "").upper(),
        kind=kind,
        latitude=latitude,
        longitude=longitude,
        population=population,
        time_zone=(time_zone or "").strip(),
        geonames_id=geonames_id,
    )
    if world_city is not None:
        if latitude is None and longitude is None:
            place.latitude, place.longitude = world_city.latitude, world_city.longitude
        if population is None:
            place.population = world_city.population
        place.time_zone = place.time_zone or world_city.time_zone
        place.geonames_id = world_city.geonames_id
    # Before any look-up: a name of 100,000 characters is refused, not searched for.
    validate_place(place)
    place.continent = continent_for_country(place.country)
    return place


@transaction.atomic
def find_or_create_place(**attributes: object) -> Place:
    """The place with this English name (in any letter case), country and kind, or a new one.

    Takes the arguments of ``new_place``; an existing place is returned unchanged.
    """
    place = new_place(**attributes)
    existing = Place.objects.filter(
        name_en__iexact=place.name_en, country=place.country, kind=place.kind
    ).first()
    if existing is not None:
        return existing
    place.search_names = place_search_key(place, [])
    place.save()
    if place.geonames_id:
        take_geonames_names(place)
    return place


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
    if isinstance(changes.get("country"), str):
        changes["country"] = changes["country"].upper()
    # A refused change must not linger on the caller's instance either (a page re-rendered
    # after the error would show the rejected values as if they were saved).
    before = {name: getattr(place, name) for name in (*changes, "continent")}
    geonames_before = place.geonames_id
    try:
        for name, value in changes.items():
            setattr(place, name, value)
        validate_place(place)
        place.continent = continent_for_country(place.country)
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
    if place.geonames_id and place.geonames_id != geonames_before:
        take_geonames_names(place)
    else:
        refresh_search_names(place)
    return place
