"""Correcting a partner place, its other names, and the offline world-city look-up."""

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.responses import Status
from pydantic import Field

from amity.api import error_responses, get_or_404, require_perm
from amity.cities import domain
from amity.cities.api.schemas import AlternateNameIn, PlaceOut, PlacePatch, WorldCityOut
from amity.cities.domain.names import add_alternate_name, remove_alternate_name
from amity.cities.models import Place, PlaceName
from amity.cities.world_cities import search_world_cities

router = Router(tags=["registry"])


@router.patch(
    "/places/{int:place_id}", response={200: PlaceOut, **error_responses(401, 403, 404, 409, 422)}
)
def change_place(request: HttpRequest, place_id: int, payload: PlacePatch):
    """Correct a partner place: names, kind, country, coordinates, population, time zone."""
    place = get_or_404(Place, place_id)
    require_perm(request, "cities.change_place", place)
    return domain.update_place(place, **payload.dict(exclude_unset=True))


@router.post(
    "/places/{int:place_id}/names",
    response={201: PlaceOut, **error_responses(401, 403, 404, 409, 422)},
)
def add_name(request: HttpRequest, place_id: int, payload: AlternateNameIn):
    """Record another name the place is known by; search finds the place by it."""
    place = get_or_404(Place, place_id)
    require_perm(request, "cities.change_place", place)
    add_alternate_name(place, payload.name)
    return Status(201, place)


@router.delete(
    "/places/{int:place_id}/names/{int:name_id}",
    response={204: None, **error_responses(401, 403, 404)},
)
def remove_name(request: HttpRequest, place_id: int, name_id: int):
    entry = get_or_404(PlaceName.objects.filter(place_id=place_id), name_id)
    require_perm(request, "cities.change_place", entry.place)
    remove_alternate_name(entry)
    return Status(204, None)


class WorldCityQuery(Schema):
    q: str = Field(..., min_length=1, max_length=100)
    country: str | None = Field(None, min_length=2, max_length=2)
    limit: int = Field(10, ge=1, le=50)


@router.get("/world-cities", response={200: list[WorldCityOut], **error_responses(401, 403, 422)})
def world_cities(request: HttpRequest, query: Query[WorldCityQuery]):
    """Offline look-up of world cities (GeoNames), for organisers adding a partner."""
    require_perm(request, "cities.add_place")
    return search_world_cities(query.q, country=query.country, limit=query.limit)
