"""Follow-up routes of the fair API: freed-slot offers, the second-stage survey, outcomes
over time. The same domain actions and rules as the pages."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from amity.api import BoundedPagination, InputSchema, error_responses, get_or_404, require_perm
from amity.fair.domain.freed_slots import accept_offer, offer_status
from amity.fair.domain.outcomes_report import outcomes_by_month, outcomes_per_group
from amity.fair.domain.survey import answer_meeting, check_survey_open, survey_status
from amity.fair.models import (
    Fair,
    FollowUpResult,
    FreedSlot,
    Meeting,
    Participant,
    SlotOffer,
)
from amity.fair.survey_tasks import start_survey

router = Router(tags=["fair"])


class OfferOut(Schema):
    id: int
    freed_slot_id: int
    request_id: int
    slot_id: int
    starts_at: datetime
    expires_at: datetime
    status: str


class FreedSlotOut(Schema):
    id: int
    slot_id: int
    starts_at: datetime
    source_meeting_id: int
    state: str
    expires_at: datetime
    filled_by_id: int | None
    offered_request_ids: list[int]


class MeetingOut(Schema):
    id: int
    request_id: int
    slot_id: int
    table_id: int
    interpreter_id: int | None
    status: str
    sequence: int


class SurveyStatusOut(Schema):
    survey_after_days: int
    opens_on: date
    eligible: int
    invited: int
    reminded: int
    answered: int


class JobStartedOut(Schema):
    job_id: str


class FollowUpIn(InputSchema):
    result: FollowUpResult
    note: str = ""


class FollowUpOut(Schema):
    meeting_id: int
    participant_id: int
    result: str
    note: str


class MonthOut(Schema):
    month: date
    first: dict[str, int]
    second: dict[str, int]


class GroupOut(Schema):
    label_en: str
    label_zh: str
    held: int
    first_positive: int
    second_positive: int


class SectorOut(GroupOut):
    code: str


class OutcomesReportOut(Schema):
    months: list[MonthOut]
    sectors: list[SectorOut]
    cities: list[GroupOut]


def _fair(request: HttpRequest, fair_id: int, perm: str = "fair.manage_schedule") -> Fair:
    fair = get_or_404(Fair.objects.select_related("event"), fair_id)
    require_perm(request, perm, fair)
    return fair


def _offer_out(offer: SlotOffer) -> dict:
    freed = offer.freed_slot
    return {
        "id": offer.pk,
        "freed_slot_id": freed.pk,
        "request_id": offer.request_id,
        "slot_id": freed.slot_id,
        "starts_at": freed.slot.starts_at,
        "expires_at": freed.expires_at,
        "status": offer_status(offer),
    }


@router.get(
    "/{int:fair_id}/freed-slots",
    response={200: list[FreedSlotOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_freed_slots(request: HttpRequest, fair_id: int):
    fair = _fair(request, fair_id)
    rows = (
        FreedSlot.objects.filter(fair=fair)
        .select_related("slot")
        .prefetch_related("offers")
        .order_by("-created_at", "-pk")
    )
    return _Converted(rows, _freed_out)


def _freed_out(freed: FreedSlot) -> dict:
    return {
        "id": freed.pk,
        "slot_id": freed.slot_id,
        "starts_at": freed.slot.starts_at,
        "source_meeting_id": freed.source_id,
        "state": freed.state,
        "expires_at": freed.expires_at,
        "filled_by_id": freed.filled_by_id,
        "offered_request_ids": [o.request_id for o in freed.offers.all()],
    }


class _Converted:
    """A query the paginator slices before each row is turned into its output."""

    def __init__(self, rows, convert) -> None:
        self.rows, self.convert = rows, convert

    def __len__(self) -> int:
        return self.rows.count()

    def __getitem__(self, index: slice) -> list:
        return [self.convert(row) for row in self.rows[index]]


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}/slot-offers",
    response={200: list[OfferOut], **error_responses(401, 403, 404)},
)
def list_slot_offers(request: HttpRequest, fair_id: int, participant_id: int):
    """Offers made to the participant's pairs, newest first (the last 50)."""
    participant = get_or_404(Participant.objects.filter(fair_id=fair_id), participant_id)
    require_perm(request, "fair.view_agenda", participant)
    offers = (
        SlotOffer.objects.filter(freed_slot__fair_id=fair_id)
        .filter(request__in=participant.sent_requests.all() | participant.received_requests.all())
        .select_related("freed_slot__slot", "request")
        .order_by("-created_at", "-pk")[:50]
    )
    return [_offer_out(offer) for offer in offers]


@router.post(
    "/{int:fair_id}/slot-offers/{int:offer_id}/accept",
    response={200: MeetingOut, **error_responses(401, 403, 404, 409, 422)},
)
def accept_slot_offer(request: HttpRequest, fair_id: int, offer_id: int):
    """Take the freed slot for the pair; a later accept of the same slot is refused (422)."""
    offer = get_or_404(
        SlotOffer.objects.filter(freed_slot__fair_id=fair_id).select_related(
            "request__sender", "request__receiver", "request__fair", "freed_slot__slot"
        ),
        offer_id,
    )
    require_perm(request, "fair.accept_offer", offer)
    return accept_offer(offer)


@router.get(
    "/{int:fair_id}/survey",
    response={200: SurveyStatusOut, **error_responses(401, 403, 404)},
)
def get_survey(request: HttpRequest, fair_id: int):
    fair = _fair(request, fair_id)
    return {"survey_after_days": fair.survey_after_days, **survey_status(fair)}


@router.post(
    "/{int:fair_id}/survey/send",
    response={202: JobStartedOut, **error_responses(401, 403, 404, 422)},
)
def send_survey_now(request: HttpRequest, fair_id: int):
    """Start sending as a job (follow it at /api/v1/jobs/{job_id}); nothing goes out twice."""
    fair = _fair(request, fair_id)
    check_survey_open(fair)
    return Status(202, {"job_id": str(start_survey(fair, request.user).pk)})


@router.put(
    "/{int:fair_id}/meetings/{int:meeting_id}/follow-up",
    response={200: FollowUpOut, **error_responses(401, 403, 404, 422)},
)
def put_follow_up(request: HttpRequest, fair_id: int, meeting_id: int, payload: FollowUpIn):
    """The second-stage answer of the caller's side of a held meeting."""
    meeting = get_or_404(
        Meeting.objects.filter(fair_id=fair_id).select_related("request"), meeting_id
    )
    require_perm(request, "fair.record_outcome", meeting)
    side = Participant.objects.filter(
        pk__in=[meeting.request.sender_id, meeting.request.receiver_id],
        organisation_id=request.user.organisation_id or 0,
    ).first()
    if side is None:
        raise ValidationError(_("Only the two sides of a meeting record its outcome."))
    answer = answer_meeting(meeting, side, str(payload.result), payload.note)
    return {
        "meeting_id": meeting.pk,
        "participant_id": side.pk,
        "result": answer.result,
        "note": answer.note,
    }


@router.get(
    "/{int:fair_id}/outcomes-report",
    response={200: OutcomesReportOut, **error_responses(401, 403, 404)},
)
def outcomes_report(request: HttpRequest, fair_id: int):
    fair = _fair(request, fair_id)
    return {"months": outcomes_by_month(fair), **outcomes_per_group(fair)}
