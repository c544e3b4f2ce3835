"""Two connections at once: caps and the one-open-request rule hold (PostgreSQL only)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from amity.fair.domain import accept_request, send_request
from amity.fair.models import MeetingRequest, RequestState
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        # SQLite's in-memory test database reports "table is locked" at once instead of
        # letting the second writer wait; the constraints guard SQLite, CI runs this on PG.
        reason="needs a database server that lets the second writer wait",
    ),
    pytest.mark.django_db(transaction=True),
]


def _at_once(*actions) -> tuple[list, list[BaseException]]:
    results, errors = [], []
    barrier = threading.Barrier(len(actions))

    def run(action) -> None:
        try:
            barrier.wait()
            results.append(action())
        except ValidationError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_two_accepts_at_once_cannot_exceed_the_meeting_cap():
    fair = FairFactory()
    busy = ParticipantFactory(fair=fair, max_meetings=1)
    first, second = ParticipantFactory.create_batch(2, fair=fair)
    one = send_request(sender=first, receiver=busy)
    two = send_request(sender=second, receiver=busy)

    results, errors = _at_once(lambda: accept_request(one), lambda: accept_request(two))

    assert (len(results), len(errors)) == (1, 1)
    assert MeetingRequest.objects.filter(state=RequestState.ACCEPTED).count() == 1


def test_two_requests_for_one_pair_at_once_leave_one_open_request():
    fair = FairFactory()
    a, b = ParticipantFactory.create_batch(2, fair=fair)

    results, errors = _at_once(
        lambda: send_request(sender=a, receiver=b), lambda: send_request(sender=b, receiver=a)
    )

    assert (len(results), len(errors)) == (1, 1)
    assert MeetingRequest.objects.filter(state=RequestState.PENDING).count() == 1
