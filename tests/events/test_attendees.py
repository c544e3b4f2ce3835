"""Registering organisations and adding attendees: one person once per event, clear errors."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from amity.events.domain import add_attendee, register_organisation, update_attendee
from amity.events.models import Attendee, AttendeeRole, EventStatus, RegistrationStatus
from tests.factories import EnterpriseUserFactory, OrganiserFactory
from tests.factories.events import DelegationFactory, EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_an_enterprise_registers_while_registration_is_open_and_waits_for_confirmation():
    member = EnterpriseUserFactory()
    event = EventFactory(status=EventStatus.REGISTRATION_OPEN)

    registration = register_organisation(event=event, organisation=member.organisation, by=member)

    assert registration.status == RegistrationStatus.PENDING


def test_registering_twice_returns_the_same_registration():
    member = EnterpriseUserFactory()
    event = EventFactory()

    first = register_organisation(event=event, organisation=member.organisation, by=member)
    second = register_organisation(event=event, organisation=member.organisation, by=member)

    assert first.pk == second.pk


@pytest.mark.parametrize("status", [EventStatus.PLANNED, EventStatus.CLOSED, EventStatus.HELD])
def test_an_enterprise_cannot_register_when_registration_is_not_open(status):
    member = EnterpriseUserFactory()
    event = EventFactory(status=status)

    with pytest.raises(ValidationError) as error:
        register_organisation(event=event, organisation=member.organisation, by=member)

    assert "not open" in error.value.message_dict["event"][0]


def test_an_organiser_registers_anyone_at_any_time_confirmed():
    event = EventFactory(status=EventStatus.CLOSED)
    organisation = EnterpriseUserFactory().organisation

    registration = register_organisation(
        event=event, organisation=organisation, by=OrganiserFactory()
    )

    assert registration.status == RegistrationStatus.CONFIRMED


def test_add_attendee_to_a_delegation():
    delegation = DelegationFactory()

    attendee = add_attendee(
        delegation=delegation, role=AttendeeRole.HEAD, name_en=" Jules Radich ", name_zh="朱尔斯"
    )

    assert (attendee.event_id, attendee.name_en, attendee.registration) == (
        delegation.event_id,
        "Jules Radich",
        None,
    )


def test_a_person_in_two_delegations_of_one_event_is_refused_naming_the_email():
    first = DelegationFactory()
    second = DelegationFactory(event=first.event)
    add_attendee(delegation=first, role="official", name_en="A", email="a@partner.example")

    with pytest.raises(ValidationError) as error:
        add_attendee(delegation=second, role="official", name_en="A", email="A@Partner.example")

    assert "already an attendee" in error.value.message_dict["email"][0]
    assert Attendee.objects.filter(delegation=second).count() == 0


def test_an_account_attends_an_event_once():
    member = EnterpriseUserFactory()
    registration = RegistrationFactory(organisation=member.organisation)
    add_attendee(registration=registration, user=member, role="business", name_en="M")

    with pytest.raises(ValidationError) as error:
        add_attendee(registration=registration, user=member, role="business", name_en="M")

    assert "user" in error.value.message_dict


def test_a_second_head_of_a_delegation_is_refused():
    delegation = DelegationFactory()
    add_attendee(delegation=delegation, role=AttendeeRole.HEAD, name_en="Head")

    with pytest.raises(ValidationError) as error:
        add_attendee(delegation=delegation, role=AttendeeRole.HEAD, name_en="Other")

    assert "role" in error.value.message_dict


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"role": "king", "name_en": "X"}, "role"),
        ({"role": "staff", "name_en": ""}, "name_en"),
        ({"role": "staff", "name_en": "X", "email": "nope"}, "email"),
        ({"role": "staff", "name_en": "X" * 201}, "name_en"),
        ({"role": "staff", "name_en": "X", "passport_number": "E123"}, "passport_number"),
    ],
)
def test_bad_attendee_fields_are_named_and_nothing_is_saved(fields, field):
    delegation = DelegationFactory()

    with pytest.raises(ValidationError) as error:
        add_attendee(delegation=delegation, **fields)

    assert field in error.value.message_dict
    assert Attendee.objects.count() == 0


def test_an_attendee_needs_exactly_one_of_delegation_and_registration():
    with pytest.raises(ValidationError):
        add_attendee(role="staff", name_en="Nobody")


def test_update_attendee_keeps_the_email_rule():
    delegation = DelegationFactory()
    add_attendee(delegation=delegation, role="staff", name_en="A", email="a@x.example")
    other = add_attendee(delegation=delegation, role="staff", name_en="B", email="b@x.example")

    with pytest.raises(ValidationError):
        update_attendee(other, email="a@x.example")

    other.refresh_from_db()
    assert other.email == "b@x.example"


def test_an_enterprise_registration_is_confirmed_by_email(django_capture_on_commit_callbacks):
    member = EnterpriseUserFactory(email="buyer@firm.example")
    event = EventFactory(status="registration_open")

    with django_capture_on_commit_callbacks(execute=True):
        register_organisation(event=event, organisation=member.organisation, by=member)

    assert [message.to for message in mail.outbox] == [["buyer@firm.example"]]
    assert event.name_en in mail.outbox[0].subject
