"""Template helpers of cooperation: a city or the home city, and the partner page's section."""

from django import template

from amity.cities.templatetags.registry import home_city_name, local_name
from amity.cooperation.domain.queries import partner_projects, partner_transfers

register = template.Library()


@register.filter
def city_or_home(place) -> str:
    """A place's name in the reader's language; no place is the home city."""
    return local_name(place) if place is not None else home_city_name()


@register.inclusion_tag("cooperation/partials/partner_section.html", takes_context=True)
def partner_cooperation(context, partnership) -> dict:
    """The partner page's section: the city's projects and transfers the reader may see."""
    user = context["request"].user
    place_id = partnership.place_id
    return {
        "projects": list(partner_projects(user, place_id).prefetch_related("fields")),
        "transfers": list(partner_transfers(user, place_id)),
        "request": context["request"],
    }
