"""The organisers' schedule pages: start a run, preview and compare runs, adopt, edit, publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
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
from amity.fair.domain.schedule_list import PAGE_SIZE, schedule_meetings
from amity.fair.forms_schedule import ScheduleFilterForm
from amity.fair.models import (
    Interpreter,
    Meeting,
    MeetingRequest,
    MeetingStatus,
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


# The query-string keys a redirect after an edit keeps, so the organiser stays on its page.
LIST_KEYS = ("session", "table", "q", "status", "page")
# The run preview lists the unscheduled meetings this many at a time.
UNSCHEDULED_PAGE_SIZE = 100


@login_required
def schedule_view(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    settle_abandoned_runs(fair.pk)
    time_zone = fair.event.time_zone
    filter_form = ScheduleFilterForm(request.GET, fair=fair, time_zone=time_zone)
    meetings = schedule_meetings(fair, filter_form.filters())
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "fair": fair,
        # The runs' results (every placement) are read on the run page only.
        "runs": ScheduleRun.objects.filter(fair=fair).defer("result").order_by("-created_at")[:20],
        "filter_form": filter_form,
        "page": page,
        "back": _list_query(request.GET),
        "filtered": any(request.GET.get(key) for key in LIST_KEYS[:-1]),
        "publication": latest_publication(fair),
        **_move_form(fair, request.GET.get("move")),
    }
    return render(request, "fair/schedule.html", context)


def _move_form(fair, move: str | None) -> dict:
    """The one move form of the page, for the meeting chosen with a row's Move link."""
    chosen = None
    if move and move.isdigit():
        chosen = (
            Meeting.objects.filter(fair=fair, pk=int(move))
            .exclude(status=MeetingStatus.CANCELLED)
            .select_related("slot", "table", "request__sender", "request__receiver")
            .first()
        )
    if chosen is None:
        return {"moving": None}
    return {
        "moving": chosen,
        "slots": ScheduleSlot.objects.filter(fair=fair).order_by("starts_at"),
        "tables": Table.objects.filter(fair=fair).order_by("number"),
    }


def _list_query(params) -> str:
    """The list's filters and page as a query string, without anything else a form carried."""
    kept = QueryDict(mutable=True)
    for key in LIST_KEYS:
        if params.get(key):
            kept[key] = params[key]
    return kept.urlencode()


def _back_to_list(request, fair_id: int, *, moving: int | None = None):
    """Back to the list page the edit came from; after a refused move, with its form open."""
    query = _list_query(QueryDict(request.POST.get("back", "")))
    if moving is not None:
        query = f"{query}&move={moving}" if query else f"move={moving}"
    anchor = "#move" if moving is not None else ""
    url = reverse("fair:schedule", args=[fair_id])
    return redirect(f"{url}?{query}{anchor}" if query else url)


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
    page = Paginator(run.result.get("unscheduled", []), UNSCHEDULED_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    requests = MeetingRequest.objects.filter(
        fair=run.fair, pk__in=[int(m) for m, _reason in page.object_list]
    ).select_related("sender", "receiver")
    by_pk = {r.pk: r for r in requests}
    unscheduled = [
        (by_pk.get(int(m)), REASONS.get(reason, reason)) for m, reason in page.object_list
    ]
    other = None
    if request.GET.get("with", "").isdigit():
        other = ScheduleRun.objects.filter(fair=run.fair, pk=int(request.GET["with"])).first()
    context = {
        "fair": run.fair,
        "run": run,
        "unscheduled": unscheduled,
        "unscheduled_page": page,
        "other": other,
        "comparison": compare_runs(run, other) if other is not None else None,
        "others": ScheduleRun.objects.filter(fair=run.fair)
        .exclude(pk=run.pk)
        .defer("result", "stats")[:10],
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
    return _back_to_list(request, meeting.fair_id)


def _number(request, key: str) -> int | None:
    value = request.POST.get(key, "")
    return int(value) if value.isdigit() else None


@login_required
@require_POST
def meeting_move(request, pk: int):
    meeting = _load_meeting(request, pk)
    slot = ScheduleSlot.objects.filter(fair=meeting.fair, pk=_number(request, "slot")).first()
    table = Table.objects.filter(fair=meeting.fair, pk=_number(request, "table")).first()
    # Unless the form names another, the meeting keeps its interpreter.
    interpreter = meeting.interpreter
    if request.POST.get("interpreter"):
        interpreter = Interpreter.objects.filter(
            fair=meeting.fair, pk=_number(request, "interpreter")
        ).first()
    if slot is None or table is None:
        messages.error(request, _("Choose a slot and a table of this fair."))
        return _back_to_list(request, meeting.fair_id, moving=meeting.pk)
    try:
        move_meeting(meeting, slot=slot, table=table, interpreter=interpreter)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return _back_to_list(request, meeting.fair_id, moving=meeting.pk)
    messages.success(request, _("The meeting is moved."))
    return _back_to_list(request, meeting.fair_id)
