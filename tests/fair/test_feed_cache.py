"""Calendar feeds are rendered once per version of the fair's schedule: a second poll reads the
cache, and every change that shows in a feed (a move, a cancellation, a no-show mark, a run
adopted, a renamed participant, table or event) shows on the next poll."""

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.fair.domain.agenda import feed_token
from amity.fair.domain.day import mark_meeting
from amity.fair.domain.schedule import (
    add_meeting,
    adopt_run,
    cancel_meeting,
    execute_run,
    move_meeting,
)
from amity.fair.models import MeetingStatus, ScheduleRun, Table
from tests.factories.accounts import OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _poll(client, participant) -> tuple[int, dict[str, icalendar.Event]]:
    address = reverse("fair:ics-feed", args=[feed_token(participant).token])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return len(queries), {str(e["uid"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def placed():
    fair, people, requests, slots = small_fair(participants=3)
    tables = list(Table.objects.filter(fair=fair).order_by("number"))
    one = add_meeting(requests[0], slot=slots[0], table=tables[0], locked=False)
    two = add_meeting(requests[1], slot=slots[1], table=tables[0], locked=False)
    feed_token(people[0])
    return fair, people, requests, slots, tables, one, two


def test_a_second_poll_reads_the_cache(client, placed):
    _fair, people, *_ = placed
    first, events = _poll(client, people[0])
    again, same = _poll(client, people[0])

    # The token look-up stays (it decides who may read); the meetings are not read again.
    assert again < first
    assert again == 1
    assert {uid: e.to_ical() for uid, e in events.items()} == {
        uid: e.to_ical() for uid, e in same.items()
    }


def test_a_move_a_cancellation_and_a_mark_show_on_the_next_poll(client, placed):
    _fair, people, _requests, slots, tables, one, two = placed
    _poll(client, people[0])

    move_meeting(one, slot=slots[3], table=tables[1])
    _, after_move = _poll(client, people[0])
    cancel_meeting(two)
    _, after_cancel = _poll(client, people[0])
    one.refresh_from_db()
    mark_meeting(one, MeetingStatus.NO_SHOW)
    # A mark changes only the entry's time stamp (to the second): the feed is rendered anew.
    rendered, _ = _poll(client, people[0])

    assert after_move[one.uid].decoded("dtstart") == slots[3].starts_at
    assert str(after_cancel[two.uid]["status"]) == "CANCELLED"
    assert rendered > 1


def test_an_adopted_run_shows_on_the_next_poll(client):
    fair, people, requests, _slots = small_fair(participants=3)
    feed_token(people[0])
    _, before = _poll(client, people[0])
    organiser = OrganiserFactory()
    run = execute_run(ScheduleRun.objects.create(fair=fair, started_by=organiser, time_limit=2))

    adopt_run(run)

    _, after = _poll(client, people[0])
    assert (len(before), len(after)) == (0, len(requests))


def test_renamed_participants_tables_and_events_show_on_the_next_poll(client, placed):
    fair, people, _requests, _slots, tables, one, _two = placed
    _poll(client, people[0])

    people[1].name_en = "Renamed Ferries Ltd"
    people[1].save()
    tables[0].number = 41
    tables[0].save()
    fair.event.name_en = "Renamed Forum"
    fair.event.save()

    queries, events = _poll(client, people[0])
    assert queries > 1
    assert "Renamed Ferries Ltd" in str(events[one.uid]["summary"])
    assert "Table 41" in str(events[one.uid]["location"])
