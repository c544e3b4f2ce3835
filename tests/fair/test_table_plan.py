"""The printed table plan of one slot: who sits where, in the reader's language, in a fixed
number of queries however many meetings the slot holds."""

import pytest
from django.urls import reverse

from amity.fair.domain.agenda import table_plan
from amity.fair.domain.publish import latest_publication, publish
from amity.fair.domain.schedule import add_meeting, cancel_meeting
from amity.fair.models import Interpreter, RequestState, Table
from tests.factories.accounts import OrganiserFactory
from tests.factories.fair import MeetingRequestFactory, ParticipantFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _pairs_in_first_slot(count: int):
    """A fair whose first slot holds ``count`` meetings of distinct pairs, table by table."""
    fair, _people, _requests, slots = small_fair(participants=2, tables=count)
    tables = list(Table.objects.filter(fair=fair).order_by("number"))
    meetings = []
    for index in range(count):
        sender, receiver = ParticipantFactory.create_batch(2, fair=fair)
        request = MeetingRequestFactory(
            fair=fair, sender=sender, receiver=receiver, state=RequestState.ACCEPTED
        )
        meetings.append(add_meeting(request, slot=slots[0], table=tables[index]))
    return fair, slots, meetings


def test_the_plan_lists_each_active_meeting_of_the_slot_by_table_with_both_sides():
    fair, slots, meetings = _pairs_in_first_slot(3)
    interpreter = Interpreter.objects.create(fair=fair, name="Zhang Min", languages=["zh", "en"])
    meetings[1].interpreter = interpreter
    meetings[1].save(update_fields=["interpreter"])
    cancel_meeting(meetings[2])

    rows = table_plan(slots[0])

    assert [row.table for row in rows] == [meetings[0].table.number, meetings[1].table.number]
    first = meetings[0].request
    assert (rows[0].sender.name_en, rows[0].receiver.name_en) == (
        first.sender.name_en,
        first.receiver.name_en,
    )
    assert [row.interpreter for row in rows] == ["", "Zhang Min"]
    assert table_plan(slots[1]) == []


def test_the_plan_page_shows_the_chinese_name_to_a_chinese_reader(client):
    _fair, slots, meetings = _pairs_in_first_slot(1)
    sender = meetings[0].request.sender
    sender.name_zh = "上海港务集团"
    sender.save(update_fields=["name_zh"])
    client.force_login(OrganiserFactory())
    url = reverse("fair:table-plan", args=[slots[0].pk])

    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(f"/zh-hans{url.removeprefix('/en')}").content.decode()

    assert sender.name_en in english
    assert "上海港务集团" not in english
    assert "上海港务集团" in chinese
    assert "桌号" in chinese


def test_an_empty_slot_says_so(client):
    _fair, _people, _requests, slots = small_fair(participants=2)
    client.force_login(OrganiserFactory())
    response = client.get(reverse("fair:table-plan", args=[slots[0].pk]))
    assert "No meetings in this slot." in response.content.decode()


@pytest.mark.parametrize("count", [1, 12])
def test_the_plan_page_takes_the_same_queries_for_one_meeting_and_many(
    client, django_assert_num_queries, count
):
    _fair, slots, _meetings = _pairs_in_first_slot(count)
    client.force_login(OrganiserFactory())
    url = reverse("fair:table-plan", args=[slots[0].pk])
    # session, user, slot with its fair, the plan's rows
    with django_assert_num_queries(4):
        response = client.get(url)
    assert response.content.decode().count("<tr><td>") == count


def test_pages_read_the_publication_without_its_snapshot_and_publishing_with_it():
    fair, _people, requests, slots = small_fair(participants=2)
    add_meeting(requests[0], slot=slots[0], table=Table.objects.filter(fair=fair).first())
    publish(fair, "preliminary", by=OrganiserFactory())

    shown = latest_publication(fair)
    assert "snapshot" in shown.get_deferred_fields()
    # Compared by publish() to tell a no-op: it reads the snapshot.
    full = latest_publication(fair, with_snapshot=True)
    assert full.get_deferred_fields() == set()
    assert publish(fair, "preliminary", by=OrganiserFactory()) is None
