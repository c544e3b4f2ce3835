"""Factories for events: events, venues, delegations, registrations and attendees."""

import datetime

import factory
from factory.django import DjangoModelFactory

from amity.events.models import (
    Attendee,
    AttendeeRole,
    Delegation,
    Event,
    EventKind,
    EventStatus,
    Registration,
    Session,
    SessionKind,
    Venue,
)
from tests.factories.accounts import OrganisationFactory
from tests.factories.cities import PlaceFactory


class VenueFactory(DjangoModelFactory):
    class Meta:
        model = Venue

    name_en = factory.Sequence(lambda n: f"Conference Hall {n}")
    name_zh = factory.Sequence(lambda n: f"会议厅{n}")
    address_en = "1 Century Avenue, Shanghai"
    latitude = 31.2397
    longitude = 121.4998


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    name_en = factory.Sequence(lambda n: f"Friendship Cities Forum {n}")
    name_zh = factory.Sequence(lambda n: f"友好城市论坛{n}")
    kind = EventKind.FORUM
    status = EventStatus.REGISTRATION_OPEN
    time_zone = "Asia/Shanghai"
    starts_on = datetime.date(2023, 11, 30)
    ends_on = datetime.date(2023, 12, 1)
    is_published = True


class DelegationFactory(DjangoModelFactory):
    class Meta:
        model = Delegation

    event = factory.SubFactory(EventFactory)
    place = factory.SubFactory(PlaceFactory)


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class DelegationMemberFactory(DjangoModelFactory):
    """An attendee who belongs to a delegation."""

    class Meta:
        model = Attendee

    delegation = factory.SubFactory(DelegationFactory)
    event = factory.LazyAttribute(lambda a: a.delegation.event)
    role = AttendeeRole.OFFICIAL
    name_en = factory.Sequence(lambda n: f"Delegate Person {n}")
    name_zh = factory.Sequence(lambda n: f"代表{n}")


class RegistrantFactory(DjangoModelFactory):
    """An attendee who comes with an organisation's registration."""

    class Meta:
        model = Attendee

    registration = factory.SubFactory(RegistrationFactory)
    event = factory.LazyAttribute(lambda a: a.registration.event)
    role = AttendeeRole.BUSINESS
    name_en = factory.Sequence(lambda n: f"Representative {n}")
    organisation_name = factory.LazyAttribute(lambda a: a.registration.organisation.name_en)


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    kind = SessionKind.PLENARY
    title_en = factory.Sequence(lambda n: f"Session {n}")
    title_zh = factory.Sequence(lambda n: f"会议{n}")
    starts_at = datetime.datetime(2023, 12, 1, 1, 0, tzinfo=datetime.UTC)
    ends_at = datetime.datetime(2023, 12, 1, 2, 0, tzinfo=datetime.UTC)
    room = factory.Sequence(lambda n: f"Room {n}")
