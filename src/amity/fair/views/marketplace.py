"""The marketplace: browse, filter, and search participants and opportunities by meaning."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from amity.engine.matching import COOPERATION_TYPES
from amity.engine.matching.isic import is_known, normalise_code
from amity.fair.domain.queries import MarketFilters, marketplace, participation
from amity.fair.forms import SectorPicker
from amity.fair.models import OpportunityKind
from amity.fair.views.common import is_chinese, load_fair
from amity.fair.views.pickers import sector_matches

PAGE_SIZE = 30


@login_required
def marketplace_view(request, fair_id: int):
    fair = load_fair(request, fair_id)
    filters = MarketFilters(
        **{name: request.GET.get(name, "").strip()[:200] for name in MarketFilters().__dict__}
    )
    filters.sector = _sector(request.GET.getlist("sector"))
    participants, scores = marketplace(fair, filters)
    page = Paginator(participants, PAGE_SIZE).get_page(request.GET.get("page"))
    chinese = is_chinese()
    context = {
        "fair": fair,
        "filters": filters,
        "page": page,
        "scores": scores,
        "me": participation(fair, request.user),
        "cooperation_types": [
            (k, zh if chinese else en) for k, (en, zh) in COOPERATION_TYPES.items()
        ],
        "kinds": OpportunityKind.choices,
        "sector_picker": SectorPicker(single=True).render(
            "sector", [filters.sector] if filters.sector else [], attrs={"id": "sector"}
        ),
        "query_string": _without_page(request),
    }
    return render(request, "fair/marketplace.html", context)


def _without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _sector(values: list[str]) -> str:
    """The sector to filter by: a chosen code, or else the best match of a typed label
    (the picker's box is a plain text field without JavaScript)."""
    texts = [value.strip()[:100] for value in values if value.strip()]
    for text in texts:
        if is_known(normalise_code(text)):
            return normalise_code(text)
    for text in texts:
        found = sector_matches(text, limit=1)
        if found:
            return found[0].code
    return texts[0] if texts else ""
