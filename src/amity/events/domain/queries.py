"""What the events pages and API show, each in a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from amity.events.models import Attendee, AttendeeRole, Delegation, Event, Session, Speaker


def listed_events(user) -> QuerySet[Event]:
    events = Event.objects.select_related("host_place").annotate(
        delegation_count=Count("delegations", distinct=True),
        session_count=Count("sessions", distinct=True),
    )
    if getattr(user, "is_organiser", False):
        return events
    visible = Q(is_published=True)
    if getattr(user, "partner_place_id", None) and user.is_active:
        visible |= Q(delegations__place_id=user.partner_place_id)
    return events.filter(visible).distinct()


def programme(event: Event) -> QuerySet[Session]:
    speakers = Speaker.objects.select_related("place").order_by("order", "name_en")
    return (
        event.sessions.select_related("venue")
        .prefetch_related(Prefetch("speakers", queryset=speakers))
        .order_by("starts_at", "title_en")
    )


def _head_name():
    heads = Attendee.objects.filter(delegation=OuterRef("pk"), role=AttendeeRole.HEAD)
    return Subquery(heads.values("name_en")[:1])


def delegations(event: Event) -> QuerySet[Delegation]:
    return (
        event.delegations.select_related("place")
        .annotate(member_count=Count("members"), head_name=_head_name())
        .order_by("protocol_order", "place__name_en")
    )


def arrivals(event: Event) -> QuerySet[Delegation]:
    """Delegations by landing time (those without a flight yet last), for the airport pick-up."""
    return (
        delegations(event).filter(arrival_at__isnull=False).order_by("arrival_at", "place__name_en")
    )


def delegation_members(delegation: Delegation) -> list[Attendee]:
    order = {role: index for index, role in enumerate(AttendeeRole.values)}
    members = list(delegation.members.all())
    members.sort(key=lambda member: (order.get(member.role, 99), member.name_en))
    return members


def badge_attendees(event: Event) -> QuerySet[Attendee]:
    return event.attendees.select_related(
        "delegation__place", "registration__organisation"
    ).order_by("delegation__protocol_order", "delegation__place__name_en", "name_en")


@dataclass(frozen=True)
class EventCounts:
    delegations: int
    people: int
    countries: int
    interpreters: dict[str, int]
    registrations: int


def counts(event: Event) -> EventCounts:
    rows = list(event.delegations.values_list("place__country", "interpreter_languages"))
    needed: Counter[str] = Counter()
    for _country, languages in rows:
        for code in languages.split(","):
            if code.strip():
                needed[code.strip()] += 1
    return EventCounts(
        delegations=len(rows),
        people=event.attendees.count(),
        countries=len({country for country, _languages in rows}),
        interpreters=dict(sorted(needed.items())),
        registrations=event.registrations.count(),
    )


def delegate_schedule(user) -> QuerySet[Session]:
    """Sessions the user speaks at, or a member of their delegation does."""
    return (
        Session.objects.filter(
            Q(speakers__attendee__user=user)
            | Q(speakers__attendee__delegation__place_id=user.partner_place_id)
        )
        .select_related("event", "venue")
        .distinct()
        .order_by("starts_at")
    )
