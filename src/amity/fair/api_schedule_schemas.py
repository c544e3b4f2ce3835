"""Schemas and serialisers of the part-2 fair API (``fair/api_schedule.py``)."""

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from ninja import Field, Schema

from amity.api import InputSchema, QuerySchema
from amity.api.errors import MAX_ID
from amity.fair.models import Meeting, MeetingRequest, ScheduleRun
from amity.fair.reasons import UNSCHEDULED_REASONS


def file_response(content_type: str, description: str) -> dict:
    """The OpenAPI description of a 200 that is a file rather than JSON."""
    return {
        "responses": {
            "200": {
                "description": description,
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


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


# What ``meeting_out`` reads: loaded with the meetings, so a page of them takes one query.
MEETING_RELATED = ("slot", "table", "interpreter", "request__sender", "request__receiver", "fair")


def run_out(run: ScheduleRun) -> dict:
    data = {name: getattr(run, name) for name in RunOut.model_fields if name != "job"}
    job = run.job
    data["job"] = (
        {"id": job.pk, "status": job.status, "done": job.done, "total": job.total} if job else None
    )
    return data


def meeting_out(meeting: Meeting) -> dict:
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


def fresh_meeting_out(meeting: Meeting) -> dict:
    return meeting_out(Meeting.objects.select_related(*MEETING_RELATED).get(pk=meeting.pk))


def unscheduled_page(rows: list) -> list[dict]:
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


def publication_out(publication) -> dict:
    return {
        "id": publication.pk,
        "fair_id": publication.fair_id,
        "run_id": publication.run_id,
        "kind": publication.kind,
        "published_at": publication.published_at,
        "meetings": len(publication.snapshot),
    }


def agenda_out(participant, entries, publication, feed_url: str) -> dict:
    return {
        "participant_id": participant.pk,
        "name_en": participant.name_en,
        "name_zh": participant.name_zh,
        "time_zone": participant.fair.event.time_zone,
        "published": publication.kind if publication else None,
        "feed_url": feed_url,
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
            for e in entries
        ],
    }
