"""The organisers' dashboard page with SVG charts drawn on the server."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from amity.fair.domain.dashboard import bars, dashboard
from amity.fair.domain.outcomes_report import month_chart, outcomes_by_month, outcomes_per_group
from amity.fair.models import MeetingStatus, OutcomeRating, RequestState
from amity.fair.views.common import is_chinese, load_fair

# The page shows the leading rows; the API and the export carry them all.
GROUP_ROWS = 15


@login_required
def dashboard_view(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    data = dashboard(fair)
    funnel = [(str(label), data["requests"].get(value, 0)) for value, label in RequestState.choices]
    funnel += [
        (str(label), data["meetings"].get(value, 0))
        for value, label in MeetingStatus.choices
        if value != MeetingStatus.CANCELLED
    ]
    outcomes = [(str(label), data["outcomes"].get(v, 0)) for v, label in OutcomeRating.choices]
    context = {
        "fair": fair,
        "data": data,
        "funnel": bars(funnel),
        "cities": bars(data["per_city"]),
        "outcome_chart": bars(outcomes),
        **_over_time(fair),
    }
    return render(request, "fair/dashboard.html", context)


def _over_time(fair) -> dict:
    """The outcomes funnel over time and per sector and partner city."""
    months = outcomes_by_month(fair)
    groups = outcomes_per_group(fair)
    label = "label_zh" if is_chinese() else "label_en"
    sectors = [row | {"label": row[label]} for row in groups["sectors"][:GROUP_ROWS]]
    cities = [row | {"label": row[label]} for row in groups["cities"][:GROUP_ROWS]]
    return {
        "months": months,
        "month_chart": month_chart(months),
        "sectors": sectors,
        "sector_chart": bars([(row["label"], row["held"]) for row in sectors]),
        "city_outcomes": cities,
    }
