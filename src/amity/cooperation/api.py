"""Cooperation routes of the API (/api/v1/cooperation/…): the same actions and rules as the
pages. Lists show what the rules let the caller see; single records ask the rule with the
object."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from amity.accounts.models import Organisation
from amity.api import BoundedPagination, error_responses, get_or_404, require_perm
from amity.cities.models import CooperationField, Partnership, Place
from amity.cooperation import domain
from amity.cooperation.domain.practice_meetings import ask_about_practice
from amity.cooperation.domain.queries import (
    listed_practices,
    listed_projects,
    practice_details,
    project_details,
    visible_transfers,
)
from amity.cooperation.models import Indicator, Practice, Project, ProjectOutcome
from amity.cooperation.schemas import (
    IndicatorIn,
    IndicatorOut,
    MilestoneIn,
    MilestoneOut,
    OutcomeLinkIn,
    OutcomeLinkOut,
    PartnerIn,
    PartnerOut,
    PracticeFiltersIn,
    PracticeIn,
    PracticeMeetingIn,
    PracticeMeetingOut,
    PracticeOut,
    ProjectDetailOut,
    ProjectFiltersIn,
    ProjectIn,
    ProjectOut,
    ProjectPatch,
    TransferIn,
    TransferOut,
    UpdateIn,
    UpdateOut,
    ValueIn,
    ValueOut,
)
from amity.fair.models import Participant

router = Router(tags=["cooperation"])


def _fields(codes: list[str]) -> list[CooperationField]:
    found = {field.code: field for field in CooperationField.objects.filter(code__in=codes)}
    unknown = sorted(set(codes) - set(found))
    if unknown:
        raise ValidationError(
            {"fields": _("unknown field of cooperation: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    return [found[code] for code in codes]


def _record(model, pk: int | None, field: str):
    if pk is None:
        return None
    record = model.objects.filter(pk=pk).first()
    if record is None:
        raise ValidationError({field: _("no record with id %(id)s") % {"id": pk}})
    return record


@router.get("/projects", response={200: list[ProjectOut], **error_responses(401, 422)})
@paginate(BoundedPagination)
def list_projects(request: HttpRequest, filters: Query[ProjectFiltersIn]):
    """Projects the caller may see: published ones; organisers all; a partner city's
    delegates also their city's unpublished ones."""
    require_perm(request, "cooperation.view_projects")
    return listed_projects(
        request.user, status=filters.status, field=filters.field, text=filters.q
    ).select_related("source")


@router.get(
    "/projects/{int:project_id}", response={200: ProjectDetailOut, **error_responses(401, 403, 404)}
)
def get_project(request: HttpRequest, project_id: int):
    """One project with its partners, milestones and indicators (with measured values)."""
    project = get_or_404(project_details(), project_id)
    require_perm(request, "cooperation.view_project", project)
    return project


@router.post("/projects", response={201: ProjectOut, **error_responses(401, 403, 422)})
def create_project(request: HttpRequest, payload: ProjectIn):
    require_perm(request, "cooperation.add_project")
    data = payload.dict()
    project = domain.create_project(fields=_fields(data.pop("fields")), **data)
    return Status(201, project)


@router.patch(
    "/projects/{int:project_id}", response={200: ProjectOut, **error_responses(401, 403, 404, 422)}
)
def change_project(request: HttpRequest, project_id: int, payload: ProjectPatch):
    project = get_or_404(Project, project_id)
    require_perm(request, "cooperation.change_project", project)
    data = payload.dict(exclude_unset=True)
    fields = _fields(data.pop("fields")) if "fields" in data else None
    return domain.update_project(project, fields=fields, **data)


@router.post(
    "/projects/{int:project_id}/partners",
    response={201: PartnerOut, **error_responses(401, 403, 404, 422)},
)
def add_partner(request: HttpRequest, project_id: int, payload: PartnerIn):
    project = get_or_404(Project, project_id)
    require_perm(request, "cooperation.change_project", project)
    partner = domain.add_partner(
        project,
        role=payload.role,
        partnership=_record(Partnership, payload.partnership_id, "partnership_id"),
        organisation=_record(Organisation, payload.organisation_id, "organisation_id"),
        participant=_record(Participant, payload.participant_id, "participant_id"),
    )
    return Status(201, partner)


@router.post(
    "/projects/{int:project_id}/milestones",
    response={201: MilestoneOut, **error_responses(401, 403, 404, 422)},
)
def add_milestone(request: HttpRequest, project_id: int, payload: MilestoneIn):
    project = get_or_404(Project, project_id)
    require_perm(request, "cooperation.change_project", project)
    return Status(201, domain.add_milestone(project, **payload.dict()))


@router.post(
    "/projects/{int:project_id}/indicators",
    response={201: IndicatorOut, **error_responses(401, 403, 404, 422)},
)
def add_indicator(request: HttpRequest, project_id: int, payload: IndicatorIn):
    project = get_or_404(Project, project_id)
    require_perm(request, "cooperation.change_project", project)
    return Status(201, domain.add_indicator(project, **payload.dict()))


@router.post(
    "/projects/{int:project_id}/outcomes",
    response={201: OutcomeLinkOut, **error_responses(401, 403, 404, 422)},
)
def link_outcome(request: HttpRequest, project_id: int, payload: OutcomeLinkIn):
    """Link a fair meeting's outcome (not "no further contact") to the project it led to."""
    project = get_or_404(Project, project_id)
    require_perm(request, "cooperation.change_project", project)
    link = domain.link_outcome(project, outcome_id=payload.outcome_id, linked_by=request.user)
    shown = ProjectOutcome.objects.select_related(
        "outcome__meeting__fair__event", "outcome__meeting__slot"
    )
    return Status(201, shown.get(pk=link.pk))


@router.post(
    "/indicators/{int:indicator_id}/values",
    response={201: ValueOut, **error_responses(401, 403, 404, 422)},
)
def record_value(request: HttpRequest, indicator_id: int, payload: ValueIn):
    indicator = get_or_404(Indicator.objects.select_related("project"), indicator_id)
    require_perm(request, "cooperation.change_project", indicator.project)
    return Status(201, domain.record_value(indicator, **payload.dict()))


@router.post(
    "/projects/{int:project_id}/updates",
    response={201: UpdateOut, **error_responses(401, 403, 404, 422)},
)
def post_update(request: HttpRequest, project_id: int, payload: UpdateIn):
    """A dated update: organisers, and delegates of a city taking part in the project."""
    project = get_or_404(Project, project_id)
    require_perm(request, "cooperation.add_update", project)
    return Status(201, domain.post_update(project, author=request.user, **payload.dict()))


@router.get("/practices", response={200: list[PracticeOut], **error_responses(401, 422)})
@paginate(BoundedPagination)
def list_practices(request: HttpRequest, filters: Query[PracticeFiltersIn]):
    require_perm(request, "cooperation.view_practices")
    return listed_practices(
        request.user, field=filters.field, looking=filters.looking_for_partners
    ).select_related("source")


@router.get(
    "/practices/{int:practice_id}", response={200: PracticeOut, **error_responses(401, 403, 404)}
)
def get_practice(request: HttpRequest, practice_id: int):
    practice = get_or_404(practice_details(), practice_id)
    require_perm(request, "cooperation.view_practice", practice)
    return practice


@router.post("/practices", response={201: PracticeOut, **error_responses(401, 403, 422)})
def create_practice(request: HttpRequest, payload: PracticeIn):
    require_perm(request, "cooperation.add_practice")
    data = payload.dict()
    place = _record(Place, data.pop("place_id"), "place_id")
    practice = domain.create_practice(fields=_fields(data.pop("fields")), place=place, **data)
    return Status(201, practice)


@router.post(
    "/practices/{int:practice_id}/meeting-requests",
    response={201: PracticeMeetingOut, **error_responses(401, 403, 404, 409, 422)},
)
def ask_for_meeting(request: HttpRequest, practice_id: int, payload: PracticeMeetingIn):
    """Ask for a meeting about a practice looking for partners, at the next matching fair."""
    practice = get_or_404(Practice, practice_id)
    require_perm(request, "cooperation.ask_about_practice", practice)
    meeting = ask_about_practice(
        practice, user=request.user, receiver_id=payload.receiver_id, note=payload.note
    )
    return Status(201, meeting)


@router.get("/transfers", response={200: list[TransferOut], **error_responses(401, 422)})
@paginate(BoundedPagination)
def list_transfers(request: HttpRequest):
    """Transfers of the practices the caller may see."""
    require_perm(request, "cooperation.view_practices")
    return visible_transfers(request.user)


@router.post("/transfers", response={201: TransferOut, **error_responses(401, 403, 404, 422)})
def record_transfer(request: HttpRequest, payload: TransferIn):
    data = payload.dict(exclude_unset=True)
    practice = get_or_404(Practice.objects.select_related("place"), data.pop("practice_id"))
    require_perm(request, "cooperation.add_transfer", practice)
    for key in ("from_place_id", "to_place_id"):
        if key in data:
            data[key.removesuffix("_id")] = _record(Place, data.pop(key), key)
    return Status(201, domain.record_transfer(practice, **data))
