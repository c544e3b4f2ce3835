"""The cooperation landing page (/cooperation/): what there is, counted as the reader may see it."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from amity.cooperation.domain.queries import visible_practices, visible_projects, visible_transfers
from amity.cooperation.models import ProjectStatus


class OverviewView(PermissionRequiredMixin, View):
    permission_required = "cooperation.view_projects"

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        # One query per kind of record; visible_projects is DISTINCT, so count its ids.
        projects = visible_projects(user).aggregate(
            total=Count("id", distinct=True),
            running=Count("id", distinct=True, filter=Q(status=ProjectStatus.RUNNING)),
        )
        practices = visible_practices(user).aggregate(
            total=Count("id"), looking=Count("id", filter=Q(looking_for_partners=True))
        )
        context = {
            "projects": projects,
            "practices": practices,
            "transfers": visible_transfers(user).order_by().count(),
            "can_report": user.has_perm("cooperation.view_report"),
        }
        return render(request, "cooperation/overview.html", context)
