"""Adding a partner: the place (found or created) and the relationship with it, in one action.

The add-partner page and the API both call ``add_partner``, so they agree on every rule,
including which GeoNames city fills in what the organiser left empty (``world_city_for``, which
the importer asks too).
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from amity.cities.domain.dates import format_partial_date
from amity.cities.domain.partnerships import record_partnership
from amity.cities.domain.places import find_or_create_place
from amity.cities.domain.timeline import cite_fact
from amity.cities.models import Citation, Partnership, PlaceKind
from amity.cities.world_cities import (
    GEONAMES_SOURCE_TITLE,
    GEONAMES_SOURCE_URL,
    WorldCity,
    find_world_city,
    world_city_by_id,
)


def world_city_for(
    *, name_en: str, country: str, kind: str, geonames_id: int | None = None
) -> WorldCity | None:
    """The GeoNames city whose location, population and time zone a new place takes.

    The city picked by its GeoNames id, if it lies in that country; without a pick, for a city,
    the most populous GeoNames city of exactly that name in the country; else none.
    """
    country = (country or "").upper()
    if geonames_id:
        city = world_city_by_id(geonames_id)
        return city if city is not None and city.country == country else None
    if kind == PlaceKind.CITY and name_en:
        return find_world_city(name_en, country)
    return None


def _prefixed(error: ValidationError, prefix: str) -> ValidationError:
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {f"{prefix}{field}": messages for field, messages in error.message_dict.items()}
    )


@transaction.atomic
def add_partner(
    *,
    place: Mapping[str, Any],
    relationship: Mapping[str, Any],
    fields: Iterable[str] = (),
    source_title: str = "",
    source_url: str = "",
) -> Partnership:
    """Record a relationship with a place, creating the place if the registry lacks it.

    ``place`` holds the arguments of ``new_place`` (without ``world_city``: the rule above
    picks it), ``relationship`` those of ``record_partnership``. Errors about the place are
    keyed ``place.<field>``. A source, when given, is cited for the kind of relationship and
    its date; a location taken from GeoNames is cited to GeoNames.
    """
    place_data = dict(place)
    world_city = world_city_for(
        name_en=str(place_data.get("name_en") or ""),
        country=str(place_data.get("country") or ""),
        kind=str(place_data.get("kind") or PlaceKind.CITY),
        geonames_id=place_data.pop("geonames_id", None),
    )
    try:
        partner_place = find_or_create_place(**place_data, world_city=world_city)
    except ValidationError as error:
        raise _prefixed(error, "place.") from None
    partnership = record_partnership(place=partner_place, fields=fields, **relationship)
    if source_title:
        cite_fact(partnership, Citation.Fact.KIND, partnership.kind, source_title, url=source_url)
        if partnership.established_on is not None:
            stated = format_partial_date(
                partnership.established_on, partnership.established_precision
            )
            cite_fact(partnership, Citation.Fact.ESTABLISHED_ON, stated, source_title)
    if world_city is not None and (partner_place.latitude, partner_place.longitude) == (
        world_city.latitude,
        world_city.longitude,
    ):
        cite_fact(
            partnership,
            Citation.Fact.LOCATION,
            f"{partner_place.latitude:.5f}, {partner_place.longitude:.5f}",
            GEONAMES_SOURCE_TITLE,
            note_en=f"GeoNames id {world_city.geonames_id}",
            url=GEONAMES_SOURCE_URL,
        )
    return partnership
