"""Delegations: travel times in order, one per place, a person in one delegation per event."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from amity.accounts.models import Role
from amity.events.domain.attendees import add_attendee
from amity.events.domain.delegations import (
    invite_delegation_head,
    register_delegation,
    update_delegation,
)
from amity.events.models import Attendee, Delegation
from tests.factories import DelegateFactory, OrganiserFactory, PlaceFactory
from tests.factories.events import DelegationFactory, EventFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
LANDS = datetime.datetime(2023, 11, 29, 6, 0, tzinfo=UTC)


def test_register_delegation_departing_before_arrival_is_refused_naming_departure():
    event, place = EventFactory(), PlaceFactory()

    with pytest.raises(ValidationError) as caught:
        register_delegation(
            event=event,
            place=place,
            arrival_at=LANDS,
            departure_at=LANDS - datetime.timedelta(hours=1),
        )

    assert list(caught.value.message_dict) == ["departure_at"]
    assert Delegation.objects.count() == 0


def test_register_delegation_twice_for_one_place_is_refused():
    delegation = DelegationFactory()

    with pytest.raises(ValidationError) as caught:
        register_delegation(event=delegation.event, place=delegation.place)

    assert list(caught.value.message_dict) == ["place"]


def test_database_refuses_departure_before_arrival():
    delegation = DelegationFactory()
    delegation.arrival_at, delegation.departure_at = LANDS, LANDS - datetime.timedelta(days=1)

    with pytest.raises(IntegrityError):
        delegation.save()


def test_member_in_two_delegations_of_one_event_is_refused_naming_email():
    event = EventFactory()
    first, second = DelegationFactory(event=event), DelegationFactory(event=event)
    add_attendee(delegation=first, role="official", name_en="A. Person", email="a@x.example")

    with pytest.raises(ValidationError) as caught:
        add_attendee(delegation=second, role="official", name_en="A. Person", email="A@x.example")

    assert list(caught.value.message_dict) == ["email"]
    assert Attendee.objects.filter(delegation=second).count() == 0


def test_delegate_updates_travel_of_own_delegation():
    delegation = DelegationFactory()
    delegate = DelegateFactory(partner_place=delegation.place)

    update_delegation(delegation, by=delegate, arrival_flight="NZ289", arrival_at=LANDS)

    delegation.refresh_from_db()
    assert (delegation.arrival_flight, delegation.arrival_at) == ("NZ289", LANDS)


def test_delegate_may_not_change_protocol_order():
    delegation = DelegationFactory()
    delegate = DelegateFactory(partner_place=delegation.place)

    with pytest.raises(ValidationError) as caught:
        update_delegation(delegation, by=delegate, protocol_order=1)

    assert list(caught.value.message_dict) == ["protocol_order"]


def test_delegate_after_deadline_is_refused_organiser_is_not():
    event = EventFactory(delegation_deadline=datetime.datetime(2020, 1, 1, tzinfo=UTC))
    delegation = DelegationFactory(event=event)
    delegate = DelegateFactory(partner_place=delegation.place)

    with pytest.raises(ValidationError):
        update_delegation(delegation, by=delegate, arrival_flight="NZ1")
    update_delegation(delegation, by=OrganiserFactory(), arrival_flight="NZ1")

    delegation.refresh_from_db()
    assert delegation.arrival_flight == "NZ1"


def test_invite_delegation_head_creates_a_delegate_of_the_place_and_mails_them(
    django_capture_on_commit_callbacks,
):
    delegation = DelegationFactory()
    organiser = OrganiserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        user = invite_delegation_head(delegation, email="head@dunedin.example", by=organiser)

    assert (user.role, user.partner_place_id) == (Role.DELEGATE, delegation.place_id)
    assert [message.to for message in mail.outbox] == [["head@dunedin.example"]]
