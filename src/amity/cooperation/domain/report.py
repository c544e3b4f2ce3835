"""The programme's yearly report: what the partnerships, events, projects and practices did.

``yearly_report(year)`` computes the figures; the web page and the bilingual PDF render the
same ``YearlyReport``. Labels are lazy translations, so one report renders in either language.

Extension point: ``REPORT_SECTIONS``, a list of ``section(year) -> ReportSection | None``. A
section that returns ``None`` (nothing that year) is left out, so the report never shows an
empty placeholder. Cooperation sits above the other domains, so their sections live here and
read their models downward (as ``fair_section`` does); a domain below must not import this
module. ``fair_section`` counts the meetings held, their outcomes as the sides reported them,
and the cooperation projects linked to those outcomes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from amity.cities.models import Agreement, AgreementKind, Exchange, ExchangeKind, Partnership
from amity.cooperation.models import (
    Milestone,
    MilestoneStatus,
    Project,
    ProjectOutcome,
    ProjectStatus,
    Transfer,
)
from amity.events.models import Delegation, Event
from amity.fair.models import (
    Fair,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    MeetingStatus,
    OutcomeRating,
    Participant,
)

FIRST_YEAR = 1949
LAST_YEAR = 2200


@dataclass(frozen=True)
class ReportRow:
    label: object  # a lazy translation
    value: int


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: object
    rows: list[ReportRow]
    # Records named in the section (a partnership, a milestone …), shown under the figures.
    items: list[object] = field(default_factory=list)
    # How an item reads: the name of a bilingual stem (see the ``bilingual`` filter) or "".
    item_kind: str = ""


@dataclass(frozen=True)
class YearlyReport:
    year: int
    sections: list[ReportSection]


def _in_year(year: int, lookup: str) -> Q:
    return Q(**{f"{lookup}__gte": date(year, 1, 1), f"{lookup}__lte": date(year, 12, 31)})


def partnerships_section(year: int) -> ReportSection:
    added = list(
        Partnership.objects.filter(_in_year(year, "established_on"))
        .select_related("place")
        .order_by("established_on", "place__name_en")
    )
    agreements = Agreement.objects.filter(_in_year(year, "signed_on"))
    renewed = agreements.filter(kind=AgreementKind.RENEWAL).count()
    return ReportSection(
        key="partnerships",
        title=_("Partnerships added or renewed"),
        rows=[
            ReportRow(_("Partnerships established"), len(added)),
            ReportRow(_("Partnerships renewed"), renewed),
            ReportRow(_("Agreements signed"), agreements.count()),
        ],
        items=[partnership.place for partnership in added],
        item_kind="name",
    )


def visits_section(year: int) -> ReportSection:
    by_kind = dict(
        Exchange.objects.filter(_in_year(year, "starts_on"))
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    events = Event.objects.filter(_in_year(year, "starts_on")).exclude(status="cancelled")
    return ReportSection(
        key="visits",
        title=_("Visits and events"),
        rows=[
            ReportRow(_("Visits to the home city"), by_kind.get(ExchangeKind.INCOMING_VISIT, 0)),
            ReportRow(_("Visits to partners"), by_kind.get(ExchangeKind.OUTGOING_VISIT, 0)),
            ReportRow(_("Events with partners"), by_kind.get(ExchangeKind.EVENT, 0)),
            ReportRow(_("Anniversaries"), by_kind.get(ExchangeKind.ANNIVERSARY, 0)),
            ReportRow(_("Events of the programme"), events.count()),
        ],
        items=list(events.order_by("starts_on", "name_en")),
        item_kind="name",
    )


def delegations_section(year: int) -> ReportSection:
    # Received: delegations to events held in the home city (no host place).
    delegations = Delegation.objects.filter(
        _in_year(year, "event__starts_on"), event__host_place__isnull=True
    ).exclude(event__status="cancelled")
    places = list({d.place_id: d.place for d in delegations.select_related("place")}.values())
    return ReportSection(
        key="delegations",
        title=_("Delegations received"),
        rows=[
            ReportRow(_("Delegations at events in the home city"), delegations.count()),
            ReportRow(_("Partner cities that sent a delegation"), len(places)),
        ],
        items=sorted(places, key=lambda place: place.name_en),
        item_kind="name",
    )


def projects_section(year: int) -> ReportSection:
    started = Project.objects.filter(_in_year(year, "starts_on"))
    completed = Project.objects.filter(_in_year(year, "ends_on"), status=ProjectStatus.COMPLETED)
    running = Project.objects.filter(
        Q(starts_on__lte=date(year, 12, 31)) | Q(starts_on__isnull=True),
        Q(ends_on__gte=date(year, 1, 1)) | Q(ends_on__isnull=True),
        status__in=[ProjectStatus.RUNNING, ProjectStatus.COMPLETED, ProjectStatus.STALLED],
    )
    reached = list(
        Milestone.objects.filter(_in_year(year, "reached_on"), status=MilestoneStatus.REACHED)
        .select_related("project")
        .order_by("reached_on", "id")
    )
    return ReportSection(
        key="projects",
        title=_("Projects and milestones reached"),
        rows=[
            ReportRow(_("Projects started"), started.count()),
            ReportRow(_("Projects under way during the year"), running.count()),
            ReportRow(_("Projects completed"), completed.count()),
            ReportRow(_("Milestones reached"), len(reached)),
        ],
        items=reached,
        item_kind="title",
    )


def practices_section(year: int) -> ReportSection:
    transfers = list(
        Transfer.objects.filter(_in_year(year, "since"))
        .select_related("practice", "from_place", "to_place")
        .order_by("since", "id")
    )
    adopted = sum(1 for transfer in transfers if transfer.stage == "adopted")
    return ReportSection(
        key="practices",
        title=_("Practices transferred"),
        rows=[
            ReportRow(_("Transfers begun"), len(transfers)),
            ReportRow(_("Of which adopted"), adopted),
        ],
        items=transfers,
        item_kind="transfer",
    )


def fair_section(year: int) -> ReportSection | None:
    fairs = Fair.objects.filter(_in_year(year, "event__starts_on")).exclude(
        event__status="cancelled"
    )
    if not fairs.exists():
        return None
    meetings = MeetingRequest.objects.filter(fair__in=fairs)
    outcomes = MeetingOutcome.objects.filter(meeting__fair__in=fairs)
    return ReportSection(
        key="fair",
        title=_("Matching fair"),
        rows=[
            ReportRow(_("Fairs held"), fairs.count()),
            ReportRow(
                _("Participating organisations"),
                Participant.objects.filter(fair__in=fairs).count(),
            ),
            ReportRow(_("Meeting requests"), meetings.count()),
            ReportRow(_("Meetings agreed"), meetings.filter(state="accepted").count()),
            ReportRow(
                _("Meetings held"),
                Meeting.objects.filter(fair__in=fairs, status=MeetingStatus.HELD).count(),
            ),
            # A meeting counts once, when either side reported it so.
            ReportRow(
                _("Meetings where a side reported an agreement"),
                _meetings_rated(outcomes, [OutcomeRating.AGREEMENT]),
            ),
            ReportRow(
                _("Meetings where a side reported follow-up or negotiation"),
                _meetings_rated(outcomes, [OutcomeRating.FOLLOW_UP, OutcomeRating.NEGOTIATING]),
            ),
            ReportRow(
                _("Cooperation projects linked to the fair's outcomes"),
                ProjectOutcome.objects.filter(outcome__in=outcomes)
                .values("project_id")
                .distinct()
                .count(),
            ),
        ],
    )


def _meetings_rated(outcomes, ratings: list[str]) -> int:
    return outcomes.filter(rating__in=ratings).values("meeting_id").distinct().count()


# The extension point (see the module's docstring).
REPORT_SECTIONS: list[Callable[[int], ReportSection | None]] = [
    partnerships_section,
    visits_section,
    delegations_section,
    projects_section,
    practices_section,
    fair_section,
]


def yearly_report(year: int) -> YearlyReport:
    sections = [section(year) for section in REPORT_SECTIONS]
    return YearlyReport(year=year, sections=[s for s in sections if s is not None])
