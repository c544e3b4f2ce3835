"""The network overview: every partner on the offline world map, and charts of the network."""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views import View

from amity.cities.charts import bar_chart, count_by_decade
from amity.cities.models import Continent, Partnership, RelationshipKind
from amity.cities.templatetags.registry import (
    country_name,
    decade_label,
    home_city_name,
    local_name,
)
from amity.cities.world_cities import find_world_city
from amity.cities.worldmap import MAP_HEIGHT, MAP_WIDTH, project, view_box


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    kind: str
    label: str
    url: str


def markers(partnerships: list[Partnership]) -> list[Marker]:
    # With thousands of partners, reverse() and the lazy label per marker dominated the page;
    # both are computed once here instead (the detail URL differs only by the primary key).
    detail_url = reverse("cities:partner-detail", args=[0]).replace("/0/", "/{}/")
    kind_labels = {value: str(label) for value, label in RelationshipKind.choices}
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
                f"{kind_labels.get(partnership.kind, partnership.kind)}",
                url=detail_url.format(partnership.pk),
            )
        )
    return result


def markers_svg(markers: list[Marker]) -> str:
    """The markers as SVG links, escaped. Built here rather than in a template loop, which took
    about a second per thousands of partners; the markup is one element and stays readable."""
    return format_html_join(
        "\n",
        '<a href="{}" class="marker-link"><title>{}</title>'
        '<circle class="marker marker--{}" cx="{}" cy="{}" r="5"/></a>',
        ((m.url, m.label, m.kind, f"{m.x:g}", f"{m.y:g}") for m in markers),
    )


def home_marker() -> Marker | None:
    """The home city, marked apart from the partners: from AMITY_HOME_LATITUDE / _LONGITUDE,
    else GeoNames' city of that name in AMITY_HOME_COUNTRY."""
    latitude, longitude = settings.AMITY_HOME_LATITUDE, settings.AMITY_HOME_LONGITUDE
    if latitude is None or longitude is None:
        city = find_world_city(settings.AMITY_HOME_CITY, settings.AMITY_HOME_COUNTRY)
        if city is None:
            return None
        latitude, longitude = city.latitude, city.longitude
    point = project(latitude, longitude)
    label = _("%(city)s (home city)") % {"city": home_city_name()}
    return Marker(x=point.x, y=point.y, kind="home", label=label, url="")


class NetworkView(PermissionRequiredMixin, View):
    permission_required = "cities.view_partnership"

    def get(self, request: HttpRequest) -> HttpResponse:
        # One query: the map and both charts are computed from the same rows.
        # Only the columns the map and charts use: notes and summaries stay in the database.
        partnerships = list(
            Partnership.objects.select_related("place")
            .only(
                "kind",
                "established_on",
                "place__name_en",
                "place__name_zh",
                "place__country",
                "place__continent",
                "place__latitude",
                "place__longitude",
            )
            .order_by("place__name_en")
        )
        map_markers = markers(partnerships)
        kinds_present = Counter(partnership.kind for partnership in partnerships)
        continents = Counter(partnership.place.continent for partnership in partnerships)
        context = {
            "map_width": MAP_WIDTH,
            "map_height": MAP_HEIGHT,
            "partner_count": len(partnerships),
            "markers": map_markers,
            "markers_svg": markers_svg(map_markers),
            "home": home_marker(),
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
