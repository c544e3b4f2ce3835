"""A place's other names, and the folded names the registry is searched by.

Search ignores letter case, width (ＤＵＮＥＤＩＮ) and accents or tone marks (Dānnídīng), and
finds a place by any of its names: English, Chinese and every alternate name — GeoNames' (但尼丁
beside the registry's 达尼丁) and those an organiser added.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from amity.cities.caching import registry_changed
from amity.cities.domain.invariants import text_problems
from amity.cities.models import NameOrigin, Place, PlaceName
from amity.cities.world_cities import fold, world_city_by_id


def fold_query(text: str) -> str:
    """A search query in the form the names are stored in (see ``search_key``)."""
    return fold(text or "")


def search_key(names: Iterable[str]) -> str:
    return "\n".join(sorted({fold(name) for name in names if name and fold(name)}))


def place_search_key(place: Place, alternates: Iterable[str]) -> str:
    return search_key([place.name_en, place.name_zh, *alternates])


def refresh_search_names(place: Place) -> None:
    alternates = place.alternate_names.values_list("name", flat=True)
    place.search_names = place_search_key(place, alternates)
    Place.objects.filter(pk=place.pk).update(search_names=place.search_names)
    registry_changed()  # an update() sends no signal


def geonames_names(place: Place) -> list[str]:
    """GeoNames' other names of the place's city (none if it has no GeoNames id we ship)."""
    city = world_city_by_id(place.geonames_id or 0)
    if city is None:
        return []
    limit = PlaceName._meta.get_field("name").max_length
    return sorted({name for name in (city.name, *city.alternate_names) if len(name) <= limit})


@transaction.atomic
def take_geonames_names(place: Place) -> None:
    """Keep GeoNames' alternate names of the place (after its GeoNames id was set)."""
    PlaceName.objects.bulk_create(
        [
            PlaceName(place=place, name=name, origin=NameOrigin.GEONAMES)
            for name in geonames_names(place)
        ],
        ignore_conflicts=True,
    )
    refresh_search_names(place)


@transaction.atomic
def add_alternate_name(place: Place, name: str) -> PlaceName:
    """An organiser records another name of the place (a variant spelling, a former name)."""
    entry = PlaceName(place=place, name=(name or "").strip(), origin=NameOrigin.ORGANISER)
    problems = list(text_problems(entry))
    if not entry.name:
        problems.append(("name", _("give the name")))
    elif len(entry.name) > PlaceName._meta.get_field("name").max_length:
        problems.append(("name", _("is longer than %(limit)s characters") % {"limit": 200}))
    if problems:
        raise ValidationError({field: [message] for field, message in problems})
    if entry.name in (place.name_en, place.name_zh):
        raise ValidationError({"name": _("this is already the place's name")})
    if place.alternate_names.filter(name=entry.name).exists():
        raise ValidationError({"name": _("the place already has this name")})
    entry.save()
    refresh_search_names(place)
    return entry


@transaction.atomic
def remove_alternate_name(entry: PlaceName) -> None:
    place = entry.place
    entry.delete()
    refresh_search_names(place)


def take_names_in_bulk(places: list[Place], chunk: int = 500) -> None:
    """``take_geonames_names`` for many saved places at once (the importer), in few queries."""
    if not places:
        return
    PlaceName.objects.bulk_create(
        [
            PlaceName(place_id=place.pk, name=name, origin=NameOrigin.GEONAMES)
            for place in places
            for name in geonames_names(place)
        ],
        ignore_conflicts=True,
        batch_size=chunk,
    )
    ids = [place.pk for place in places]
    names: dict[int, list[str]] = {pk: [] for pk in ids}
    for start in range(0, len(ids), chunk):
        rows = PlaceName.objects.filter(place_id__in=ids[start : start + chunk])
        for place_id, name in rows.values_list("place_id", "name"):
            names[place_id].append(name)
    for place in places:
        place.search_names = place_search_key(place, names[place.pk])
    Place.objects.bulk_update(places, ["search_names"], batch_size=chunk)
    registry_changed()  # bulk writes send no signal
