"""The marketplace: browse, filter, and search participants and opportunities by meaning."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from amity.engine.matching import COOPERATION_TYPES
from amity.fair.domain.queries import MarketFilters, marketplace, participation
from amity.fair.models import OpportunityKind
from amity.fair.views.common import is_chinese, load_fair

PAGE_SIZE = 30


@login_required
def marketplace_view(request, fair_id: int):
    fair = load_fair(request, fair_id)
    filters = MarketFilters(
        **{name: request.GET.get(name, "").strip()[:200] for name in MarketFilters().__dict__}
    )
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
        "query_string": _without_page(request),
    }
    return render(request, "fair/marketplace.html", context)


def _without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
