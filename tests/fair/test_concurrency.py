"""Two connections at once: caps and the one-open-request rule hold (PostgreSQL only)."""

import pytest

from amity.fair.domain import accept_request, send_request
from amity.fair.models import MeetingRequest, RequestState
from tests.concurrency import at_once, needs_waiting_writer
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = [needs_waiting_writer, pytest.mark.django_db(transaction=True)]


def test_two_accepts_at_once_cannot_exceed_the_meeting_cap():
    fair = FairFactory()
    busy = ParticipantFactory(fair=fair, max_meetings=1)
    first, second = ParticipantFactory.create_batch(2, fair=fair)
    one = send_request(sender=first, receiver=busy)
    two = send_request(sender=second, receiver=busy)

    results, errors = at_once(lambda: accept_request(one), lambda: accept_request(two))

    assert (len(results), len(errors)) == (1, 1)
    assert MeetingRequest.objects.filter(state=RequestState.ACCEPTED).count() == 1


def test_two_requests_for_one_pair_at_once_leave_one_open_request():
    fair = FairFactory()
    a, b = ParticipantFactory.create_batch(2, fair=fair)

    results, errors = at_once(
        lambda: send_request(sender=a, receiver=b), lambda: send_request(sender=b, receiver=a)
    )

    assert (len(results), len(errors)) == (1, 1)
    assert MeetingRequest.objects.filter(state=RequestState.PENDING).count() == 1
