"""The arrivals board for the airport pick-up, and the delegate's home page."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from amity.events.domain import queries
from amity.events.models import Delegation
from amity.events.views.base import EventPermissionMixin, in_event_zone


class ArrivalsView(EventPermissionMixin, View):
    permission_required = ("events.view_arrivals",)

    @in_event_zone
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        context = {"event": self.event, "arrivals": queries.arrivals(self.event)}
        return render(request, "events/arrivals.html", context)


class DelegateHomeView(PermissionRequiredMixin, View):
    permission_required = "events.view_delegate_home"

    def get(self, request: HttpRequest) -> HttpResponse:
        delegations = (
            Delegation.objects.filter(place_id=request.user.partner_place_id)
            .select_related("event", "place")
            .order_by("-event__starts_on")
        )
        context = {
            "delegations": delegations,
            "schedule": queries.delegate_schedule(request.user),
        }
        return render(request, "events/delegate_home.html", context)
