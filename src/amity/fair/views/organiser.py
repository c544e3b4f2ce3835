"""The organisers' pages: overview (approvals, request statistics, who needs help), set-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.fair.domain import approve_participant, create_meeting, update_fair
from amity.fair.domain.queries import organiser_overview
from amity.fair.forms import FairSetupForm, MeetingForm
from amity.fair.models import Participant
from amity.fair.tasks import recompute_kind, recompute_soon, start_recompute
from amity.fair.views.common import error_text, errors_onto, load_fair, load_participant
from amity.jobs.models import Job


@login_required
def overview(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    context = {
        "fair": fair,
        "overview": organiser_overview(fair),
        "job": Job.objects.filter(kind=recompute_kind(fair.pk)).order_by("-created_at").first(),
        "meeting_form": MeetingForm(),
    }
    return render(request, "fair/overview.html", context)


@login_required
@require_POST
def approve(request, pk: int):
    participant = load_participant(request, pk, "fair.approve_participant")
    approve_participant(participant)
    recompute_soon(participant.fair_id, request.user)
    messages.success(request, _("%(name)s is approved.") % {"name": participant.name_en})
    return redirect("fair:organiser-overview", participant.fair_id)


@login_required
@require_POST
def recompute(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    job = start_recompute(fair, request.user)
    return redirect("jobs:job-detail", job.pk)


@login_required
@require_POST
def meeting_create(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    form = MeetingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose two participants."))
        return redirect("fair:organiser-overview", fair.pk)
    first = get_object_or_404(Participant, fair=fair, pk=form.cleaned_data["first"])
    second = get_object_or_404(Participant, fair=fair, pk=form.cleaned_data["second"])
    try:
        create_meeting(by=request.user, first=first, second=second, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The meeting is arranged."))
    return redirect("fair:organiser-overview", fair.pk)


@login_required
def setup(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    # The form validates a copy: the domain action writes the fair.
    form = FairSetupForm(request.POST or None, instance=type(fair).objects.get(pk=fair.pk))
    if request.method == "POST" and form.is_valid():
        try:
            update_fair(fair, **{name: form.cleaned_data[name] for name in form.Meta.fields})
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The fair's set-up is saved."))
            return redirect("fair:organiser-overview", fair.pk)
    sessions = list(fair.sessions.all())
    return render(
        request,
        "fair/setup.html",
        {"fair": fair, "form": form, "sessions": sessions, "tables": fair.tables.count()},
    )
