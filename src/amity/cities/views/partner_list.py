"""The partner list (the home page): search, filters with counts, sorting, pagination, export."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from amity.cities.domain.queries import facets, listed_partnerships
from amity.cities.forms import PAGE_SIZE, PartnerFilterForm
from amity.cities.models import Partnership


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
            "is_filtered": filters.is_filtered,
            "has_any_partner": paginator.count > 0 or Partnership.objects.exists(),
        }
        # htmx swaps only the results (and, out of band, the filter counts) into the page.
        template = "cities/partner_list.html"
        if request.htmx and not request.htmx.boosted:
            template += "#results"
        return render(request, template, context)
