"""What the fair's pages and endpoints show: annotated querysets, a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from amity.fair.models import (
    Fair,
    Mark,
    MeetingRequest,
    Opportunity,
    Participant,
    ParticipantStatus,
    Recommendation,
    RequestState,
)
from amity.fair.reasons import reason_texts
from amity.fair.search import search_opportunities


def fair_for_user(user) -> Fair | None:
    """The newest fair the user's organisation takes part in, else the newest fair."""
    fairs = Fair.objects.select_related("event").order_by("-event__starts_on", "-pk")
    organisation_id = getattr(user, "organisation_id", None)
    if organisation_id:
        mine = fairs.filter(participants__organisation_id=organisation_id).first()
        if mine:
            return mine
    return fairs.first()


def participation(fair: Fair, user) -> Participant | None:
    organisation_id = getattr(user, "organisation_id", None)
    if not organisation_id:
        return None
    return Participant.objects.filter(fair=fair, organisation_id=organisation_id).first()


@dataclass
class MarketFilters:
    sector: str = ""
    city: str = ""
    country: str = ""
    cooperation: str = ""
    language: str = ""
    kind: str = ""
    q: str = ""


def marketplace(fair: Fair, filters: MarketFilters) -> tuple[QuerySet, dict[int, float]]:
    """Approved participants matching the filters, with their opportunities prefetched.

    With a query ``q`` the participants come best match first, and the scores of the matching
    opportunities are returned by id so the page can mark them.
    """
    participants = Participant.objects.filter(fair=fair, status=ParticipantStatus.APPROVED)
    if filters.sector:
        participants = participants.filter(sector_index__contains=f" {filters.sector.upper()} ")
    if filters.language:
        participants = participants.filter(language_index__contains=f" {filters.language} ")
    if filters.city:
        participants = participants.filter(city_name__iexact=filters.city)
    if filters.country:
        participants = participants.filter(country=filters.country.upper())
    opportunity_filter = Q()
    if filters.cooperation:
        opportunity_filter &= Q(cooperation=filters.cooperation)
    if filters.kind:
        opportunity_filter &= Q(kind=filters.kind)
    if opportunity_filter:
        participants = participants.filter(
            Exists(Opportunity.objects.filter(opportunity_filter, participant=OuterRef("pk")))
        )
    scores: dict[int, float] = {}
    order: list[int] | None = None
    if filters.q.strip():
        found = search_opportunities(fair, filters.q)
        scores = dict(found)
        owners = dict(Opportunity.objects.filter(pk__in=scores).values_list("pk", "participant_id"))
        order = list(dict.fromkeys(owners[pk] for pk, _score in found if pk in owners))
        participants = participants.filter(pk__in=order)
    participants = participants.prefetch_related(
        Prefetch("opportunities", queryset=Opportunity.objects.order_by("kind", "pk"))
    ).order_by("name_en", "pk")
    if order is not None:
        position = {pk: i for i, pk in enumerate(order)}
        return sorted(participants, key=lambda p: position[p.pk]), scores
    return participants, scores


@dataclass
class Suggestion:
    partner: Participant
    score: float
    reasons: list[str]
    request_state: str | None
    mark: str | None


@dataclass
class Home:
    participant: Participant
    completeness: int
    missing: list[str]
    suggestions: list[Suggestion]
    incoming: list[MeetingRequest]
    outgoing: list[MeetingRequest]
    counts: dict[str, int] = field(default_factory=dict)


def completeness(
    participant: Participant, opportunities: list[Opportunity], has_representatives: bool
) -> tuple[int, list]:
    from django.utils.translation import gettext as _

    checks = [
        (bool(participant.description), _("a description")),
        (bool(participant.sectors), _("your sectors")),
        (bool(participant.languages), _("the languages you speak")),
        (any(o.kind == "offer" for o in opportunities), _("an offer")),
        (any(o.kind == "request" for o in opportunities), _("a request")),
        (bool(participant.contact_email), _("a contact e-mail")),
        # The agendas and the table plan name the people who attend the meetings.
        (has_representatives, _("the people who attend your meetings")),
    ]
    done = sum(ok for ok, _label in checks)
    return round(100 * done / len(checks)), [label for ok, label in checks if not ok]


def participant_home(participant: Participant) -> Home:
    opportunities = list(participant.opportunities.all())
    score, missing = completeness(participant, opportunities, participant.representatives.exists())
    requests = list(
        MeetingRequest.objects.filter(Q(sender=participant) | Q(receiver=participant))
        .select_related("sender", "receiver")
        .order_by("-created_at")
    )
    open_with = {
        r.other_side(participant).pk: r.state
        for r in requests
        if r.state in (RequestState.PENDING, RequestState.ACCEPTED)
    }
    marks = dict(Mark.objects.filter(participant=participant).values_list("target_id", "kind"))
    suggestions = [
        Suggestion(
            partner=row.partner,
            score=row.score,
            reasons=reason_texts(row.reasons, row.interpreter_needed),
            request_state=open_with.get(row.partner_id),
            mark=marks.get(row.partner_id),
        )
        for row in Recommendation.objects.filter(participant=participant)
        .select_related("partner")
        .order_by("rank")
        if marks.get(row.partner_id) != "no_thanks"
    ]
    counts = dict.fromkeys(RequestState.values, 0)
    for request in requests:
        counts[request.state] += 1
    return Home(
        participant=participant,
        completeness=score,
        missing=missing,
        suggestions=suggestions,
        incoming=[r for r in requests if r.receiver_id == participant.pk],
        outgoing=[r for r in requests if r.sender_id == participant.pk],
        counts=counts,
    )


@dataclass
class Overview:
    fair: Fair
    total: int
    to_approve: list[Participant]
    without_requests: list[Participant]
    request_counts: dict[str, int]

    @property
    def request_rows(self) -> list[tuple[str, str, int]]:
        return [(s, RequestState(s).label, self.request_counts[s]) for s in RequestState.values]


def organiser_overview(fair: Fair) -> Overview:
    participants = Participant.objects.filter(fair=fair)
    counts = dict.fromkeys(RequestState.values, 0)
    for row in MeetingRequest.objects.filter(fair=fair).values("state").annotate(n=Count("pk")):
        counts[row["state"]] = row["n"]
    involved = MeetingRequest.objects.filter(Q(sender=OuterRef("pk")) | Q(receiver=OuterRef("pk")))
    return Overview(
        fair=fair,
        total=participants.count(),
        to_approve=list(participants.filter(status=ParticipantStatus.PENDING).order_by("name_en")),
        without_requests=list(
            participants.filter(status=ParticipantStatus.APPROVED)
            .filter(~Exists(involved))
            .order_by("name_en")
        ),
        request_counts=counts,
    )
