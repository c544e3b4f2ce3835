"""Freed slots: a cancelled or no-show meeting's slot goes to a waiting pair, first accept wins."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from amity.fair.domain.day import mark_meeting
from amity.fair.domain.freed_slots import (
    accept_offer,
    freed_slots,
    offer_freed_slot,
    offer_status,
    waiting_pairs,
)
from amity.fair.domain.schedule import add_meeting, cancel_meeting
from amity.fair.models import (
    FreedSlot,
    FreedSlotState,
    Meeting,
    MeetingSeat,
    MeetingStatus,
    SlotOffer,
    Unavailability,
)
from amity.notifications.models import Notification
from tests.factories.events import RegistrantFactory, RegistrationFactory
from tests.fair.followup_helpers import waiting_fair

pytestmark = pytest.mark.django_db


def _pairs(freed: FreedSlot) -> set[tuple[int, int]]:
    return {(o.request.sender_id, o.request.receiver_id) for o in freed.offers.all()}


def test_a_cancelled_meeting_offers_its_slot_to_every_free_waiting_pair():
    _fair, people, _requests, slots, meeting, _members = waiting_fair()

    cancel_meeting(meeting)

    freed = FreedSlot.objects.get(source=meeting)
    assert freed.slot == slots[0]
    # p0 and p1 are free again; p0–p1 is the pair that just cancelled, so it is not asked.
    p = [x.pk for x in people]
    assert _pairs(freed) == {(p[0], p[2]), (p[0], p[3]), (p[0], p[4]), (p[2], p[3]), (p[1], p[4])}


def test_both_sides_of_an_offered_pair_are_notified_with_the_one_click_link():
    _fair, people, _requests, _slots, meeting, members = waiting_fair()

    cancel_meeting(meeting)

    offer = SlotOffer.objects.get(request__sender=people[2])
    link = reverse("fair:slot-offer", args=[offer.token])
    assert set(Notification.objects.filter(url=link).values_list("recipient", flat=True)) == {
        members[2].pk,
        members[3].pk,
    }


def test_a_pair_busy_or_unavailable_in_the_slot_is_not_offered_it():
    _fair, people, _requests, slots, meeting, _members = waiting_fair()
    Unavailability.objects.create(
        participant=people[4], session_id=slots[0].session_id, slot=slots[0].index
    )

    cancel_meeting(meeting)

    assert people[4].pk not in {
        side
        for o in SlotOffer.objects.all()
        for side in (o.request.sender_id, o.request.receiver_id)
    }


def test_the_first_accept_takes_the_slot_and_the_others_read_already_taken():
    _fair, _people, _requests, slots, meeting, _members = waiting_fair()
    cancel_meeting(meeting)
    freed = FreedSlot.objects.get(source=meeting)
    first, second = freed.offers.order_by("pk")[:2]

    placed = accept_offer(first)

    assert (placed.slot, placed.request, placed.status) == (slots[0], first.request, "scheduled")
    freed.refresh_from_db()
    assert (freed.state, freed.filled_by) == (FreedSlotState.TAKEN, placed)
    second.refresh_from_db()
    assert offer_status(second) == "taken"
    with pytest.raises(ValidationError) as error:
        accept_offer(second)
    assert "already taken" in str(error.value)
    assert Meeting.objects.filter(request=second.request).count() == 0


def test_a_no_show_frees_the_present_sides_seat_for_a_replacement_meeting():
    _fair, people, requests, slots, meeting, _members = waiting_fair()

    mark_meeting(meeting, MeetingStatus.NO_SHOW)
    offer = SlotOffer.objects.get(request=requests[1])  # p0–p2: p0's partner p1 did not come
    placed = accept_offer(offer)

    seats = MeetingSeat.objects.filter(participant=people[0], slot=slots[0])
    assert list(seats.values_list("meeting", flat=True)) == [placed.pk]
    assert placed.table.number == 2  # the no-show keeps its table as a record
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.NO_SHOW


def test_undoing_a_no_show_withdraws_its_offers():
    _fair, _people, _requests, _slots, meeting, _members = waiting_fair()
    mark_meeting(meeting, MeetingStatus.NO_SHOW)

    mark_meeting(meeting, MeetingStatus.SCHEDULED)

    offer = SlotOffer.objects.first()
    assert offer_status(offer) == "expired"
    with pytest.raises(ValidationError):
        accept_offer(offer)


@pytest.mark.parametrize("status", [MeetingStatus.SCHEDULED, MeetingStatus.HELD])
def test_a_no_show_whose_slot_a_replacement_took_cannot_be_undone(status):
    _fair, people, requests, slots, meeting, _members = waiting_fair()
    mark_meeting(meeting, MeetingStatus.NO_SHOW)
    placed = accept_offer(SlotOffer.objects.get(request=requests[1]))

    with pytest.raises(ValidationError) as error:
        mark_meeting(Meeting.objects.get(pk=meeting.pk), status)

    assert "replacement" in str(error.value)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.NO_SHOW
    # p0 keeps one seat in the slot: the replacement's.
    seats = MeetingSeat.objects.filter(participant=people[0], slot=slots[0])
    assert list(seats.values_list("meeting", flat=True)) == [placed.pk]


def test_an_offer_expires_halfway_through_its_slot_and_nothing_changes():
    _fair, _people, _requests, slots, meeting, _members = waiting_fair()
    cancel_meeting(meeting)
    offer = SlotOffer.objects.first()
    late = slots[0].starts_at + timedelta(minutes=10)

    with pytest.raises(ValidationError) as error:
        accept_offer(offer, now=late)

    assert "expired" in str(error.value)
    assert not Meeting.objects.filter(request=offer.request).exists()


def test_a_slot_already_half_over_is_not_offered():
    _fair, _people, _requests, slots, meeting, _members = waiting_fair()
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED)
    assert offer_freed_slot(meeting, now=slots[0].starts_at + timedelta(minutes=11)) is None
    assert not FreedSlot.objects.exists()


def test_once_the_slot_has_begun_only_checked_in_pairs_are_asked():
    fair, people, _requests, slots, meeting, _members = waiting_fair()
    for index in (2, 3):
        badge = RegistrantFactory(
            registration=RegistrationFactory(
                event=fair.event, organisation=people[index].organisation
            )
        )
        badge.checked_in_at = slots[0].starts_at
        badge.save()
    cancel_meeting(meeting)

    pairs = waiting_pairs(fair.pk, slots[0], present_only=True)

    assert [(r.sender_id, r.receiver_id) for r in pairs] == [(people[2].pk, people[3].pk)]


def test_a_pair_that_meanwhile_met_elsewhere_reads_scheduled():
    _fair, _people, requests, slots, meeting, _members = waiting_fair()
    cancel_meeting(meeting)
    offer = SlotOffer.objects.get(request=requests[-2])  # p2–p3
    add_meeting(requests[-2], slot=slots[2], table=slots[2].fair.tables.first())

    assert offer_status(offer) == "scheduled"
    with pytest.raises(ValidationError):
        accept_offer(offer)


def test_the_offer_page_accepts_in_one_click_and_then_shows_it_taken(client):
    _fair, _people, _requests, _slots, meeting, _members = waiting_fair()
    cancel_meeting(meeting)
    first, second = SlotOffer.objects.order_by("pk")[:2]

    page = client.get(reverse("fair:slot-offer", args=[first.token])).content.decode()
    assert 'data-action="accept-offer"' in page
    client.post(reverse("fair:slot-offer", args=[first.token]))
    taken = client.get(reverse("fair:slot-offer", args=[second.token])).content.decode()

    assert Meeting.objects.filter(request=first.request, status="scheduled").exists()
    assert 'data-status="taken"' in taken


def test_the_offer_page_in_chinese(client):
    _fair, _people, _requests, _slots, meeting, _members = waiting_fair()
    cancel_meeting(meeting)
    offer = SlotOffer.objects.first()

    with translation.override("zh-hans"):
        page = client.get(reverse("fair:slot-offer", args=[offer.token])).content.decode()

    assert "接受" in page


def test_the_freed_slots_list_is_a_constant_number_of_queries(django_assert_num_queries):
    fair, _people, requests, slots, meeting, _members = waiting_fair()
    with django_assert_num_queries(1):
        assert freed_slots(fair.pk) == []
    cancel_meeting(meeting)
    with django_assert_num_queries(2):
        rows = freed_slots(fair.pk)
        assert [len(f.offers.all()) for f in rows] == [5]
    other = add_meeting(requests[-1], slot=slots[1], table=fair.tables.first())
    cancel_meeting(other)
    with django_assert_num_queries(2):
        rows = freed_slots(fair.pk)
        assert len(rows) == 2
        assert {o.request.sender.name_en for f in rows for o in f.offers.all()}


def test_a_no_show_with_no_other_free_table_offers_nothing():
    fair, _people, _requests, _slots, meeting, _members = waiting_fair()
    fair.tables.exclude(pk=meeting.table_id).delete()

    mark_meeting(meeting, MeetingStatus.NO_SHOW)

    # The no-show keeps its table as a record, so the slot has no table to give.
    assert not FreedSlot.objects.exists()
