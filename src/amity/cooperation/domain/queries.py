"""What pages and the API show, filtered by the same rules as single records, without N+1."""

from django.db.models import Prefetch, Q, QuerySet

from amity.accounts.rules import is_delegate, is_organiser
from amity.cooperation.models import (
    Indicator,
    IndicatorValue,
    Practice,
    Project,
    ProjectOutcome,
    ProjectPartner,
    Transfer,
)
from amity.fair.models import Participant


def visible_projects(user) -> QuerySet[Project]:
    """The projects ``cooperation.view_project`` lets the user see, as one query."""
    projects = Project.objects.all()
    if is_organiser(user):
        return projects
    shown = Q(is_published=True)
    if is_delegate(user):
        shown |= Q(partners__partnership__place_id=user.partner_place_id)
    return projects.filter(shown).distinct()


def listed_projects(user, *, status: str = "", field: str = "", text: str = "") -> QuerySet:
    projects = visible_projects(user)
    if status:
        projects = projects.filter(status=status)
    if field:
        projects = projects.filter(fields__code=field)
    if text:
        projects = projects.filter(Q(title_en__icontains=text) | Q(title_zh__icontains=text))
    return projects.prefetch_related("fields", partner_prefetch()).order_by(
        "-starts_on", "title_en", "id"
    )


def partner_prefetch() -> Prefetch:
    return Prefetch(
        "partners",
        queryset=ProjectPartner.objects.select_related(
            "partnership__place", "organisation", "participant__fair__event"
        ),
    )


def participants_to_add(project: Project, text: str) -> QuerySet[Participant]:
    """Fair participants named like ``text`` (English or Chinese name) that are not partners
    of the project yet, the latest fair first; the page shows a bounded slice of it."""
    participants = Participant.objects.select_related("fair__event").exclude(
        project_roles__project=project
    )
    if text:
        participants = participants.filter(Q(name_en__icontains=text) | Q(name_zh__icontains=text))
    return participants.order_by("-fair__event__starts_on", "name_en", "pk")


def project_details() -> QuerySet[Project]:
    return Project.objects.select_related("source").prefetch_related(
        "fields",
        partner_prefetch(),
        "milestones__source",
        Prefetch(
            "indicators",
            queryset=Indicator.objects.prefetch_related(
                Prefetch("values", queryset=IndicatorValue.objects.select_related("source"))
            ),
        ),
        "documents",
        "updates__author",
        "agreements__partnership__place",
        Prefetch(
            "outcome_links",
            queryset=ProjectOutcome.objects.select_related(
                "outcome__participant",
                "outcome__meeting__fair__event",
                "outcome__meeting__slot",
                "outcome__meeting__request__sender",
                "outcome__meeting__request__receiver",
            ),
        ),
    )


def visible_practices(user) -> QuerySet[Practice]:
    practices = Practice.objects.all()
    return practices if is_organiser(user) else practices.filter(is_published=True)


def listed_practices(user, *, field: str = "", looking: bool = False) -> QuerySet[Practice]:
    practices = visible_practices(user)
    if field:
        practices = practices.filter(fields__code=field)
    if looking:
        practices = practices.filter(looking_for_partners=True)
    return practices.select_related("place").prefetch_related("fields").order_by("title_en", "id")


def visible_transfers(user) -> QuerySet[Transfer]:
    transfers = Transfer.objects.select_related(
        "practice", "from_place", "to_place", "source"
    ).order_by("since", "id")
    return transfers if is_organiser(user) else transfers.filter(practice__is_published=True)


def practice_details() -> QuerySet[Practice]:
    return Practice.objects.select_related("place", "source").prefetch_related(
        "fields",
        Prefetch(
            "transfers",
            queryset=Transfer.objects.select_related("from_place", "to_place", "source"),
        ),
    )


def partner_projects(user, place_id: int) -> QuerySet[Project]:
    """Projects a partner city takes part in or that rest on its agreements, visible to the
    user."""
    return (
        visible_projects(user)
        .filter(
            Q(partners__partnership__place_id=place_id)
            | Q(agreements__partnership__place_id=place_id)
        )
        .distinct()
        .order_by("-starts_on", "title_en", "id")
    )


def partner_transfers(user, place_id: int) -> QuerySet[Transfer]:
    return visible_transfers(user).filter(Q(from_place_id=place_id) | Q(to_place_id=place_id))


def fair_project_links(user, fair_id: int) -> QuerySet[ProjectOutcome]:
    """The links from a fair's meeting outcomes to the projects the user may see."""
    return (
        ProjectOutcome.objects.filter(
            outcome__meeting__fair_id=fair_id, project__in=visible_projects(user)
        )
        .select_related(
            "project",
            "outcome__participant",
            "outcome__meeting__fair__event",
            "outcome__meeting__request__sender",
            "outcome__meeting__request__receiver",
        )
        .order_by("project__title_en", "project_id", "id")
    )
