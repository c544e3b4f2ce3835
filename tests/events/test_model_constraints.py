"""The events' invariants hold in the database, whatever path writes the rows."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from amity.events.models import Attendee, AttendeeRole
from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    RegistrantFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def test_event_ending_before_it_starts_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(starts_on=datetime.date(2023, 12, 1), ends_on=datetime.date(2023, 11, 30))


def test_venue_with_one_coordinate_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        VenueFactory(latitude=31.2, longitude=None)


def test_attendee_must_belong_to_a_delegation_or_a_registration_not_both():
    member = DelegationMemberFactory()
    registrant = RegistrantFactory(registration__event=member.event)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendee.objects.filter(pk=member.pk).update(registration=registrant.registration)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendee.objects.filter(pk=member.pk).update(delegation=None)


def test_same_email_twice_in_one_event_is_refused_in_any_letter_case():
    first = DelegationMemberFactory(email="aroha@dunedin.example")
    other_delegation = DelegationFactory(event=first.event)
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationMemberFactory(delegation=other_delegation, email="Aroha@Dunedin.example")


def test_same_email_at_two_events_is_allowed():
    first = DelegationMemberFactory(email="aroha@dunedin.example")
    second = DelegationMemberFactory(email="aroha@dunedin.example")
    assert first.event != second.event


def test_a_delegation_has_one_head():
    head = DelegationMemberFactory(role=AttendeeRole.HEAD)
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationMemberFactory(delegation=head.delegation, role=AttendeeRole.HEAD)


def test_checkin_tokens_are_distinct():
    attendees = DelegationMemberFactory.create_batch(20)
    assert len({a.checkin_token for a in attendees}) == 20
