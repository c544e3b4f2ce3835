"""Part 2 of the fair's API (/api/v1/fairs/…): schedule runs, meetings, publishing, agendas,
the day (check-in, held / no-show, outcomes) and the organisers' exports.

Every operation parses, asks the same rule as the page (``rules.py``), calls the domain action
and serialises; no rule is written here. A move or a late meeting into a taken place is a 409
naming every conflict; other bad input is a 422 and changes nothing.
"""

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from amity.api import (
    BoundedPagination,
    MappedPages,
    error_responses,
    get_or_404,
    require_perm,
)
from amity.fair.agenda_documents import agenda_pdf_bytes, start_all_agendas
from amity.fair.api_schedule_schemas import (
    MEETING_RELATED,
    AdoptedOut,
    AgendaOut,
    CheckInIn,
    CheckInOut,
    ComparisonOut,
    ConflictOut,
    JobStartedOut,
    LateMeetingIn,
    MarkIn,
    MeetingOut,
    MeetingQuery,
    OutcomeIn,
    OutcomeOut,
    PlaceIn,
    PublicationOut,
    PublishIn,
    RunIn,
    RunOut,
    RunStartedOut,
    UnscheduledOut,
    agenda_out,
    file_response,
    fresh_meeting_out,
    meeting_out,
    publication_out,
    run_out,
    unscheduled_page,
)
from amity.fair.calendar_cache import cached_feed
from amity.fair.domain.agenda import agenda, feed_token, ics_feed
from amity.fair.domain.day import check_in, mark_meeting, record_outcome_as
from amity.fair.domain.publish import latest_publication, publish
from amity.fair.domain.schedule import (
    PlaceTaken,
    add_meeting,
    adopt_run,
    compare_runs,
    move_meeting,
    new_run,
    set_locked,
)
from amity.fair.exports import XLSX_TYPE, meetings_xlsx, outcomes_xlsx
from amity.fair.models import (
    Fair,
    Interpreter,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    Participant,
    ScheduleRun,
    ScheduleSlot,
    Table,
)
from amity.fair.schedule_tasks import settle_abandoned_runs, start_schedule_run

router = Router(tags=["fair schedule"])


# --- Loading under the rules ---------------------------------------------------------------


def _organiser_fair(request: HttpRequest, fair_id: int) -> Fair:
    fair = get_or_404(Fair.objects.select_related("event"), fair_id)
    require_perm(request, "fair.manage_schedule", fair)
    return fair


def _run(request: HttpRequest, fair_id: int, run_id: int) -> ScheduleRun:
    fair = _organiser_fair(request, fair_id)
    settle_abandoned_runs(fair.pk)
    return get_or_404(ScheduleRun.objects.filter(fair=fair).select_related("fair", "job"), run_id)


def _meeting(request: HttpRequest, fair_id: int, meeting_id: int, perm: str) -> Meeting:
    meeting = get_or_404(
        Meeting.objects.filter(fair_id=fair_id).select_related(*MEETING_RELATED), meeting_id
    )
    require_perm(request, perm, meeting)
    return meeting


def _agenda_participant(request: HttpRequest, fair_id: int, participant_id: int) -> Participant:
    participant = get_or_404(
        Participant.objects.filter(fair_id=fair_id).select_related("fair__event"), participant_id
    )
    require_perm(request, "fair.view_agenda", participant)
    return participant


def _place(fair: Fair, payload: PlaceIn):
    slot = get_or_404(ScheduleSlot.objects.filter(fair=fair), payload.slot_id)
    table = get_or_404(Table.objects.filter(fair=fair), payload.table_id)
    interpreter = None
    if payload.interpreter_id is not None:
        interpreter = get_or_404(Interpreter.objects.filter(fair=fair), payload.interpreter_id)
    return slot, table, interpreter


def _conflict(found: list[str]) -> Status:
    return Status(409, {"detail": _("The place is taken; nothing changed."), "conflicts": found})


# --- Schedule runs -------------------------------------------------------------------------


@router.get(
    "/{int:fair_id}/schedule-runs",
    response={200: list[RunOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_runs(request: HttpRequest, fair_id: int):
    """The fair's schedule runs, newest first (organisers)."""
    fair = _organiser_fair(request, fair_id)
    settle_abandoned_runs(fair.pk)
    runs = (
        ScheduleRun.objects.filter(fair=fair).select_related("job").order_by("-created_at", "-pk")
    )
    return MappedPages(runs, lambda page: [run_out(run) for run in page])


@router.post(
    "/{int:fair_id}/schedule-runs",
    response={202: RunStartedOut, **error_responses(401, 403, 404, 422)},
)
def start_run(request: HttpRequest, fair_id: int, payload: RunIn):
    """Start a run as a background job; follow its progress at ``job_url``."""
    fair = _organiser_fair(request, fair_id)
    run = new_run(fair, started_by=request.user, **payload.dict())
    job = start_schedule_run(run, request.user)
    run.job = job
    return Status(202, {"run": run_out(run), "job_id": job.pk, "job_url": f"/api/v1/jobs/{job.pk}"})


@router.get(
    "/{int:fair_id}/schedule-runs/{int:run_id}",
    response={200: RunOut, **error_responses(401, 403, 404)},
)
def get_run(request: HttpRequest, fair_id: int, run_id: int):
    """A run with its status, its job's progress and, once finished, the preview's figures."""
    return run_out(_run(request, fair_id, run_id))


@router.get(
    "/{int:fair_id}/schedule-runs/{int:run_id}/unscheduled",
    response={200: list[UnscheduledOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_unscheduled(request: HttpRequest, fair_id: int, run_id: int):
    """Every meeting the run left out, with its reason (no common free slot, interpreter
    shortage, table capacity, meeting cap, gave way to higher priority)."""
    run = _run(request, fair_id, run_id)
    return MappedPages(list(run.result.get("unscheduled", [])), unscheduled_page)


@router.get(
    "/{int:fair_id}/schedule-runs/{int:run_id}/compare/{int:other_id}",
    response={200: ComparisonOut, **error_responses(401, 403, 404)},
)
def compare(request: HttpRequest, fair_id: int, run_id: int, other_id: int):
    """Two runs side by side: both runs' figures, meetings only in one, meetings moved."""
    run = _run(request, fair_id, run_id)
    other = get_or_404(ScheduleRun.objects.filter(fair_id=fair_id), other_id)
    return compare_runs(run, other)


@router.post(
    "/{int:fair_id}/schedule-runs/{int:run_id}/adopt",
    response={200: AdoptedOut, **error_responses(401, 403, 404, 409, 422)},
)
def adopt(request: HttpRequest, fair_id: int, run_id: int):
    """Make a finished run the live schedule (locked, held and no-show meetings stay)."""
    return {"placed": adopt_run(_run(request, fair_id, run_id))}


# --- Meetings ------------------------------------------------------------------------------


@router.get(
    "/{int:fair_id}/meetings",
    response={200: list[MeetingOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_meetings(request: HttpRequest, fair_id: int, filters: Query[MeetingQuery]):
    """The fair's meetings in time and table order, filtered by participant, slot, status or
    lock (organisers; a participant reads its own agenda)."""
    fair = _organiser_fair(request, fair_id)
    meetings = Meeting.objects.filter(fair=fair).select_related(*MEETING_RELATED)
    if filters.participant_id is not None:
        meetings = meetings.filter(
            Q(request__sender_id=filters.participant_id)
            | Q(request__receiver_id=filters.participant_id)
        )
    if filters.slot_id is not None:
        meetings = meetings.filter(slot_id=filters.slot_id)
    if filters.status is not None:
        meetings = meetings.filter(status=filters.status)
    if filters.locked is not None:
        meetings = meetings.filter(locked=filters.locked)
    meetings = meetings.order_by("slot__starts_at", "table__number", "pk")
    return MappedPages(meetings, lambda page: [meeting_out(m) for m in page])


@router.post(
    "/{int:fair_id}/meetings",
    response={201: MeetingOut, 409: ConflictOut, **error_responses(401, 403, 404, 422)},
)
def create_late_meeting(request: HttpRequest, fair_id: int, payload: LateMeetingIn):
    """Place an accepted request by hand (a late meeting), locked unless told otherwise."""
    fair = _organiser_fair(request, fair_id)
    meeting_request = get_or_404(
        MeetingRequest.objects.filter(fair=fair).select_related("sender", "receiver", "fair"),
        payload.request_id,
    )
    slot, table, interpreter = _place(fair, payload)
    try:
        meeting = add_meeting(
            meeting_request, slot=slot, table=table, interpreter=interpreter, locked=payload.locked
        )
    except PlaceTaken as error:
        return _conflict(error.messages)
    return Status(201, fresh_meeting_out(meeting))


@router.post(
    "/{int:fair_id}/meetings/{int:meeting_id}/lock",
    response={200: MeetingOut, **error_responses(401, 403, 404)},
)
def lock(request: HttpRequest, fair_id: int, meeting_id: int):
    """Lock a meeting: a re-run keeps it where it is."""
    meeting = _meeting(request, fair_id, meeting_id, "fair.manage_schedule")
    return meeting_out(set_locked(meeting, True))


@router.post(
    "/{int:fair_id}/meetings/{int:meeting_id}/unlock",
    response={200: MeetingOut, **error_responses(401, 403, 404)},
)
def unlock(request: HttpRequest, fair_id: int, meeting_id: int):
    meeting = _meeting(request, fair_id, meeting_id, "fair.manage_schedule")
    return meeting_out(set_locked(meeting, False))


@router.post(
    "/{int:fair_id}/meetings/{int:meeting_id}/move",
    response={200: MeetingOut, 409: ConflictOut, **error_responses(401, 403, 404, 422)},
)
def move(request: HttpRequest, fair_id: int, meeting_id: int, payload: PlaceIn):
    """Move a meeting to another slot or table; a taken one is a 409 naming each conflict.

    The calendar entry keeps its UID and its SEQUENCE rises, so subscribed calendars update.
    """
    meeting = _meeting(request, fair_id, meeting_id, "fair.manage_schedule")
    slot, table, interpreter = _place(meeting.fair, payload)
    if "interpreter_id" not in payload.model_fields_set:
        interpreter = meeting.interpreter
    try:
        moved = move_meeting(meeting, slot=slot, table=table, interpreter=interpreter)
    except PlaceTaken as error:
        return _conflict(error.messages)
    return fresh_meeting_out(moved)


@router.post(
    "/{int:fair_id}/meetings/{int:meeting_id}/mark",
    response={200: MeetingOut, **error_responses(401, 403, 404, 422)},
)
def mark(request: HttpRequest, fair_id: int, meeting_id: int, payload: MarkIn):
    """Held or no-show, by either side or an organiser (or back to scheduled)."""
    meeting = _meeting(request, fair_id, meeting_id, "fair.mark_meeting")
    return meeting_out(mark_meeting(meeting, payload.status))


@router.get(
    "/{int:fair_id}/meetings/{int:meeting_id}/outcomes",
    response={200: list[OutcomeOut], **error_responses(401, 403, 404)},
)
def meeting_outcomes(request: HttpRequest, fair_id: int, meeting_id: int):
    """Both sides' answers about one meeting (the sides and organisers)."""
    meeting = _meeting(request, fair_id, meeting_id, "fair.view_outcome")
    return list(MeetingOutcome.objects.filter(meeting=meeting).order_by("participant_id"))


@router.post(
    "/{int:fair_id}/meetings/{int:meeting_id}/outcomes",
    response={200: OutcomeOut, **error_responses(401, 403, 404, 422)},
)
def record(request: HttpRequest, fair_id: int, meeting_id: int, payload: OutcomeIn):
    """Your side's answer about a held meeting; a second answer replaces the first."""
    meeting = _meeting(request, fair_id, meeting_id, "fair.record_outcome")
    return record_outcome_as(meeting, request.user, payload.rating, payload.note)


@router.get(
    "/{int:fair_id}/outcomes",
    response={200: list[OutcomeOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_outcomes(request: HttpRequest, fair_id: int):
    """Every answer of the fair, in meeting order (organisers)."""
    fair = _organiser_fair(request, fair_id)
    return MeetingOutcome.objects.filter(meeting__fair=fair).order_by(
        "meeting_id", "participant_id"
    )


# --- Publishing ----------------------------------------------------------------------------


@router.post(
    "/{int:fair_id}/publications",
    response={
        201: PublicationOut,
        200: PublicationOut,
        **error_responses(401, 403, 404, 422),
    },
)
def publish_schedule(request: HttpRequest, fair_id: int, payload: PublishIn):
    """Publish the live schedule (preliminary, then final); participants are told.

    201: published. 200: nothing changed since the same kind was published (a no-op; the body
    is that publication).
    """
    fair = _organiser_fair(request, fair_id)
    run = None
    if payload.run_id is not None:
        run = get_or_404(ScheduleRun.objects.filter(fair=fair), payload.run_id)
    publication = publish(fair, payload.kind, by=request.user, run=run)
    if publication is None:
        return Status(200, publication_out(latest_publication(fair, with_snapshot=True)))
    return Status(201, publication_out(publication))


# --- Agendas -------------------------------------------------------------------------------


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}/agenda",
    response={200: AgendaOut, **error_responses(401, 403, 404)},
)
def get_agenda(request: HttpRequest, fair_id: int, participant_id: int):
    """A participant's meetings in time order, with its private calendar-feed address."""
    participant = _agenda_participant(request, fair_id, participant_id)
    publication = latest_publication(participant.fair)
    feed = request.build_absolute_uri(
        reverse("fair:ics-feed", args=[feed_token(participant).token])
    )
    return agenda_out(participant, agenda(participant), publication, feed)


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}/agenda/pdf",
    response=error_responses(401, 403, 404),
    openapi_extra=file_response("application/pdf", "The agenda as a bilingual PDF."),
)
def get_agenda_pdf(request: HttpRequest, fair_id: int, participant_id: int):
    participant = _agenda_participant(request, fair_id, participant_id)
    response = HttpResponse(agenda_pdf_bytes(participant), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{participant.pk}.pdf"'
    return response


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}/agenda/ics",
    response=error_responses(401, 403, 404),
    openapi_extra=file_response("text/calendar", "The agenda as iCalendar (one UID per meeting)."),
)
def get_agenda_ics(request: HttpRequest, fair_id: int, participant_id: int):
    participant = _agenda_participant(request, fair_id, participant_id)
    response = HttpResponse(
        cached_feed(participant, ics_feed), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="agenda-{participant.pk}.ics"'
    return response


@router.post(
    "/{int:fair_id}/agendas/all",
    response={202: JobStartedOut, **error_responses(401, 403, 404)},
)
def start_all(request: HttpRequest, fair_id: int):
    """Every participant's agenda in one PDF for the welcome desk, made as a background job;
    the finished job's ``result.url`` is the download (organisers)."""
    job = start_all_agendas(_organiser_fair(request, fair_id), request.user)
    return Status(202, {"job_id": job.pk, "job_url": f"/api/v1/jobs/{job.pk}"})


# --- The day -------------------------------------------------------------------------------


@router.post(
    "/{int:fair_id}/checkin",
    response={200: CheckInOut, **error_responses(401, 403, 404, 422)},
)
def checkin(request: HttpRequest, fair_id: int, payload: CheckInIn):
    """Check in the badge whose QR code is ``code`` (a badge of another event is a 422)."""
    fair = _organiser_fair(request, fair_id)
    attendee, participant = check_in(fair, payload.code)
    return {
        "attendee_id": attendee.pk,
        "name_en": attendee.name_en,
        "name_zh": attendee.name_zh,
        "checked_in_at": attendee.checked_in_at,
        "participant_id": participant.pk if participant else None,
    }


# --- Exports -------------------------------------------------------------------------------


def _xlsx(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get(
    "/{int:fair_id}/exports/meetings",
    response=error_responses(401, 403, 404, 422),
    openapi_extra=file_response(
        XLSX_TYPE, "Every meeting: slot, table, both sides, interpreter, status."
    ),
)
def export_meetings(request: HttpRequest, fair_id: int):
    fair = _organiser_fair(request, fair_id)
    return _xlsx(meetings_xlsx(fair), f"meetings-{fair.pk}.xlsx")


@router.get(
    "/{int:fair_id}/exports/outcomes",
    response=error_responses(401, 403, 404, 422),
    openapi_extra=file_response(XLSX_TYPE, "Every outcome: meeting, side, rating, note."),
)
def export_outcomes(request: HttpRequest, fair_id: int):
    fair = _organiser_fair(request, fair_id)
    return _xlsx(outcomes_xlsx(fair), f"outcomes-{fair.pk}.xlsx")
