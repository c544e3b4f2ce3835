"""Template helpers of cooperation: a city or the home city, and the sections other domains'
pages include (the registry's partner page, the fair's dashboard)."""

from django import template
from django.utils import translation

from amity.accounts.rules import is_organiser
from amity.cities.templatetags.registry import home_city_name, local_name
from amity.cooperation.domain.queries import (
    fair_project_links,
    partner_projects,
    partner_transfers,
)

register = template.Library()


@register.filter
def city_or_home(place) -> str:
    """A place's name in the reader's language; no place is the home city."""
    return local_name(place) if place is not None else home_city_name()


@register.filter
def participant_city(participant) -> str:
    """A fair participant's city in the reader's language (the fair keeps it as two texts)."""
    chinese = (translation.get_language() or "").startswith("zh")
    return (participant.city_name_zh if chinese else "") or participant.city_name


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


@register.inclusion_tag("cooperation/partials/fair_projects.html", takes_context=True)
def fair_outcome_projects(context, fair) -> dict:
    """The fair's section: projects its meetings' outcomes led to, as the reader may see."""
    user = context["request"].user
    return {
        "links": list(fair_project_links(user, fair.pk)),
        "show_sides": is_organiser(user),
        "request": context["request"],
    }
