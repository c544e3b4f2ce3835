"""Meeting requests: the happy path, every refusal, and the caps."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from amity.fair.domain import (
    accept_request,
    create_meeting,
    decline_request,
    expire_requests,
    send_request,
    set_mark,
    withdraw_request,
)
from amity.fair.models import MarkKind, MeetingRequest, RequestPriority, RequestState
from amity.notifications.models import Notification
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    fair = FairFactory()
    return ParticipantFactory(fair=fair), ParticipantFactory(fair=fair)


def test_send_request_is_pending_with_expiry_and_notifies_receiver(
    pair, django_capture_on_commit_callbacks
):
    sender, receiver = pair
    member = EnterpriseUserFactory(organisation=receiver.organisation)

    with django_capture_on_commit_callbacks(execute=True):
        request = send_request(sender=sender, receiver=receiver, note="Buses?")

    assert request.state == RequestState.PENDING
    assert request.expires_at > timezone.now() + timedelta(days=2)
    assert Notification.objects.get(recipient=member).params["other"] == sender.name_en
    assert len(mail.outbox) == 1


def test_accept_then_decline_is_refused(pair):
    sender, receiver = pair
    request = accept_request(send_request(sender=sender, receiver=receiver))

    with pytest.raises(ValidationError) as error:
        decline_request(request)

    assert "state" in error.value.message_dict
    assert MeetingRequest.objects.get().state == RequestState.ACCEPTED


def test_decline_keeps_the_reason(pair):
    request = decline_request(send_request(sender=pair[0], receiver=pair[1]), "Too far")

    assert (request.state, request.decline_reason) == (RequestState.DECLINED, "Too far")


def test_withdrawn_request_frees_the_pair(pair):
    withdraw_request(send_request(sender=pair[0], receiver=pair[1]))

    again = send_request(sender=pair[1], receiver=pair[0])

    assert again.state == RequestState.PENDING


def test_request_to_oneself_is_refused(pair):
    with pytest.raises(ValidationError) as error:
        send_request(sender=pair[0], receiver=pair[0])

    assert "receiver" in error.value.message_dict
    assert MeetingRequest.objects.count() == 0


def test_database_refuses_a_request_to_oneself(pair):
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingRequest.objects.create(fair=pair[0].fair, sender=pair[0], receiver=pair[0])


def test_second_open_request_for_a_pair_is_refused_either_way(pair):
    send_request(sender=pair[0], receiver=pair[1])

    with pytest.raises(ValidationError) as error:
        send_request(sender=pair[1], receiver=pair[0])

    assert "receiver" in error.value.message_dict
    assert MeetingRequest.objects.count() == 1


def test_database_refuses_two_open_requests_for_a_pair(pair):
    MeetingRequest.objects.create(fair=pair[0].fair, sender=pair[0], receiver=pair[1])

    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingRequest.objects.create(fair=pair[0].fair, sender=pair[1], receiver=pair[0])


def test_request_to_a_participant_who_said_no_thanks_is_refused(pair):
    set_mark(pair[1], pair[0], MarkKind.NO_THANKS)

    with pytest.raises(ValidationError) as error:
        send_request(sender=pair[0], receiver=pair[1])

    assert "does not wish to meet" in error.value.message_dict["receiver"][0]
    assert MeetingRequest.objects.count() == 0


def test_request_after_the_deadline_is_refused(pair):
    fair = pair[0].fair
    fair.request_deadline = timezone.now() - timedelta(minutes=1)
    fair.save()

    with pytest.raises(ValidationError) as error:
        send_request(sender=pair[0], receiver=pair[1])

    assert "fair" in error.value.message_dict


def test_request_beyond_the_pending_cap_is_refused():
    fair = FairFactory(max_pending_requests=2)
    sender = ParticipantFactory(fair=fair)
    others = ParticipantFactory.create_batch(3, fair=fair)
    for other in others[:2]:
        send_request(sender=sender, receiver=other)

    with pytest.raises(ValidationError) as error:
        send_request(sender=sender, receiver=others[2])

    assert "sender" in error.value.message_dict
    assert MeetingRequest.objects.count() == 2


def test_accept_beyond_the_meeting_cap_is_refused():
    fair = FairFactory()
    busy = ParticipantFactory(fair=fair, max_meetings=1)
    first, second = ParticipantFactory.create_batch(2, fair=fair)
    one = send_request(sender=first, receiver=busy)
    two = send_request(sender=second, receiver=busy)
    accept_request(one)

    with pytest.raises(ValidationError) as error:
        accept_request(two)

    assert "receiver" in error.value.message_dict
    assert MeetingRequest.objects.get(pk=two.pk).state == RequestState.PENDING


def test_unapproved_participant_cannot_send(pair):
    pair[0].status = "pending"
    pair[0].save()

    with pytest.raises(ValidationError) as error:
        send_request(sender=pair[0], receiver=pair[1])

    assert "sender" in error.value.message_dict


def test_must_meet_mark_raises_the_priority(pair):
    set_mark(pair[0], pair[1], MarkKind.MUST_MEET)

    request = send_request(sender=pair[0], receiver=pair[1])

    assert request.priority == RequestPriority.MUST_MEET


def test_expire_requests_expires_only_due_ones(pair):
    due = send_request(sender=pair[0], receiver=pair[1])
    MeetingRequest.objects.filter(pk=due.pk).update(expires_at=timezone.now() - timedelta(1))
    other = ParticipantFactory(fair=pair[0].fair)
    fresh = send_request(sender=pair[0], receiver=other)

    assert expire_requests() == 1
    assert MeetingRequest.objects.get(pk=due.pk).state == RequestState.EXPIRED
    assert MeetingRequest.objects.get(pk=fresh.pk).state == RequestState.PENDING


def test_organiser_creates_an_accepted_meeting(pair):
    meeting = create_meeting(by=OrganiserFactory(), first=pair[0], second=pair[1])

    assert (meeting.state, meeting.priority) == (RequestState.ACCEPTED, RequestPriority.ORGANISER)


def test_enterprise_member_cannot_create_a_meeting_directly(pair):
    with pytest.raises(ValidationError):
        create_meeting(by=EnterpriseUserFactory(), first=pair[0], second=pair[1])

    assert MeetingRequest.objects.count() == 0
