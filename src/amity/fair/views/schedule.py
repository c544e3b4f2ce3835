"""The organisers' schedule pages: start a run, preview and compare runs, adopt, edit, publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.fair.domain.publish import latest_publication, publish
from amity.fair.domain.schedule import (
    adopt_run,
    compare_runs,
    move_meeting,
    new_run,
    set_locked,
)
from amity.fair.models import (
    Interpreter,
    Meeting,
    MeetingRequest,
    RunStatus,
    ScheduleRun,
    ScheduleSlot,
    Table,
)
from amity.fair.reasons import UNSCHEDULED_REASONS as REASONS
from amity.fair.schedule_tasks import settle_abandoned_runs, start_schedule_run
from amity.fair.views.common import allowed, error_text, load_fair


def _load_run(request, pk: int) -> ScheduleRun:
    run = get_object_or_404(ScheduleRun.objects.select_related("fair__event"), pk=pk)
    allowed(request, "fair.manage_schedule", run.fair)
    if run.status == RunStatus.RUNNING:
        settle_abandoned_runs(run.fair_id)
        run.refresh_from_db()
    return run


@login_required
def schedule_view(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    settle_abandoned_runs(fair.pk)
    context = {
        "fair": fair,
        "runs": ScheduleRun.objects.filter(fair=fair).order_by("-created_at")[:20],
        "meetings": Meeting.objects.filter(fair=fair)
        .exclude(status="cancelled")
        .select_related("slot", "table", "interpreter", "request__sender", "request__receiver")
        .order_by("slot__starts_at", "table__number"),
        "publication": latest_publication(fair),
        "slots": ScheduleSlot.objects.filter(fair=fair).order_by("starts_at"),
        "tables": Table.objects.filter(fair=fair).order_by("number"),
    }
    return render(request, "fair/schedule.html", context)


@login_required
@require_POST
def schedule_start(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    try:
        spread = request.POST.get("max_break_spread") or None
        run = new_run(
            fair,
            started_by=request.user,
            seed=int(request.POST.get("seed") or 0),
            time_limit=int(request.POST.get("time_limit") or 30),
            max_break_spread=int(spread) if spread is not None else None,
            keep_locked=request.POST.get("keep_locked", "on") == "on",
        )
    except (ValueError, ValidationError) as error:
        message = error_text(error) if isinstance(error, ValidationError) else None
        messages.error(request, message or _("Seed, time limit and fairness must be numbers."))
        return redirect("fair:schedule", fair.pk)
    job = start_schedule_run(run, request.user)
    return redirect("jobs:job-detail", job.pk)


@login_required
def schedule_run(request, pk: int):
    run = _load_run(request, pk)
    names = dict(MeetingRequest.objects.filter(fair=run.fair).values_list("pk", "sender__name_en"))
    receivers = dict(
        MeetingRequest.objects.filter(fair=run.fair).values_list("pk", "receiver__name_en")
    )
    unscheduled = [
        (names.get(int(m), "?"), receivers.get(int(m), "?"), REASONS.get(reason, reason))
        for m, reason in run.result.get("unscheduled", [])
    ]
    other = None
    if request.GET.get("with"):
        other = ScheduleRun.objects.filter(fair=run.fair, pk=request.GET["with"]).first()
    context = {
        "fair": run.fair,
        "run": run,
        "unscheduled": unscheduled,
        "other": other,
        "comparison": compare_runs(run, other) if other is not None else None,
        "others": ScheduleRun.objects.filter(fair=run.fair).exclude(pk=run.pk)[:10],
    }
    return render(request, "fair/schedule_run.html", context)


@login_required
@require_POST
def schedule_adopt(request, pk: int):
    run = _load_run(request, pk)
    try:
        count = adopt_run(run)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("fair:schedule-run", run.pk)
    messages.success(request, _("%(count)s meetings placed from this run.") % {"count": count})
    return redirect("fair:schedule", run.fair_id)


@login_required
@require_POST
def schedule_publish(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    try:
        publication = publish(fair, request.POST.get("kind", ""), by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        if publication is None:
            messages.info(request, _("Nothing changed since the last publication."))
        else:
            messages.success(request, _("The schedule is published; participants are told."))
    return redirect("fair:schedule", fair.pk)


def _load_meeting(request, pk: int) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("fair", "request__sender", "request__receiver"), pk=pk
    )
    allowed(request, "fair.manage_schedule", meeting.fair)
    return meeting


@login_required
@require_POST
def meeting_lock(request, pk: int):
    meeting = _load_meeting(request, pk)
    set_locked(meeting, request.POST.get("locked") == "1")
    return redirect("fair:schedule", meeting.fair_id)


@login_required
@require_POST
def meeting_move(request, pk: int):
    meeting = _load_meeting(request, pk)
    slot = ScheduleSlot.objects.filter(fair=meeting.fair, pk=request.POST.get("slot")).first()
    table = Table.objects.filter(fair=meeting.fair, pk=request.POST.get("table")).first()
    # Unless the form names another, the meeting keeps its interpreter.
    interpreter = meeting.interpreter
    if request.POST.get("interpreter"):
        interpreter = Interpreter.objects.filter(
            fair=meeting.fair, pk=request.POST["interpreter"]
        ).first()
    if slot is None or table is None:
        messages.error(request, _("Choose a slot and a table of this fair."))
        return redirect("fair:schedule", meeting.fair_id)
    try:
        move_meeting(meeting, slot=slot, table=table, interpreter=interpreter)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The meeting is moved."))
    return redirect("fair:schedule", meeting.fair_id)
