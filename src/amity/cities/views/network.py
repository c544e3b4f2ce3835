"""The network overview: every partner on the offline world map, and charts of the network."""

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from amity.cities.charts import bar_chart, count_by_decade
from amity.cities.models import Continent, Partnership, RelationshipKind
from amity.cities.templatetags.registry import country_name, decade_label, local_name
from amity.cities.worldmap import MAP_HEIGHT, MAP_WIDTH, project, view_box


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    kind: str
    label: str
    url: str


def markers(partnerships: list[Partnership]) -> list[Marker]:
    result = []
    for partnership in partnerships:
        place = partnership.place
        if place.latitude is None or place.longitude is None:
            continue
        point = project(place.latitude, place.longitude)
        result.append(
            Marker(
                x=point.x,
                y=point.y,
                kind=partnership.kind,
                label=f"{local_name(place)} ({country_name(place.country)}) · "
                f"{partnership.get_kind_display()}",
                url=reverse("cities:partner-detail", args=[partnership.pk]),
            )
        )
    return result


class NetworkView(PermissionRequiredMixin, View):
    permission_required = "cities.view_partnership"

    def get(self, request: HttpRequest) -> HttpResponse:
        # One query: the map and both charts are computed from the same rows.
        partnerships = list(Partnership.objects.select_related("place").order_by("place__name_en"))
        kinds_present = Counter(partnership.kind for partnership in partnerships)
        continents = Counter(partnership.place.continent for partnership in partnerships)
        context = {
            "map_width": MAP_WIDTH,
            "map_height": MAP_HEIGHT,
            "partner_count": len(partnerships),
            "markers": markers(partnerships),
            "unmapped": sum(1 for p in partnerships if p.place.latitude is None),
            "view_box": view_box(),
            "legend": [
                (value, label, kinds_present[value])
                for value, label in RelationshipKind.choices
                if kinds_present[value]
            ],
            "by_decade": bar_chart(
                (decade_label(decade), n)
                for decade, n in count_by_decade(p.established_on for p in partnerships)
            ),
            "by_continent": bar_chart(
                (label, continents[value])
                for value, label in Continent.choices
                if continents[value]
            ),
        }
        return render(request, "cities/network.html", context)
