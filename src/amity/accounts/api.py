"""People routes of the API (/api/v1/accounts/…): the same actions and rules as the pages."""

from typing import Literal

from django.apps import apps
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from amity.accounts.domain import (
    deactivate_person,
    invite_person,
    people,
    reactivate_person,
    standing,
)
from amity.accounts.forms import OrganisationForm
from amity.accounts.models import Organisation, User
from amity.api import (
    BoundedPagination,
    InputSchema,
    QuerySchema,
    error_responses,
    get_or_404,
    require_perm,
)

router = Router(tags=["accounts"])


class PersonOut(Schema):
    id: int
    username: str
    email: str
    first_name: str
    last_name: str
    role: str
    is_superuser: bool
    organisation_id: int | None
    partner_place_id: int | None
    standing: str

    @staticmethod
    def resolve_standing(obj: User) -> str:
        return standing(obj)


class PeopleFilters(QuerySchema):
    role: str = Field("", max_length=20)
    standing: str = Field("", max_length=20)


class InviteIn(InputSchema):
    email: str = Field(..., max_length=254)
    # Organisers and administrators are made by an administrator, not invited here.
    role: Literal["enterprise", "delegate"]
    first_name: str = Field("", max_length=150)
    last_name: str = Field("", max_length=150)
    organisation_id: int | None = None
    partner_place_id: int | None = None
    language: Literal["en", "zh-hans"] = "en"


class OrganisationOut(Schema):
    id: int
    name_en: str
    name_zh: str
    country: str
    city_name: str
    is_demo: bool


class OrganisationIn(InputSchema):
    name_en: str = Field(..., min_length=1, max_length=200)
    name_zh: str = Field("", max_length=200)
    country: str = Field("", max_length=2)
    city_name: str = Field("", max_length=120)


@router.get("/people", response={200: list[PersonOut], **error_responses(401, 403, 422)})
@paginate(BoundedPagination)
def list_people(request: HttpRequest, filters: Query[PeopleFilters]):
    """Everyone with an account: role, affiliation, and whether they can log in."""
    require_perm(request, "accounts.view_people")
    return people(role=filters.role, standing_filter=filters.standing)


@router.post("/people", response={201: PersonOut, **error_responses(401, 403, 404, 409, 422)})
def invite(request: HttpRequest, payload: InviteIn):
    """Invite an enterprise member or a delegate: they get an e-mail with a link to choose a
    password (in `language`, en or zh-hans)."""
    require_perm(request, "accounts.invite_person")
    organisation = (
        get_or_404(Organisation, payload.organisation_id) if payload.organisation_id else None
    )
    place = None
    if payload.partner_place_id:
        place = get_or_404(apps.get_model("cities", "Place"), payload.partner_place_id)
    person = invite_person(
        email=payload.email,
        role=payload.role,
        invited_by=request.user,
        first_name=payload.first_name,
        last_name=payload.last_name,
        organisation=organisation,
        partner_place=place,
        language=payload.language,
    )
    return Status(201, person)


def _change_standing(request: HttpRequest, person_id: int, deactivate: bool) -> User:
    person = get_or_404(User, person_id)
    require_perm(request, "accounts.deactivate_person", person)
    if deactivate:
        return deactivate_person(person, by=request.user)
    return reactivate_person(person)


@router.post(
    "/people/{int:person_id}/deactivate",
    response={200: PersonOut, **error_responses(401, 403, 404, 422)},
)
def deactivate(request: HttpRequest, person_id: int):
    """The person can no longer log in or use a token; a pending invitation stops working."""
    return _change_standing(request, person_id, deactivate=True)


@router.post(
    "/people/{int:person_id}/reactivate",
    response={200: PersonOut, **error_responses(401, 403, 404, 422)},
)
def reactivate(request: HttpRequest, person_id: int):
    return _change_standing(request, person_id, deactivate=False)


@router.get(
    "/organisations", response={200: list[OrganisationOut], **error_responses(401, 403, 422)}
)
@paginate(BoundedPagination)
def list_organisations(request: HttpRequest):
    require_perm(request, "accounts.view_organisations")
    return Organisation.objects.order_by("name_en")


@router.post(
    "/organisations", response={201: OrganisationOut, **error_responses(401, 403, 409, 422)}
)
def add_organisation(request: HttpRequest, payload: OrganisationIn):
    require_perm(request, "accounts.add_organisation")
    # The page's form checks the country code; one rule for both.
    form = OrganisationForm(data=payload.dict())
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return Status(201, form.save())
