"""Searching and filtering the registry: one definition for the pages and the API."""

from datetime import date
from typing import Literal

from django.db.models import F, Q, QuerySet
from django.db.models.expressions import OrderBy
from ninja import Field, Schema

from amity.cities.models import Partnership

# Undated partnerships go last in both directions, and alike on SQLite and PostgreSQL (whose
# default null orderings differ).
SORTS: dict[str, list[str | OrderBy]] = {
    "name": ["place__name_en", "id"],
    "-name": ["-place__name_en", "-id"],
    "date": [F("established_on").asc(nulls_last=True), "place__name_en", "id"],
    "-date": [F("established_on").desc(nulls_last=True), "place__name_en", "id"],
    "country": ["place__country", "place__name_en", "id"],
}


class PartnerFilters(Schema):
    q: str = ""
    continent: str = ""
    country: str = ""
    kind: str = ""
    status: str = ""
    field: str = ""
    # The first year of a decade, e.g. 1980 for 1980–1989.
    decade: int | None = Field(None, ge=1000, le=2990)
    sort: Literal["name", "-name", "date", "-date", "country"] = "date"


def filter_partnerships(
    filters: PartnerFilters, queryset: QuerySet[Partnership] | None = None
) -> QuerySet[Partnership]:
    partnerships = Partnership.objects.all() if queryset is None else queryset
    if query := filters.q.strip():
        partnerships = partnerships.filter(
            Q(place__name_en__icontains=query) | Q(place__name_zh__icontains=query)
        )
    if filters.continent:
        partnerships = partnerships.filter(place__continent=filters.continent)
    if filters.country:
        partnerships = partnerships.filter(place__country=filters.country.upper())
    if filters.kind:
        partnerships = partnerships.filter(kind=filters.kind)
    if filters.status:
        partnerships = partnerships.filter(status=filters.status)
    if filters.field:
        partnerships = partnerships.filter(fields__code=filters.field)
    if filters.decade is not None:
        partnerships = partnerships.filter(
            established_on__gte=date(filters.decade, 1, 1),
            established_on__lt=date(filters.decade + 10, 1, 1),
        )
    return partnerships.order_by(*SORTS[filters.sort])
