"""Listing, reading, adding and changing partnerships."""

from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from amity.api import BoundedPagination, error_responses, get_or_404, require_perm
from amity.cities import domain
from amity.cities.api.schemas import (
    PartnerFiltersIn,
    PartnershipDetailOut,
    PartnershipIn,
    PartnershipOut,
    PartnershipPatch,
)
from amity.cities.domain.queries import listed_partnerships, partner_details
from amity.cities.models import Partnership

router = Router(tags=["registry"])


@router.get("/partnerships", response={200: list[PartnershipOut], **error_responses(401, 422)})
@paginate(BoundedPagination)
def list_partnerships(request: HttpRequest, filters: Query[PartnerFiltersIn]):
    """The registry's partners, filtered as on the partner list (public)."""
    require_perm(request, "cities.view_partnership")
    return listed_partnerships(filters.filters()).prefetch_related("place__alternate_names")


@router.get(
    "/partnerships/{int:partnership_id}",
    response={200: PartnershipDetailOut, **error_responses(401, 404)},
)
def get_partnership(request: HttpRequest, partnership_id: int):
    """One partnership with its sources, agreements and exchanges; contacts and notes for
    organisers only (null for everyone else)."""
    partnership = get_or_404(
        partner_details().prefetch_related("place__alternate_names"), partnership_id
    )
    require_perm(request, "cities.view_partnership", partnership)
    return partnership


@router.post(
    "/partnerships",
    response={201: PartnershipOut, **error_responses(401, 403, 409, 422)},
)
def create_partnership(request: HttpRequest, payload: PartnershipIn):
    """Add a partner: the place is found (any letter case) or created, then the relationship.

    A city's empty location fields are filled from GeoNames (the city of `place.geonames_id`,
    or the one of that exact name in the country) and cited to GeoNames.
    """
    require_perm(request, "cities.add_partnership")
    data = payload.dict()
    partnership = domain.add_partner(
        place=data.pop("place"),
        fields=data.pop("fields"),
        source_title=data.pop("source_title"),
        source_url=data.pop("source_url"),
        relationship=data,
    )
    return Status(201, partnership)


@router.patch(
    "/partnerships/{int:partnership_id}",
    response={200: PartnershipOut, **error_responses(401, 403, 404, 409, 422)},
)
def change_partnership(request: HttpRequest, partnership_id: int, payload: PartnershipPatch):
    """Change what is sent; `fields` replaces the fields of cooperation."""
    partnership = get_or_404(Partnership.objects.select_related("place"), partnership_id)
    require_perm(request, "cities.change_partnership", partnership)
    return domain.update_partnership(partnership, **payload.dict(exclude_unset=True))
