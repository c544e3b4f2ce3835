"""Events routes of the API (/api/v1/events/…): the same actions and rules as the pages.

The public sees published events and their programmes; delegations are visible to organisers
and to the delegates of their own city; registrations to organisers. Times are UTC (ISO 8601)
and an input time must carry its offset.
"""

from datetime import date, datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import AwareDatetime

from amity.accounts.models import Organisation
from amity.api import (
    BoundedPagination,
    InputSchema,
    PatchSchema,
    error_responses,
    get_or_404,
    require_perm,
)
from amity.cities.models import Place
from amity.events.domain import queries
from amity.events.domain.attendees import register_organisation
from amity.events.domain.delegations import register_delegation, update_delegation
from amity.events.models import Delegation, Event, InvitationStatus

router = Router(tags=["events"])


class SpeakerOut(Schema):
    name_en: str
    name_zh: str
    role_en: str
    role_zh: str
    organisation: str
    place_id: int | None
    source_url: str


class SessionOut(Schema):
    id: int
    kind: str
    title_en: str
    title_zh: str
    starts_at: datetime
    ends_at: datetime
    room: str
    venue_id: int | None
    languages: list[str] = Field(..., alias="language_list")
    interpretation: bool
    speakers: list[SpeakerOut]
    is_demo: bool

    @staticmethod
    def resolve_speakers(obj) -> list:
        return list(obj.speakers.all())


class EventOut(Schema):
    id: int
    name_en: str
    name_zh: str
    kind: str
    status: str
    time_zone: str
    starts_on: date
    ends_on: date
    host_place_id: int | None
    is_published: bool
    is_demo: bool


class EventDetailOut(EventOut):
    description_en: str
    description_zh: str
    programme: list[SessionOut]


class MemberOut(Schema):
    id: int
    role: str
    name_en: str
    name_zh: str
    name_native: str
    title_en: str
    title_zh: str
    organisation_name: str
    # Organisers only (null for everyone else).
    email: str | None
    phone: str | None


class DelegationOut(Schema):
    id: int
    event_id: int
    place_id: int
    place_name_en: str = Field(..., alias="place.name_en")
    protocol_order: int | None
    arrival_flight: str
    arrival_at: datetime | None
    departure_flight: str
    departure_at: datetime | None
    hotel: str
    interpreter_languages: str
    invitation_status: str
    dietary_needs: str | None
    accessibility_needs: str | None
    protocol_notes: str | None
    is_demo: bool


class DelegationDetailOut(DelegationOut):
    members: list[MemberOut]

    @staticmethod
    def resolve_members(obj) -> list:
        return obj.members_shown


class DelegationIn(InputSchema):
    place_id: int
    protocol_order: int | None = Field(None, ge=1, le=10_000)
    arrival_flight: str = Field("", max_length=20)
    arrival_at: AwareDatetime | None = None
    departure_flight: str = Field("", max_length=20)
    departure_at: AwareDatetime | None = None
    hotel: str = Field("", max_length=200)
    interpreter_languages: str = Field("", max_length=100)
    dietary_needs: str = Field("", max_length=2000)
    accessibility_needs: str = Field("", max_length=2000)
    protocol_notes: str = Field("", max_length=5000)
    invitation_status: InvitationStatus = InvitationStatus.TO_SEND


class DelegationPatch(PatchSchema):
    protocol_order: int | None = Field(None, ge=1, le=10_000)
    arrival_flight: str = Field(None, max_length=20)
    arrival_at: AwareDatetime | None = None
    departure_flight: str = Field(None, max_length=20)
    departure_at: AwareDatetime | None = None
    hotel: str = Field(None, max_length=200)
    interpreter_languages: str = Field(None, max_length=100)
    dietary_needs: str = Field(None, max_length=2000)
    accessibility_needs: str = Field(None, max_length=2000)
    protocol_notes: str = Field(None, max_length=5000)
    invitation_status: InvitationStatus = None


class RegistrationOut(Schema):
    id: int
    event_id: int
    organisation_id: int
    organisation_name_en: str = Field(..., alias="organisation.name_en")
    status: str


class RegistrationIn(InputSchema):
    # Organisers name the organisation; an enterprise member registers their own.
    organisation_id: int | None = None


def _private(request, delegation: Delegation) -> Delegation:
    """Blank out what the caller may not read (``None`` in the answer)."""
    organiser = request.user.has_perm("events.view_personal_data", delegation)
    own = request.user.has_perm("events.change_delegation", delegation)
    if not organiser:
        delegation.protocol_notes = None
    if not own:
        delegation.dietary_needs = delegation.accessibility_needs = None
    return delegation


def _event(request, event_id: int) -> Event:
    event = get_or_404(Event, event_id)
    require_perm(request, "events.view_event", event)
    return event


@router.get("", response={200: list[EventOut], **error_responses(401, 422)})
@paginate(BoundedPagination)
def list_events(request: HttpRequest):
    """Events; the public sees published ones only."""
    return queries.listed_events(request.user)


@router.get("/{int:event_id}", response={200: EventDetailOut, **error_responses(401, 403, 404)})
def get_event(request: HttpRequest, event_id: int):
    """One event with its programme (sessions and speakers)."""
    event = _event(request, event_id)
    event.programme = list(queries.programme(event))
    return event


@router.get(
    "/{int:event_id}/delegations",
    response={200: list[DelegationOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_delegations(request: HttpRequest, event_id: int):
    """All delegations for organisers; a delegate's own city's only for a delegate."""
    event = _event(request, event_id)
    if not request.user.is_authenticated:
        raise HttpError(401, _("authentication required"))
    delegations = queries.delegations(event)
    if not request.user.has_perm("events.view_delegations", event):
        delegations = delegations.filter(place_id=request.user.partner_place_id or 0)
    return [_private(request, delegation) for delegation in delegations]


@router.post(
    "/{int:event_id}/delegations",
    response={201: DelegationOut, **error_responses(401, 403, 404, 422)},
)
def create_delegation(request: HttpRequest, event_id: int, payload: DelegationIn):
    """Register a partner place's delegation (organisers)."""
    event = get_or_404(Event, event_id)
    require_perm(request, "events.add_delegation", event)
    data = payload.dict()
    place = get_or_404(Place, data.pop("place_id"))
    delegation = register_delegation(event=event, place=place, **data)
    return Status(201, _private(request, delegation))


def _delegation(request, event_id: int, delegation_id: int, perm: str) -> Delegation:
    queryset = Delegation.objects.filter(event_id=event_id).select_related("place", "event")
    delegation = get_or_404(queryset, delegation_id)
    require_perm(request, perm, delegation)
    return delegation


@router.get(
    "/{int:event_id}/delegations/{int:delegation_id}",
    response={200: DelegationDetailOut, **error_responses(401, 403, 404)},
)
def get_delegation(request: HttpRequest, event_id: int, delegation_id: int):
    """A delegation and its members; e-mails and phones for organisers only."""
    delegation = _delegation(request, event_id, delegation_id, "events.view_delegation")
    members = queries.delegation_members(delegation)
    if not request.user.has_perm("events.view_personal_data", delegation):
        for member in members:
            member.email = member.phone = None
    delegation.members_shown = members
    return _private(request, delegation)


@router.patch(
    "/{int:event_id}/delegations/{int:delegation_id}",
    response={200: DelegationOut, **error_responses(401, 403, 404, 422)},
)
def change_delegation(
    request: HttpRequest, event_id: int, delegation_id: int, payload: DelegationPatch
):
    """Change what is sent; a delegate may change travel and needs until the deadline."""
    delegation = _delegation(request, event_id, delegation_id, "events.change_delegation")
    changes = payload.dict(exclude_unset=True)
    delegation = update_delegation(delegation, by=request.user, **changes)
    return _private(request, delegation)


@router.get(
    "/{int:event_id}/registrations",
    response={200: list[RegistrationOut], **error_responses(401, 403, 404, 422)},
)
@paginate(BoundedPagination)
def list_registrations(request: HttpRequest, event_id: int):
    """Organisations registered for the event (organisers)."""
    event = get_or_404(Event, event_id)
    require_perm(request, "events.view_registrations", event)
    return event.registrations.select_related("organisation").order_by("organisation__name_en")


@router.post(
    "/{int:event_id}/registrations",
    response={201: RegistrationOut, **error_responses(401, 403, 404, 422)},
)
def create_registration(request: HttpRequest, event_id: int, payload: RegistrationIn):
    """Register an organisation: an enterprise member their own, an organiser any."""
    event = get_or_404(Event, event_id)
    require_perm(request, "events.register_organisation", event)
    if request.user.is_organiser and payload.organisation_id is not None:
        organisation = get_or_404(Organisation, payload.organisation_id)
    elif request.user.organisation_id and payload.organisation_id in (
        None,
        request.user.organisation_id,
    ):
        organisation = request.user.organisation
    else:
        raise HttpError(
            403,
            _("permission denied: %(permission)s") % {"permission": "events.register_organisation"},
        )
    registration = register_organisation(event=event, organisation=organisation, by=request.user)
    return Status(201, registration)
