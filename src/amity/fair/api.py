"""Fair routes of the API (/api/v1/fairs/…): the same domain actions and rules as the pages."""

from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from amity.accounts.models import Organisation
from amity.api import (
    BoundedPagination,
    InputSchema,
    MappedPages,
    PatchSchema,
    QuerySchema,
    error_responses,
    get_or_404,
    require_perm,
)
from amity.fair.api_setup import FairSetupOut, FairSetupPatch, event_time
from amity.fair.api_setup import router as setup_router
from amity.fair.domain import (
    accept_request,
    add_opportunity,
    decline_request,
    delete_opportunity,
    register_participant,
    send_request,
    update_fair,
    update_opportunity,
    update_profile,
    withdraw_request,
)
from amity.fair.domain.queries import MarketFilters, marketplace, participation
from amity.fair.models import Fair, MeetingRequest, Opportunity, Participant, Recommendation
from amity.fair.reasons import reason_texts
from amity.fair.tasks import recompute_soon

router = Router(tags=["fair"])
# Sessions, tables, interpreters, representatives and availability.
router.add_router("", setup_router)


class FairOut(Schema):
    id: int
    event_id: int
    name_en: str
    name_zh: str
    slot_minutes: int
    pause_minutes: int
    request_expiry_days: int
    max_meetings: int
    max_pending_requests: int
    approval_required: bool
    is_demo: bool


class OpportunityOut(Schema):
    id: int
    participant_id: int
    kind: str
    title: str
    text: str
    cooperation: str


class ParticipantOut(Schema):
    id: int
    fair_id: int
    organisation_id: int
    status: str
    name_en: str
    name_zh: str
    city_name: str
    country: str
    size: str
    sectors: list[str]
    languages: list[str]
    description: str
    max_meetings: int
    opportunities: list[OpportunityOut]
    is_demo: bool
    # Private: null unless the reader may see the contact data (rules.py).
    contact_email: str | None = None
    contact_phone: str | None = None


class ParticipantIn(InputSchema):
    organisation_id: int | None = None
    name_en: str = Field("", max_length=200)
    name_zh: str = Field("", max_length=200)
    city_name: str = Field(..., min_length=1, max_length=120)
    country: str = Field(..., min_length=2, max_length=2)
    size: str = Field("", max_length=10)
    sectors: list[str] = Field(default_factory=list, max_length=20)
    languages: list[str] = Field(default_factory=list, max_length=20)
    description: str = Field("", max_length=5000)
    max_meetings: int | None = Field(None, ge=1, le=100)
    contact_email: str = Field("", max_length=254)
    contact_phone: str = Field("", max_length=50)


class ParticipantPatch(PatchSchema):
    name_en: str = Field(None, min_length=1, max_length=200)
    name_zh: str = Field(None, max_length=200)
    city_name: str = Field(None, min_length=1, max_length=120)
    country: str = Field(None, min_length=2, max_length=2)
    size: str = Field(None, max_length=10)
    sectors: list[str] = Field(None, max_length=20)
    languages: list[str] = Field(None, max_length=20)
    description: str = Field(None, max_length=5000)
    max_meetings: int = Field(None, ge=1, le=100)
    contact_email: str = Field(None, max_length=254)
    contact_phone: str = Field(None, max_length=50)


class OpportunityIn(InputSchema):
    kind: Literal["offer", "request", "cooperation"]
    title: str = Field(..., max_length=200)
    text: str = Field("", max_length=5000)
    cooperation: str = Field("", max_length=30)


class OpportunityPatch(PatchSchema):
    kind: Literal["offer", "request", "cooperation"] = None
    title: str = Field(None, max_length=200)
    text: str = Field(None, max_length=5000)
    cooperation: str = Field(None, max_length=30)


class MarketQuery(QuerySchema):
    sector: str = Field("", max_length=10)
    city: str = Field("", max_length=120)
    country: str = Field("", max_length=2)
    cooperation: str = Field("", max_length=30)
    language: str = Field("", max_length=3)
    kind: str = Field("", max_length=12)
    q: str = Field("", max_length=200)


class RecommendationOut(Schema):
    partner_id: int
    partner_name_en: str
    partner_name_zh: str
    rank: int
    score: float
    interpreter_needed: bool
    must_meet: bool
    reasons: list[str]


class RequestOut(Schema):
    id: int
    fair_id: int
    sender_id: int
    receiver_id: int
    state: str
    priority: int
    note: str
    decline_reason: str
    by_organiser: bool


class RequestIn(InputSchema):
    receiver_id: int
    note: str = Field("", max_length=2000)


class DeclineIn(InputSchema):
    reason: str = Field("", max_length=2000)


def contact_visible(user, fair: Fair) -> set[int] | None:
    """Ids of the participants whose contact data ``user`` may see; None means all.

    The same rule as ``fair.view_contact``, asked once for a whole list.
    """
    if user.is_organiser:
        return None
    organisation_id = getattr(user, "organisation_id", None)
    if not organisation_id or not user.has_perm("fair.view_fair", fair):
        return set()
    own = set(
        Participant.objects.filter(fair=fair, organisation_id=organisation_id).values_list(
            "pk", flat=True
        )
    )
    met = MeetingRequest.objects.filter(fair=fair, state="accepted").filter(
        Q(sender_id__in=own) | Q(receiver_id__in=own)
    )
    return own | {pk for pair in met.values_list("sender_id", "receiver_id") for pk in pair}


def _participant_out(
    request: HttpRequest, participant: Participant, visible: set[int] | None = None
) -> dict:
    data = {
        name: getattr(participant, name)
        for name in ParticipantOut.model_fields
        if name not in {"opportunities", "contact_email", "contact_phone"}
    }
    data["opportunities"] = list(participant.opportunities.all())
    if (visible is not None and participant.pk in visible) or (
        visible is None and request.user.has_perm("fair.view_contact", participant)
    ):
        data["contact_email"] = participant.contact_email
        data["contact_phone"] = participant.contact_phone
    return data


def _fair(request: HttpRequest, fair_id: int) -> Fair:
    fair = get_or_404(Fair.objects.select_related("event"), fair_id)
    require_perm(request, "fair.view_fair", fair)
    return fair


def _participant(request: HttpRequest, fair_id: int, participant_id: int) -> Participant:
    participant = get_or_404(
        Participant.objects.filter(fair_id=fair_id).select_related("fair"), participant_id
    )
    require_perm(request, "fair.view_participant", participant)
    return participant


@router.get("", response={200: list[FairOut], **error_responses(401, 403, 422)})
@paginate(BoundedPagination)
def list_fairs(request: HttpRequest):
    require_perm(request, "fair.view_fair")
    return Fair.objects.select_related("event").order_by("-event__starts_on", "pk")


@router.get("/{int:fair_id}", response={200: FairOut, **error_responses(401, 403, 404)})
def get_fair(request: HttpRequest, fair_id: int):
    return _fair(request, fair_id)


@router.patch(
    "/{int:fair_id}",
    response={200: FairSetupOut, **error_responses(401, 403, 404, 422)},
)
def patch_fair(request: HttpRequest, fair_id: int, payload: FairSetupPatch):
    """Change the set-up: slot length and pause, windows, caps, expiry, approval."""
    fair = _fair(request, fair_id)
    require_perm(request, "fair.manage_fair", fair)
    fields = payload.dict(exclude_unset=True)
    return update_fair(fair, **{name: event_time(fair, v) for name, v in fields.items()})


@router.get(
    "/{int:fair_id}/participants",
    response={200: list[ParticipantOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_participants(request: HttpRequest, fair_id: int, filters: Query[MarketQuery]):
    """Approved participants, filtered as on the marketplace (``q`` searches by meaning)."""
    fair = _fair(request, fair_id)
    participants, _scores = marketplace(fair, MarketFilters(**filters.dict()))
    visible = contact_visible(request.user, fair)
    return MappedPages(
        participants, lambda page: [_participant_out(request, p, visible) for p in page]
    )


@router.post(
    "/{int:fair_id}/participants",
    response={201: ParticipantOut, **error_responses(401, 403, 404, 409, 422)},
)
def create_participant(request: HttpRequest, fair_id: int, payload: ParticipantIn):
    """Register an organisation: members register their own; organisers name one."""
    fair = _fair(request, fair_id)
    require_perm(request, "fair.register", fair)
    fields = payload.dict(exclude_none=True)
    organisation_id = fields.pop("organisation_id", None) or request.user.organisation_id
    if organisation_id is None:
        raise ValidationError({"organisation_id": _("Give the organisation.")})
    organisation = get_or_404(Organisation, organisation_id)
    for name in ("name_en", "name_zh"):
        if not fields.get(name):
            fields.pop(name, None)
    participant = register_participant(
        fair=fair, organisation=organisation, by=request.user, **fields
    )
    recompute_soon(fair.pk, request.user)
    return Status(201, _participant_out(request, participant))


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}",
    response={200: ParticipantOut, **error_responses(401, 403, 404)},
)
def get_participant(request: HttpRequest, fair_id: int, participant_id: int):
    return _participant_out(request, _participant(request, fair_id, participant_id))


@router.patch(
    "/{int:fair_id}/participants/{int:participant_id}",
    response={200: ParticipantOut, **error_responses(401, 403, 404, 422)},
)
def patch_participant(
    request: HttpRequest, fair_id: int, participant_id: int, payload: ParticipantPatch
):
    participant = _participant(request, fair_id, participant_id)
    require_perm(request, "fair.change_participant", participant)
    update_profile(participant, **payload.dict(exclude_unset=True))
    recompute_soon(fair_id, request.user)
    return _participant_out(request, participant)


@router.get(
    "/{int:fair_id}/opportunities",
    response={200: list[OpportunityOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_opportunities(request: HttpRequest, fair_id: int):
    fair = _fair(request, fair_id)
    return Opportunity.objects.filter(
        participant__fair=fair, participant__status="approved"
    ).order_by("pk")


@router.post(
    "/{int:fair_id}/participants/{int:participant_id}/opportunities",
    response={201: OpportunityOut, **error_responses(401, 403, 404, 422)},
)
def create_opportunity(
    request: HttpRequest, fair_id: int, participant_id: int, payload: OpportunityIn
):
    participant = _participant(request, fair_id, participant_id)
    require_perm(request, "fair.change_participant", participant)
    opportunity = add_opportunity(participant, **payload.dict())
    recompute_soon(fair_id, request.user)
    return Status(201, opportunity)


def _own_opportunity(
    request: HttpRequest, fair_id: int, participant_id: int, opportunity_id: int
) -> Opportunity:
    participant = _participant(request, fair_id, participant_id)
    require_perm(request, "fair.change_participant", participant)
    return get_or_404(
        Opportunity.objects.filter(participant=participant).select_related("participant"),
        opportunity_id,
    )


@router.patch(
    "/{int:fair_id}/participants/{int:participant_id}/opportunities/{int:opportunity_id}",
    response={200: OpportunityOut, **error_responses(401, 403, 404, 422)},
)
def patch_opportunity(
    request: HttpRequest,
    fair_id: int,
    participant_id: int,
    opportunity_id: int,
    payload: OpportunityPatch,
):
    """Change an opportunity's kind, title, text or cooperation type (a blank title is 422)."""
    opportunity = _own_opportunity(request, fair_id, participant_id, opportunity_id)
    update_opportunity(opportunity, **payload.dict(exclude_unset=True))
    recompute_soon(fair_id, request.user)
    return opportunity


@router.delete(
    "/{int:fair_id}/participants/{int:participant_id}/opportunities/{int:opportunity_id}",
    response={204: None, **error_responses(401, 403, 404)},
)
def delete_opportunity_route(
    request: HttpRequest, fair_id: int, participant_id: int, opportunity_id: int
):
    delete_opportunity(_own_opportunity(request, fair_id, participant_id, opportunity_id))
    recompute_soon(fair_id, request.user)
    return Status(204, None)


@router.get(
    "/{int:fair_id}/participants/{int:participant_id}/recommendations",
    response={200: list[RecommendationOut], **error_responses(401, 403, 404)},
)
def list_recommendations(request: HttpRequest, fair_id: int, participant_id: int):
    """The participant's suggestions, best first, with reasons in the request's language."""
    participant = _participant(request, fair_id, participant_id)
    require_perm(request, "fair.view_suggestions", participant)
    rows = Recommendation.objects.filter(participant=participant).select_related("partner")
    return [
        {
            "partner_id": row.partner_id,
            "partner_name_en": row.partner.name_en,
            "partner_name_zh": row.partner.name_zh,
            "rank": row.rank,
            "score": row.score,
            "interpreter_needed": row.interpreter_needed,
            "must_meet": row.must_meet,
            "reasons": reason_texts(row.reasons, row.interpreter_needed),
        }
        for row in rows.order_by("rank")
    ]


@router.get(
    "/{int:fair_id}/requests",
    response={200: list[RequestOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_requests(request: HttpRequest, fair_id: int):
    """All requests for organisers; one's own organisation's requests for a member."""
    fair = _fair(request, fair_id)
    requests = MeetingRequest.objects.filter(fair=fair).order_by("-created_at", "pk")
    if request.user.has_perm("fair.manage_fair", fair):
        return requests
    organisation_id = request.user.organisation_id or 0
    return requests.filter(
        Q(sender__organisation_id=organisation_id) | Q(receiver__organisation_id=organisation_id)
    )


@router.post(
    "/{int:fair_id}/requests",
    response={201: RequestOut, **error_responses(401, 403, 404, 409, 422)},
)
def create_request(request: HttpRequest, fair_id: int, payload: RequestIn):
    """Ask another participant for a meeting, as your organisation's participant."""
    fair = _fair(request, fair_id)
    me = participation(fair, request.user)
    if me is None:
        require_perm(request, "fair.act_for_participant", None)
    require_perm(request, "fair.act_for_participant", me)
    receiver = _participant(request, fair_id, payload.receiver_id)
    return Status(201, send_request(sender=me, receiver=receiver, note=payload.note))


def _request(request: HttpRequest, fair_id: int, request_id: int, perm: str) -> MeetingRequest:
    meeting = get_or_404(
        MeetingRequest.objects.filter(fair_id=fair_id).select_related("sender", "receiver"),
        request_id,
    )
    require_perm(request, perm, meeting)
    return meeting


@router.post(
    "/{int:fair_id}/requests/{int:request_id}/accept",
    response={200: RequestOut, **error_responses(401, 403, 404, 422)},
)
def accept(request: HttpRequest, fair_id: int, request_id: int):
    return accept_request(_request(request, fair_id, request_id, "fair.answer_request"))


@router.post(
    "/{int:fair_id}/requests/{int:request_id}/decline",
    response={200: RequestOut, **error_responses(401, 403, 404, 422)},
)
def decline(request: HttpRequest, fair_id: int, request_id: int, payload: DeclineIn):
    meeting = _request(request, fair_id, request_id, "fair.answer_request")
    return decline_request(meeting, payload.reason)


@router.post(
    "/{int:fair_id}/requests/{int:request_id}/withdraw",
    response={200: RequestOut, **error_responses(401, 403, 404, 422)},
)
def withdraw(request: HttpRequest, fair_id: int, request_id: int):
    return withdraw_request(_request(request, fair_id, request_id, "fair.withdraw_request"))
