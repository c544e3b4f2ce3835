"""Two pairs accepting one freed slot at the same moment: one meeting, one "already taken"."""

import pytest

from amity.fair.domain.freed_slots import accept_offer
from amity.fair.domain.schedule import add_meeting, cancel_meeting
from amity.fair.models import FreedSlot, Meeting, MeetingStatus, SlotOffer
from tests.concurrency import at_once, needs_waiting_writer
from tests.fair.followup_helpers import waiting_fair

pytestmark = [needs_waiting_writer, pytest.mark.django_db(transaction=True)]


def test_two_accepts_of_one_freed_slot_place_one_meeting():
    _fair, _people, requests, slots, meeting, _members = waiting_fair()
    cancel_meeting(meeting)
    freed = FreedSlot.objects.get(source=meeting)
    # p2–p3 and p1–p4 share nobody, and two tables are free: only the row lock decides.
    one = SlotOffer.objects.get(freed_slot=freed, request=requests[-2])
    two = SlotOffer.objects.get(freed_slot=freed, request=requests[-1])

    results, errors = at_once(lambda: accept_offer(one), lambda: accept_offer(two))

    assert (len(results), len(errors)) == (1, 1)
    assert "already taken" in str(errors[0])
    placed = Meeting.objects.filter(slot=slots[0], status=MeetingStatus.SCHEDULED)
    assert list(placed.values_list("request", flat=True)) == [results[0].request_id]


def test_one_pair_accepting_two_freed_slots_at_once_gets_one_meeting():
    fair, _people, requests, slots, meeting, _members = waiting_fair()
    second = add_meeting(requests[-1], slot=slots[1], table=fair.tables.first())
    cancel_meeting(meeting)
    cancel_meeting(second)
    offers = SlotOffer.objects.filter(request=requests[-2])  # p2–p3, offered both slots
    assert offers.count() == 2

    results, errors = at_once(*(lambda o=o: accept_offer(o) for o in offers))

    assert (len(results), len(errors)) == (1, 1)
    assert Meeting.objects.filter(request=requests[-2], status="scheduled").count() == 1
