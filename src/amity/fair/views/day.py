"""The day itself: the check-in scanner page, held / no-show marks, outcomes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.fair.domain.day import (
    check_in,
    mark_meeting,
    record_outcome_as,
    search_attendees,
)
from amity.fair.models import Meeting
from amity.fair.views.common import allowed, back, error_text, load_fair


@login_required
def checkin_view(request, fair_id: int):
    """A handheld scanner types the badge's code into the focused field and presses Enter."""
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    context = {"fair": fair, "found": search_attendees(fair, request.GET.get("q", ""))}
    if request.method == "POST":
        try:
            attendee, participant = check_in(fair, request.POST.get("code", ""))
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                _("%(name)s is checked in (%(org)s).")
                % {"name": attendee.name_en, "org": participant.name_en if participant else "—"},
            )
        return redirect("fair:checkin", fair.pk)
    return render(request, "fair/checkin.html", context)


def _meeting(request, pk: int, perm: str) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("fair", "request__sender", "request__receiver"), pk=pk
    )
    allowed(request, perm, meeting)
    return meeting


@login_required
@require_POST
def meeting_mark(request, pk: int):
    meeting = _meeting(request, pk, "fair.mark_meeting")
    try:
        mark_meeting(meeting, request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The meeting is marked %(status)s.") % {"status": meeting.get_status_display()},
        )
    return back(request)


@login_required
@require_POST
def outcome_record(request, pk: int):
    meeting = _meeting(request, pk, "fair.record_outcome")
    try:
        record_outcome_as(
            meeting, request.user, request.POST.get("rating", ""), request.POST.get("note", "")
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Thank you: the outcome is recorded."))
    return back(request)
