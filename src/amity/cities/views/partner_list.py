"""The partner list (the home page): search, filters with counts, sorting, pagination, export."""

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from amity.cities.forms import PAGE_SIZE, PartnerFilterForm
from amity.cities.models import (
    Continent,
    CooperationField,
    Partnership,
    PartnershipStatus,
    RelationshipKind,
)
from amity.cities.queries import PartnerFilters, filter_partnerships
from amity.cities.templatetags.registry import country_name, decade_label, local_name


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def _grouped_counts(filters: PartnerFilters, facet: str, column: str) -> Counter:
    """Counts per value of one facet, under every other active filter (classic faceting)."""
    others = filters.model_copy(update={facet: None if facet == "decade" else ""})
    rows = (
        filter_partnerships(others)
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
    """Every filter's values with the number of partners each would show (one query each)."""
    continent = _grouped_counts(filters, "continent", "place__continent")
    countries = _grouped_counts(filters, "country", "place__country")
    kinds = _grouped_counts(filters, "kind", "kind")
    statuses = _grouped_counts(filters, "status", "status")
    fields = _grouped_counts(filters, "field", "fields__code")
    by_year = (
        filter_partnerships(filters.model_copy(update={"decade": None}))
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


def listed_partnerships(filters: PartnerFilters) -> QuerySet[Partnership]:
    return filter_partnerships(filters).select_related("place").prefetch_related("fields")


class PartnerListView(PermissionRequiredMixin, View):
    permission_required = "cities.view_partnership"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = PartnerFilterForm(request.GET)
        filters = form.filters()
        paginator = Paginator(listed_partnerships(filters), PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        context = {
            "form": form,
            "filters": filters,
            "page": page,
            "facets": facets(filters),
            "is_filtered": any(
                getattr(filters, name) not in ("", None)
                for name in ("q", "continent", "country", "kind", "status", "field", "decade")
            ),
            "has_any_partner": paginator.count > 0 or Partnership.objects.exists(),
        }
        # htmx swaps only the results (and, out of band, the filter counts) into the page.
        template = "cities/partner_list.html"
        if request.htmx and not request.htmx.boosted:
            template += "#results"
        return render(request, template, context)
