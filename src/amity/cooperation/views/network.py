"""The "who learns from whom" page: the transfers between cities as a graph drawn on the server."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from amity.cities.models import CooperationField
from amity.cities.templatetags.registry import home_city_name, local_name
from amity.cooperation.domain.queries import visible_transfers
from amity.cooperation.forms import NetworkFilterForm
from amity.cooperation.network import HOME, layout


class LearningNetworkView(PermissionRequiredMixin, View):
    permission_required = "cooperation.view_network"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = NetworkFilterForm(request.GET)
        field = form.cleaned_data.get("field", "") if form.is_valid() else ""
        transfers = visible_transfers(request.user)
        if field:
            transfers = transfers.filter(practice__fields__code=field).distinct()
        transfers = list(transfers)
        labels = {HOME: home_city_name()}
        for transfer in transfers:
            for place in (transfer.from_place, transfer.to_place):
                if place is not None:
                    labels[place.pk] = local_name(place)
        links = [(t.from_place_id, t.to_place_id, t.get_stage_display()) for t in transfers]
        context = {
            "graph": layout(links, labels),
            "transfers": transfers,
            "fields": CooperationField.objects.all(),
            "field": field,
        }
        return render(request, "cooperation/network.html", context)
