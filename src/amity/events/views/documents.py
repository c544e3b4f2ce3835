"""The day-by-day timetable, the programme's ICS feed and PDF, badges, invitation letters."""

import re

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from amity.events import printing
from amity.events.domain import queries
from amity.events.tasks import make_badges
from amity.events.views.base import DelegationPermissionMixin, EventPermissionMixin, in_event_zone
from amity.jobs.domain import start_job

# Above this many badges the sheet is made by a background job, with a progress page.
BADGES_IN_REQUEST = 150


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class TimetableView(EventPermissionMixin, View):
    permission_required = ("events.view_event",)

    @in_event_zone
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        days = printing.programme_days(self.event, queries.programme(self.event))
        return render(request, "events/timetable.html", {"event": self.event, "days": days})


class ProgrammeIcsView(EventPermissionMixin, View):
    permission_required = ("events.view_event",)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        url = request.build_absolute_uri(f"/en/events/{self.event.pk}/")
        response = HttpResponse(
            printing.programme_ics(self.event, url), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="event-{self.event.pk}.ics"'
        return response


class ProgrammePdfView(EventPermissionMixin, View):
    permission_required = ("events.view_event",)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return _pdf(printing.programme_pdf(self.event), f"programme-{self.event.pk}.pdf")


class BadgesView(EventPermissionMixin, View):
    """Small events get the sheet at once; big ones start a job and watch its progress."""

    permission_required = ("events.print_badges",)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        attendees = list(queries.badge_attendees(self.event)[: BADGES_IN_REQUEST + 1])
        paper = request.GET.get("paper", "a4")
        paper = paper if paper in printing.BADGE_FORMATS else "a4"
        if len(attendees) <= BADGES_IN_REQUEST:
            data = printing.badges_pdf(self.event, attendees, paper=paper)
            return _pdf(data, f"badges-{pk}.pdf")
        event = self.event
        job = start_job(
            kind="events.badges",
            title=lambda: _("Badges of %(event)s") % {"event": event.name_en},
            owner=request.user,
            task=make_badges,
            event_id=event.pk,
            paper=paper,
        )
        messages.info(request, _("The badges are being made; this page shows the progress."))
        return redirect("jobs:job-detail", job.pk)


class BadgesFileView(EventPermissionMixin, View):
    permission_required = ("events.print_badges",)

    def get(self, request: HttpRequest, pk: int, name: str) -> HttpResponse:
        if not re.fullmatch(rf"badges-{pk}-[0-9a-f]{{16}}\.pdf", name):
            raise Http404
        path = f"events/{name}"
        if not default_storage.exists(path):
            raise Http404
        return FileResponse(default_storage.open(path, "rb"), content_type="application/pdf")


class InvitationLetterView(DelegationPermissionMixin, View):
    permission_required = ("events.print_invitation",)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        data = printing.invitation_pdf(self.delegation)
        return _pdf(data, f"invitation-{self.delegation.pk}.pdf")
