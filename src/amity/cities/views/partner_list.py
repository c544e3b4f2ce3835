"""The partner list (the home page): search, filters with counts, sorting, pagination, export."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from amity.cities.caching import cached_fragment
from amity.cities.domain.queries import facets, listed_partnerships
from amity.cities.forms import PAGE_SIZE, PartnerFilterForm
from amity.cities.models import Partnership


class PartnerListView(PermissionRequiredMixin, View):
    permission_required = "cities.view_partnership"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = PartnerFilterForm(request.GET)
        filters = form.filters()

        def context() -> dict:
            paginator = Paginator(listed_partnerships(filters), PAGE_SIZE)
            page = paginator.get_page(request.GET.get("page"))
            return {
                "form": form,
                "filters": filters,
                "page": page,
                "facets": facets(filters),
                "is_filtered": filters.is_filtered,
                "has_any_partner": paginator.count > 0 or Partnership.objects.exists(),
            }

        template = "cities/partner_list.html"
        # htmx swaps only the results (and, out of band, the filter counts) into the page.
        if request.htmx and not request.htmx.boosted:
            return render(request, template + "#results", context())
        # The whole list (filters, counts, cards) is the same for every reader of one address
        # in one language, except organisers' import link: cached per registry version.
        vary_on = (request.user.has_perm("cities.import_partnerships"),)
        content = cached_fragment(request, template, vary_on, context)
        return render(request, template, {"cached_content": content})
