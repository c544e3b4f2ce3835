"""Part 2 of the fair's API (/api/v1/fairs/…): schedule runs, meetings, publishing, agendas,
the day (check-in, held / no-show, outcomes) and the organisers' exports.

Every operation parses, asks the same rule as the page (``rules.py``), calls the domain action
and serialises; no rule is written here. A move or a late meeting into a taken place is a 409
naming every conflict; other bad input is a 422 and changes nothing.
"""

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from amity.api import (
    BoundedPagination,
    InputSchema,
    QuerySchema,
    error_responses,
    get_or_404,
    require_perm,
)
from amity.api.errors import MAX_ID
from amity.fair.agenda_documents import agenda_pdf_bytes, start_all_agendas
from amity.fair.domain.agenda import agenda, feed_token, ics_feed
from amity.fair.domain.day import check_in, mark_meeting, record_outcome, side_of
from amity.fair.domain.publish import latest_publication, publish
from amity.fair.domain.schedule import (
    add_meeting,
    adopt_run,
    compare_runs,
    conflicts,
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
from amity.fair.reasons import UNSCHEDULED_REASONS
from amity.fair.schedule_tasks import start_schedule_run

router = Router(tags=["fair schedule"])


def _file(content_type: str, description: str) -> dict:
    """The OpenAPI description of a 200 that is a file rather than JSON."""
    return {
        "responses": {
            "200": {
                "description": description,
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


# --- Schemas -------------------------------------------------------------------------------


class JobRef(Schema):
    id: UUID
    status: str
    done: int
    total: int | None


class RunOut(Schema):
    id: int
    fair_id: int
    status: str
    input_hash: str
    seed: int
    time_limit: int
    max_break_spread: int | None
    keep_locked: bool
    engine_version: str
    error: str
    created_at: datetime
    finished_at: datetime | None
    # The preview's figures once finished: scheduled of requested, priority and its bound,
    # breaks, meetings per participant, interpreter use, unscheduled by reason.
    stats: dict[str, Any]
    job: JobRef | None = None


class RunIn(InputSchema):
    seed: int = Field(0, ge=0, le=2**31 - 1)
    time_limit: int = Field(30, ge=1, le=600)
    max_break_spread: int | None = Field(None, ge=0, le=32767)
    keep_locked: bool = True


class RunStartedOut(Schema):
    run: RunOut
    job_id: UUID
    job_url: str


class UnscheduledOut(Schema):
    request_id: int
    sender_id: int | None
    sender_name_en: str
    receiver_id: int | None
    receiver_name_en: str
    reason: str
    reason_text: str


class ComparisonOut(Schema):
    first: dict[str, Any]
    second: dict[str, Any]
    only_first: int
    only_second: int
    moved: int


class AdoptedOut(Schema):
    placed: int


class MeetingOut(Schema):
    id: int
    fair_id: int
    request_id: int
    uid: str
    sender_id: int
    sender_name_en: str
    sender_name_zh: str
    receiver_id: int
    receiver_name_en: str
    receiver_name_zh: str
    slot_id: int
    starts_at: datetime
    ends_at: datetime
    table_id: int
    table_number: int
    interpreter_id: int | None
    interpreter_name: str
    status: str
    locked: bool
    sequence: int


class MeetingQuery(QuerySchema):
    participant_id: int | None = Field(None, ge=1, le=MAX_ID)
    slot_id: int | None = Field(None, ge=1, le=MAX_ID)
    status: Literal["scheduled", "held", "no_show", "cancelled"] | None = None
    locked: bool | None = None


class PlaceIn(InputSchema):
    slot_id: int = Field(..., ge=1, le=MAX_ID)
    table_id: int = Field(..., ge=1, le=MAX_ID)
    # Absent: a moved meeting keeps its interpreter; null: none.
    interpreter_id: int | None = Field(None, ge=1, le=MAX_ID)


class LateMeetingIn(PlaceIn):
    request_id: int = Field(..., ge=1, le=MAX_ID)
    locked: bool = True


class ConflictOut(Schema):
    detail: str
    conflicts: list[str]


class PublishIn(InputSchema):
    kind: Literal["preliminary", "final"]
    run_id: int | None = Field(None, ge=1, le=MAX_ID)


class PublicationOut(Schema):
    id: int
    fair_id: int
    run_id: int | None
    kind: str
    published_at: datetime
    meetings: int


class AgendaEntryOut(Schema):
    meeting_id: int
    uid: str
    sequence: int
    starts_at: datetime
    ends_at: datetime
    table_number: int
    with_id: int
    with_name_en: str
    with_name_zh: str
    representatives: list[str]
    interpreter_name: str
    status: str


class AgendaOut(Schema):
    participant_id: int
    name_en: str
    name_zh: str
    time_zone: str
    published: str | None
    feed_url: str
    meetings: list[AgendaEntryOut]


class CheckInIn(InputSchema):
    code: str = Field(..., min_length=1, max_length=200)


class CheckInOut(Schema):
    attendee_id: int
    name_en: str
    name_zh: str
    checked_in_at: datetime
    participant_id: int | None


class MarkIn(InputSchema):
    status: Literal["held", "no_show", "scheduled"]


class OutcomeIn(InputSchema):
    rating: Literal["none", "follow_up", "negotiating", "agreement"]
    note: str = Field("", max_length=2000)


class OutcomeOut(Schema):
    id: int
    meeting_id: int
    participant_id: int
    rating: str
    note: str
    updated_at: datetime


class JobStartedOut(Schema):
    job_id: UUID
    job_url: str


# --- Loading under the rules ---------------------------------------------------------------


def _organiser_fair(request: HttpRequest, fair_id: int) -> Fair:
    fair = get_or_404(Fair.objects.select_related("event"), fair_id)
    require_perm(request, "fair.manage_schedule", fair)
    return fair


def _run(request: HttpRequest, fair_id: int, run_id: int) -> ScheduleRun:
    fair = _organiser_fair(request, fair_id)
    return get_or_404(ScheduleRun.objects.filter(fair=fair).select_related("fair", "job"), run_id)


MEETING_RELATED = ("slot", "table", "interpreter", "request__sender", "request__receiver", "fair")


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


# --- Serialising ---------------------------------------------------------------------------


def _run_out(run: ScheduleRun) -> dict:
    data = {name: getattr(run, name) for name in RunOut.model_fields if name != "job"}
    job = run.job
    data["job"] = (
        {"id": job.pk, "status": job.status, "done": job.done, "total": job.total} if job else None
    )
    return data


def _meeting_out(meeting: Meeting) -> dict:
    sender, receiver = meeting.request.sender, meeting.request.receiver
    return {
        "id": meeting.pk,
        "fair_id": meeting.fair_id,
        "request_id": meeting.request_id,
        "uid": meeting.uid,
        "sender_id": sender.pk,
        "sender_name_en": sender.name_en,
        "sender_name_zh": sender.name_zh,
        "receiver_id": receiver.pk,
        "receiver_name_en": receiver.name_en,
        "receiver_name_zh": receiver.name_zh,
        "slot_id": meeting.slot_id,
        "starts_at": meeting.slot.starts_at,
        "ends_at": meeting.slot.ends_at,
        "table_id": meeting.table_id,
        "table_number": meeting.table.number,
        "interpreter_id": meeting.interpreter_id,
        "interpreter_name": meeting.interpreter.name if meeting.interpreter_id else "",
        "status": meeting.status,
        "locked": meeting.locked,
        "sequence": meeting.sequence,
    }


def _fresh(meeting: Meeting) -> dict:
    return _meeting_out(Meeting.objects.select_related(*MEETING_RELATED).get(pk=meeting.pk))


class _Mapped:
    """A sequence the paginator slices; each page is converted after slicing, in bulk."""

    def __init__(self, items, convert_page) -> None:
        self.items, self.convert_page = items, convert_page

    def __len__(self) -> int:
        return len(self.items) if isinstance(self.items, list) else self.items.count()

    def __getitem__(self, index: slice) -> list:
        return self.convert_page(list(self.items[index]))


def _unscheduled_page(rows: list) -> list[dict]:
    ids = [int(request_id) for request_id, _reason in rows]
    sides = {
        pk: (sender_id, sender, receiver_id, receiver)
        for pk, sender_id, sender, receiver_id, receiver in MeetingRequest.objects.filter(
            pk__in=ids
        ).values_list("pk", "sender_id", "sender__name_en", "receiver_id", "receiver__name_en")
    }
    page = []
    for request_id, reason in rows:
        sender_id, sender, receiver_id, receiver = sides.get(int(request_id), (None, "", None, ""))
        page.append(
            {
                "request_id": int(request_id),
                "sender_id": sender_id,
                "sender_name_en": sender,
                "receiver_id": receiver_id,
                "receiver_name_en": receiver,
                "reason": reason,
                "reason_text": str(UNSCHEDULED_REASONS.get(reason, reason)),
            }
        )
    return page


# --- Schedule runs -------------------------------------------------------------------------


@router.get(
    "/{int:fair_id}/schedule-runs",
    response={200: list[RunOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_runs(request: HttpRequest, fair_id: int):
    """The fair's schedule runs, newest first (organisers)."""
    fair = _organiser_fair(request, fair_id)
    runs = (
        ScheduleRun.objects.filter(fair=fair).select_related("job").order_by("-created_at", "-pk")
    )
    return _Mapped(runs, lambda page: [_run_out(run) for run in page])


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
    return Status(
        202, {"run": _run_out(run), "job_id": job.pk, "job_url": f"/api/v1/jobs/{job.pk}"}
    )


@router.get(
    "/{int:fair_id}/schedule-runs/{int:run_id}",
    response={200: RunOut, **error_responses(401, 403, 404)},
)
def get_run(request: HttpRequest, fair_id: int, run_id: int):
    """A run with its status, its job's progress and, once finished, the preview's figures."""
    return _run_out(_run(request, fair_id, run_id))


@router.get(
    "/{int:fair_id}/schedule-runs/{int:run_id}/unscheduled",
    response={200: list[UnscheduledOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_unscheduled(request: HttpRequest, fair_id: int, run_id: int):
    """Every meeting the run left out, with its reason (no common free slot, interpreter
    shortage, table capacity, meeting cap, gave way to higher priority)."""
    run = _run(request, fair_id, run_id)
    return _Mapped(list(run.result.get("unscheduled", [])), _unscheduled_page)


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
    return _Mapped(meetings, lambda page: [_meeting_out(m) for m in page])


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
    found = conflicts(None, meeting_request, slot, table, interpreter)
    if found:
        return _conflict(found)
    meeting = add_meeting(
        meeting_request, slot=slot, table=table, interpreter=interpreter, locked=payload.locked
    )
    return Status(201, _fresh(meeting))


@router.post(
    "/{int:fair_id}/meetings/{int:meeting_id}/lock",
    response={200: MeetingOut, **error_responses(401, 403, 404)},
)
def lock(request: HttpRequest, fair_id: int, meeting_id: int):
    """Lock a meeting: a re-run keeps it where it is."""
    meeting = _meeting(request, fair_id, meeting_id, "fair.manage_schedule")
    return _meeting_out(set_locked(meeting, True))


@router.post(
    "/{int:fair_id}/meetings/{int:meeting_id}/unlock",
    response={200: MeetingOut, **error_responses(401, 403, 404)},
)
def unlock(request: HttpRequest, fair_id: int, meeting_id: int):
    meeting = _meeting(request, fair_id, meeting_id, "fair.manage_schedule")
    return _meeting_out(set_locked(meeting, False))


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
    found = conflicts(meeting, meeting.request, slot, table, interpreter)
    if found:
        return _conflict(found)
    return _fresh(move_meeting(meeting, slot=slot, table=table, interpreter=interpreter))


@router.post(
    "/{int:fair_id}/meetings/{int:meeting_id}/mark",
    response={200: MeetingOut, **error_responses(401, 403, 404, 422)},
)
def mark(request: HttpRequest, fair_id: int, meeting_id: int, payload: MarkIn):
    """Held or no-show, by either side or an organiser (or back to scheduled)."""
    meeting = _meeting(request, fair_id, meeting_id, "fair.mark_meeting")
    return _meeting_out(mark_meeting(meeting, payload.status))


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
    side = side_of(meeting, request.user)
    if side is None:
        require_perm(request, "fair.act_for_participant", None)
    return record_outcome(meeting, side, payload.rating, payload.note)


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


def _publication_out(publication) -> dict:
    return {
        "id": publication.pk,
        "fair_id": publication.fair_id,
        "run_id": publication.run_id,
        "kind": publication.kind,
        "published_at": publication.published_at,
        "meetings": len(publication.snapshot),
    }


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
        return Status(200, _publication_out(latest_publication(fair)))
    return Status(201, _publication_out(publication))


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
    return {
        "participant_id": participant.pk,
        "name_en": participant.name_en,
        "name_zh": participant.name_zh,
        "time_zone": participant.fair.event.time_zone,
        "published": publication.kind if publication else None,
        "feed_url": feed,
        "meetings": [
            {
                "meeting_id": e.meeting.pk,
                "uid": e.meeting.uid,
                "sequence": e.meeting.sequence,
                "starts_at": e.meeting.slot.starts_at,
                "ends_at": e.meeting.slot.ends_at,
                "table_number": e.meeting.table.number,
                "with_id": e.other.pk,
                "with_name_en": e.other.name_en,
                "with_name_zh": e.other.name_zh,
                "representatives": [r.name for r in e.representatives],
                "interpreter_name": e.meeting.interpreter.name if e.meeting.interpreter_id else "",
                "status": e.meeting.status,
            }
            for e in agenda(participant)
        ],
    }


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}/agenda/pdf",
    response=error_responses(401, 403, 404),
    openapi_extra=_file("application/pdf", "The agenda as a bilingual PDF."),
)
def get_agenda_pdf(request: HttpRequest, fair_id: int, participant_id: int):
    participant = _agenda_participant(request, fair_id, participant_id)
    response = HttpResponse(agenda_pdf_bytes(participant), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{participant.pk}.pdf"'
    return response


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}/agenda/ics",
    response=error_responses(401, 403, 404),
    openapi_extra=_file("text/calendar", "The agenda as iCalendar (one UID per meeting)."),
)
def get_agenda_ics(request: HttpRequest, fair_id: int, participant_id: int):
    participant = _agenda_participant(request, fair_id, participant_id)
    response = HttpResponse(ics_feed(participant), content_type="text/calendar; charset=utf-8")
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
    openapi_extra=_file(XLSX_TYPE, "Every meeting: slot, table, both sides, interpreter, status."),
)
def export_meetings(request: HttpRequest, fair_id: int):
    fair = _organiser_fair(request, fair_id)
    return _xlsx(meetings_xlsx(fair), f"meetings-{fair.pk}.xlsx")


@router.get(
    "/{int:fair_id}/exports/outcomes",
    response=error_responses(401, 403, 404, 422),
    openapi_extra=_file(XLSX_TYPE, "Every outcome: meeting, side, rating, note."),
)
def export_outcomes(request: HttpRequest, fair_id: int):
    fair = _organiser_fair(request, fair_id)
    return _xlsx(outcomes_xlsx(fair), f"outcomes-{fair.pk}.xlsx")
