"""The registry's read side: searching, filtering and counting partners, a partner's timeline.

One definition for the pages and the API (which turn their own input into ``PartnerFilters``);
nothing here knows about forms or the API framework. Each function reads with a fixed number of
queries, whatever the number of partners.
"""

import dataclasses
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from django.db.models import Count, F, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.expressions import OrderBy
from django.db.models.functions import ExtractYear

from amity.cities.domain.names import fold_query
from amity.cities.models import (
    Agreement,
    Citation,
    Continent,
    CooperationField,
    Exchange,
    Partnership,
    PartnershipStatus,
    RelationshipKind,
)
from amity.cities.templatetags.registry import country_name, decade_label, local_name

# Undated partnerships go last in both directions, and alike on SQLite and PostgreSQL (whose
# default null orderings differ).
SORTS: dict[str, list[str | OrderBy]] = {
    "name": ["place__name_en", "id"],
    "-name": ["-place__name_en", "-id"],
    "date": [F("established_on").asc(nulls_last=True), "place__name_en", "id"],
    "-date": [F("established_on").desc(nulls_last=True), "place__name_en", "id"],
    "country": ["place__country", "place__name_en", "id"],
}


Sort = Literal["name", "-name", "date", "-date", "country"]
# The first and last decade a filter may name (dates before 1000 or after 2999 are not filtered).
DECADES = (1000, 2990)
# Longer searches are refused by the pages' and the API's input checks; the limit is here so
# both say the same (and a database never sees a pattern of 100,000 characters).
SEARCH_MAX_LENGTH = 100


@dataclass(frozen=True)
class PartnerFilters:
    """What a reader narrows the partner list by; empty values filter nothing."""

    q: str = ""
    continent: str = ""
    country: str = ""
    kind: str = ""
    status: str = ""
    field: str = ""
    # The first year of a decade, e.g. 1980 for 1980–1989.
    decade: int | None = None
    sort: Sort = "date"

    def without(self, name: str) -> "PartnerFilters":
        return dataclasses.replace(self, **{name: None if name == "decade" else ""})

    @property
    def is_filtered(self) -> bool:
        return any(
            getattr(self, name) not in ("", None)
            for name in ("q", "continent", "country", "kind", "status", "field", "decade")
        )


def filter_partnerships(
    filters: PartnerFilters, queryset: QuerySet[Partnership] | None = None
) -> QuerySet[Partnership]:
    partnerships = Partnership.objects.all() if queryset is None else queryset
    if query := fold_query(filters.q[:SEARCH_MAX_LENGTH]):
        # Any name of the place, in any letter case, width or accents (domain/names.py).
        partnerships = partnerships.filter(place__search_names__contains=query)
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


def listed_partnerships(filters: PartnerFilters) -> QuerySet[Partnership]:
    """The partners a list shows, with what a list row needs (place and fields) prefetched."""
    return filter_partnerships(filters).select_related("place").prefetch_related("fields")


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def _grouped_counts(filters: PartnerFilters, facet: str, column: str) -> Counter:
    """Counts per value of one facet, under every other active filter (classic faceting)."""
    rows = (
        filter_partnerships(filters.without(facet))
        .order_by()
        .values(column)
        .annotate(n=Count("id", distinct=True))
        .values_list(column, "n")
    )
    return Counter(dict(rows))


def _options(
    counts: Counter, labels: dict[str, str], selected: str, *, keep_order: bool = False
) -> list[FacetOption]:
    values = [value for value in labels if counts.get(value) or value == selected]
    if not keep_order:
        values.sort(key=lambda value: labels[value])
    return [
        FacetOption(value, labels[value], counts.get(value, 0), value == selected)
        for value in values
    ]


def facets(filters: PartnerFilters) -> dict[str, list[FacetOption]]:
    """Every filter's values with the number of partners each would show (one query each).

    Labels are in the active language.
    """
    continent = _grouped_counts(filters, "continent", "place__continent")
    countries = _grouped_counts(filters, "country", "place__country")
    kinds = _grouped_counts(filters, "kind", "kind")
    statuses = _grouped_counts(filters, "status", "status")
    fields = _grouped_counts(filters, "field", "fields__code")
    by_year = (
        filter_partnerships(filters.without("decade"))
        .order_by()
        .annotate(year=ExtractYear("established_on"))
        .values("year")
        .annotate(n=Count("id"))
        .values_list("year", "n")
    )
    decades: Counter = Counter()
    for year, n in by_year:
        if year is not None:
            decades[str(int(year) // 10 * 10)] += n
    field_names = {field.code: local_name(field) for field in CooperationField.objects.all()}
    selected_decade = str(filters.decade) if filters.decade is not None else ""
    decade_labels = {decade: decade_label(int(decade)) for decade in sorted(decades)}
    if selected_decade and selected_decade not in decade_labels:
        decade_labels[selected_decade] = selected_decade
    return {
        "continent": _options(continent, dict(Continent.choices), filters.continent),
        "country": _options(
            countries, {code: country_name(code) for code in countries}, filters.country
        ),
        "kind": _options(kinds, dict(RelationshipKind.choices), filters.kind, keep_order=True),
        "status": _options(
            statuses, dict(PartnershipStatus.choices), filters.status, keep_order=True
        ),
        "field": _options(fields, field_names, filters.field),
        "decade": _options(decades, decade_labels, selected_decade, keep_order=True),
    }


def partner_details() -> QuerySet[Partnership]:
    """Partnerships with what every reader of a partner's page sees prefetched (5 queries).

    Contacts are personal data: a caller loads them only for those who may see them.
    """
    return Partnership.objects.select_related("place").prefetch_related(*_detail_lookups())


def _detail_lookups() -> tuple:
    return (
        "fields",
        Prefetch("citations", Citation.objects.select_related("source")),
        Prefetch("agreements", Agreement.objects.select_related("source")),
        Prefetch("exchanges", Exchange.objects.select_related("source")),
    )


def load_partner_details(partnership: Partnership) -> Partnership:
    """What ``partner_details`` prefetches, for a partnership already loaded with its place."""
    prefetch_related_objects([partnership], *_detail_lookups())
    return partnership


@dataclass(frozen=True)
class TimelineEntry:
    """An agreement or an exchange, so a page can show both in one chronological list."""

    day: date | None
    ends: date | None
    kind: str
    record: Agreement | Exchange
    is_agreement: bool

    @property
    def source(self):
        return self.record.source

    @property
    def is_demo(self) -> bool:
        return self.record.is_demo


def timeline(partnership: Partnership) -> list[TimelineEntry]:
    """The partnership's agreements and exchanges by date (from ``partner_details``)."""
    entries = [
        TimelineEntry(
            day=agreement.signed_on,
            ends=None,
            kind=agreement.get_kind_display(),
            record=agreement,
            is_agreement=True,
        )
        for agreement in partnership.agreements.all()
    ] + [
        TimelineEntry(
            day=exchange.starts_on,
            ends=exchange.ends_on if exchange.ends_on != exchange.starts_on else None,
            kind=exchange.get_kind_display(),
            record=exchange,
            is_agreement=False,
        )
        for exchange in partnership.exchanges.all()
    ]
    # Undated agreements go last rather than first: they are the least informative.
    return sorted(entries, key=lambda entry: (entry.day is None, entry.day or date.min))
