"""Two organisers editing the schedule at once cannot double-book (PostgreSQL only)."""

import json

import pytest
from django.test import Client

from amity.fair.domain.schedule import add_meeting, move_meeting
from amity.fair.models import Meeting, MeetingSeat, Table
from tests.concurrency import at_once, needs_waiting_writer
from tests.factories.accounts import OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = [needs_waiting_writer, pytest.mark.django_db(transaction=True)]


def test_two_moves_into_one_free_table_and_slot_leave_one_meeting_there():
    fair, _people, requests, slots = small_fair(participants=3, tables=2)
    table = Table.objects.get(fair=fair, number=1)
    one = add_meeting(requests[0], slot=slots[0], table=table)
    two = add_meeting(requests[1], slot=slots[1], table=table)
    target = slots[3]

    results, errors = at_once(
        lambda: move_meeting(one, slot=target, table=table),
        lambda: move_meeting(two, slot=target, table=table),
    )

    assert (len(results), len(errors)) == (1, 1)
    assert Meeting.objects.filter(slot=target, table=table).count() == 1


def test_two_late_meetings_of_one_participant_in_one_slot_at_different_tables():
    fair, people, requests, slots = small_fair(participants=3, tables=2)
    tables = list(Table.objects.filter(fair=fair))

    results, errors = at_once(
        lambda: add_meeting(requests[0], slot=slots[0], table=tables[0]),
        lambda: add_meeting(requests[1], slot=slots[0], table=tables[1]),
    )

    assert (len(results), len(errors)) == (1, 1)
    assert MeetingSeat.objects.filter(participant=people[0], slot=slots[0]).count() == 1


def test_two_organisers_moving_into_one_place_through_the_api_get_a_200_and_a_409():
    fair, _people, requests, slots = small_fair(participants=3, tables=2)
    table = Table.objects.get(fair=fair, number=1)
    one = add_meeting(requests[0], slot=slots[0], table=table)
    two = add_meeting(requests[1], slot=slots[1], table=table)
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(OrganiserFactory())

    def move(client, meeting):
        return client.post(
            f"/api/v1/fairs/{fair.pk}/meetings/{meeting.pk}/move",
            json.dumps({"slot_id": slots[3].pk, "table_id": table.pk}),
            content_type="application/json",
        )

    # Whether the loser's check sees the winner or the database's constraint stops it, the
    # answer is the same conflict: a 409, never a 422 (which would read as a bad payload).
    responses, _errors = at_once(lambda: move(clients[0], one), lambda: move(clients[1], two))

    assert sorted(response.status_code for response in responses) == [200, 409]
    assert Meeting.objects.filter(slot=slots[3], table=table).count() == 1
