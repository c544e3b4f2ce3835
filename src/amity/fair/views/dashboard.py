"""The organisers' dashboard page with SVG charts drawn on the server."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from amity.fair.domain.dashboard import bars, dashboard
from amity.fair.models import MeetingStatus, OutcomeRating, RequestState
from amity.fair.views.common import load_fair


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
    }
    return render(request, "fair/dashboard.html", context)
