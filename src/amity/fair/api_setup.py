"""Set-up routes of the fair API: sessions, tables, interpreters (organisers), and a
participant's representatives and unavailable slots (its members and organisers).

The same domain actions and rules as the set-up pages. A refused removal (meetings are
scheduled there) answers 422 naming the record.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.responses import Status

from amity.api import InputSchema, PatchSchema, error_responses, get_or_404, require_perm
from amity.api.errors import MAX_ID
from amity.fair.domain import (
    add_interpreter,
    add_representative,
    add_session,
    add_table,
    remove_interpreter,
    remove_representative,
    remove_session,
    remove_table,
    set_interpreter_languages,
    set_interpreter_sessions,
    set_unavailability,
)
from amity.fair.models import Fair, FairSession, Interpreter, Participant, Representative, Table

router = Router(tags=["fair"])


class FairSetupOut(Schema):
    id: int
    slot_minutes: int
    pause_minutes: int
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    request_deadline: datetime | None
    request_expiry_days: int
    max_meetings: int
    max_pending_requests: int
    approval_required: bool


class FairSetupPatch(PatchSchema):
    """The set-up action's fields (``FAIR_FIELDS``); the model's validators bound them."""

    slot_minutes: int = Field(None, ge=0, le=32767)
    pause_minutes: int = Field(None, ge=0, le=32767)
    registration_opens_at: datetime | None = None
    registration_closes_at: datetime | None = None
    request_deadline: datetime | None = None
    request_expiry_days: int = Field(None, ge=0, le=32767)
    max_meetings: int = Field(None, ge=0, le=32767)
    max_pending_requests: int = Field(None, ge=0, le=32767)
    approval_required: bool = None


class SessionOut(Schema):
    id: int
    part: str
    starts_at: datetime
    ends_at: datetime


class SessionIn(InputSchema):
    part: str = Field(..., max_length=10)
    starts_at: datetime
    ends_at: datetime


class TableOut(Schema):
    id: int
    number: int
    exhibitor_id: int | None


class TableIn(InputSchema):
    number: int = Field(..., ge=-32768, le=32767)
    exhibitor_id: int | None = None


class InterpreterOut(Schema):
    id: int
    name: str
    languages: list[str]
    session_ids: list[int]
    is_demo: bool

    @staticmethod
    def resolve_session_ids(interpreter: Interpreter) -> list[int]:
        return [session.pk for session in interpreter.sessions.all()]


class InterpreterIn(InputSchema):
    name: str = Field(..., max_length=200)
    languages: list[str] = Field(..., max_length=20)
    # Ids the database can hold: a larger number names no session (a 404, not an overflow).
    session_ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(
        default_factory=list, max_length=100
    )


class InterpreterPatch(InputSchema):
    languages: list[Annotated[str, Field(max_length=10)]] = Field(..., max_length=20)


class RepresentativeOut(Schema):
    id: int
    name: str
    title: str
    email: str
    phone: str
    is_demo: bool


class RepresentativeIn(InputSchema):
    name: str = Field(..., max_length=200)
    title: str = Field("", max_length=200)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=50)


class SlotRef(Schema):
    session_id: int
    slot: int = Field(..., ge=0, le=1000)


class AvailabilityOut(Schema):
    max_meetings: int
    unavailable: list[SlotRef]


class AvailabilityIn(InputSchema):
    unavailable: list[SlotRef] = Field(..., max_length=2000)


def event_time(fair: Fair, value):
    """A time without an offset is the event's local time, as the pages read it."""
    if isinstance(value, datetime) and timezone.is_naive(value):
        return timezone.make_aware(value, fair.event.tz)
    return value


def _managed_fair(request: HttpRequest, fair_id: int) -> Fair:
    fair = get_or_404(Fair.objects.select_related("event"), fair_id)
    require_perm(request, "fair.manage_fair", fair)
    return fair


def _changeable(request: HttpRequest, fair_id: int, participant_id: int) -> Participant:
    participant = get_or_404(
        Participant.objects.filter(fair_id=fair_id).select_related("fair"), participant_id
    )
    require_perm(request, "fair.change_participant", participant)
    return participant


@router.get(
    "/{int:fair_id}/sessions",
    response={200: list[SessionOut], **error_responses(401, 403, 404)},
)
def list_sessions(request: HttpRequest, fair_id: int):
    """The fair's sessions in time order; anyone who may browse the fair reads them."""
    fair = get_or_404(Fair, fair_id)
    require_perm(request, "fair.view_fair", fair)
    return list(fair.sessions.all())


@router.post(
    "/{int:fair_id}/sessions",
    response={201: SessionOut, **error_responses(401, 403, 404, 422)},
)
def create_session(request: HttpRequest, fair_id: int, payload: SessionIn):
    """Add a morning or afternoon; 422 when it ends before it starts or overlaps another.

    Times without an offset are read in the event's time zone, as the page reads them.
    """
    fair = _managed_fair(request, fair_id)
    return Status(
        201,
        add_session(
            fair,
            part=payload.part,
            starts_at=event_time(fair, payload.starts_at),
            ends_at=event_time(fair, payload.ends_at),
        ),
    )


@router.delete(
    "/{int:fair_id}/sessions/{int:session_id}",
    response={204: None, **error_responses(401, 403, 404, 422)},
)
def delete_session(request: HttpRequest, fair_id: int, session_id: int):
    fair = _managed_fair(request, fair_id)
    remove_session(get_or_404(FairSession.objects.filter(fair=fair), session_id))
    return Status(204, None)


@router.get(
    "/{int:fair_id}/tables",
    response={200: list[TableOut], **error_responses(401, 403, 404)},
)
def list_tables(request: HttpRequest, fair_id: int):
    return list(_managed_fair(request, fair_id).tables.all())


@router.post(
    "/{int:fair_id}/tables",
    response={201: TableOut, **error_responses(401, 403, 404, 422)},
)
def create_table(request: HttpRequest, fair_id: int, payload: TableIn):
    """Add a numbered table, optionally the fixed table of an exhibitor of this fair."""
    fair = _managed_fair(request, fair_id)
    exhibitor = None
    if payload.exhibitor_id is not None:
        exhibitor = get_or_404(Participant.objects.filter(fair=fair), payload.exhibitor_id)
    return Status(201, add_table(fair, number=payload.number, exhibitor=exhibitor))


@router.delete(
    "/{int:fair_id}/tables/{int:table_id}",
    response={204: None, **error_responses(401, 403, 404, 422)},
)
def delete_table(request: HttpRequest, fair_id: int, table_id: int):
    fair = _managed_fair(request, fair_id)
    remove_table(get_or_404(Table.objects.filter(fair=fair), table_id))
    return Status(204, None)


@router.get(
    "/{int:fair_id}/interpreters",
    response={200: list[InterpreterOut], **error_responses(401, 403, 404)},
)
def list_interpreters(request: HttpRequest, fair_id: int):
    fair = _managed_fair(request, fair_id)
    return list(fair.interpreters.prefetch_related("sessions"))


@router.post(
    "/{int:fair_id}/interpreters",
    response={201: InterpreterOut, **error_responses(401, 403, 404, 422)},
)
def create_interpreter(request: HttpRequest, fair_id: int, payload: InterpreterIn):
    """Add an interpreter with two or more languages and the sessions they work in."""
    fair = _managed_fair(request, fair_id)
    interpreter = add_interpreter(
        fair,
        name=payload.name,
        languages=payload.languages,
        sessions=_sessions(payload.session_ids),
    )
    return Status(201, interpreter)


def _sessions(ids: list[int]) -> list[FairSession]:
    """The sessions named; sessions of another fair are refused by the action's rule (422),
    not silently dropped; an id that names no session is a 404."""
    sessions = list(FairSession.objects.filter(pk__in=ids))
    missing = set(ids) - {session.pk for session in sessions}
    if missing:
        get_or_404(FairSession, min(missing))
    return sessions


class SessionIdsIn(InputSchema):
    session_ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(..., max_length=100)


@router.put(
    "/{int:fair_id}/interpreters/{int:interpreter_id}/sessions",
    response={200: InterpreterOut, **error_responses(401, 403, 404, 422)},
)
def put_interpreter_sessions(
    request: HttpRequest, fair_id: int, interpreter_id: int, payload: SessionIdsIn
):
    """Replace the sessions the interpreter works in (422 if one with their meetings goes)."""
    fair = _managed_fair(request, fair_id)
    interpreter = get_or_404(Interpreter.objects.filter(fair=fair), interpreter_id)
    return set_interpreter_sessions(interpreter, _sessions(payload.session_ids))


@router.patch(
    "/{int:fair_id}/interpreters/{int:interpreter_id}",
    response={200: InterpreterOut, **error_responses(401, 403, 404, 422)},
)
def patch_interpreter(
    request: HttpRequest, fair_id: int, interpreter_id: int, payload: InterpreterPatch
):
    """Change the languages the interpreter works between (ISO 639 codes, two at least)."""
    fair = _managed_fair(request, fair_id)
    interpreter = get_or_404(Interpreter.objects.filter(fair=fair), interpreter_id)
    set_interpreter_languages(interpreter, payload.languages)
    return Interpreter.objects.prefetch_related("sessions").get(pk=interpreter.pk)


@router.delete(
    "/{int:fair_id}/interpreters/{int:interpreter_id}",
    response={204: None, **error_responses(401, 403, 404, 422)},
)
def delete_interpreter(request: HttpRequest, fair_id: int, interpreter_id: int):
    fair = _managed_fair(request, fair_id)
    remove_interpreter(get_or_404(Interpreter.objects.filter(fair=fair), interpreter_id))
    return Status(204, None)


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}/representatives",
    response={200: list[RepresentativeOut], **error_responses(401, 403, 404)},
)
def list_representatives(request: HttpRequest, fair_id: int, participant_id: int):
    """The people who attend the participant's meetings, for its members and organisers."""
    return list(_changeable(request, fair_id, participant_id).representatives.all())


@router.post(
    "/{int:fair_id}/participants/{int:participant_id}/representatives",
    response={201: RepresentativeOut, **error_responses(401, 403, 404, 422)},
)
def create_representative(
    request: HttpRequest, fair_id: int, participant_id: int, payload: RepresentativeIn
):
    participant = _changeable(request, fair_id, participant_id)
    return Status(201, add_representative(participant, **payload.dict()))


@router.delete(
    "/{int:fair_id}/participants/{int:participant_id}/representatives/{int:representative_id}",
    response={204: None, **error_responses(401, 403, 404)},
)
def delete_representative(
    request: HttpRequest, fair_id: int, participant_id: int, representative_id: int
):
    participant = _changeable(request, fair_id, participant_id)
    queryset = Representative.objects.filter(participant=participant)
    remove_representative(get_or_404(queryset, representative_id))
    return Status(204, None)


def _availability(participant: Participant) -> dict:
    rows = participant.unavailable_slots.order_by("session_id", "slot")
    return {
        "max_meetings": participant.max_meetings,
        "unavailable": [
            {"session_id": session_id, "slot": slot}
            for session_id, slot in rows.values_list("session_id", "slot")
        ],
    }


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}/availability",
    response={200: AvailabilityOut, **error_responses(401, 403, 404)},
)
def get_availability(request: HttpRequest, fair_id: int, participant_id: int):
    """The slots the participant cannot meet in (slot numbers count from 0 per session)."""
    return _availability(_changeable(request, fair_id, participant_id))


@router.put(
    "/{int:fair_id}/participants/{int:participant_id}/availability",
    response={200: AvailabilityOut, **error_responses(401, 403, 404, 422)},
)
def put_availability(
    request: HttpRequest, fair_id: int, participant_id: int, payload: AvailabilityIn
):
    """Replace the unavailable slots; an unknown session or slot is a 422, nothing changed."""
    participant = _changeable(request, fair_id, participant_id)
    set_unavailability(participant, [(ref.session_id, ref.slot) for ref in payload.unavailable])
    return _availability(participant)
