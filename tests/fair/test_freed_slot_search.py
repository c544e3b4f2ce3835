"""The freed-slot candidate search runs in the database: caps, seats and the query count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from amity.fair.domain.freed_slots import offer_freed_slot, waiting_pairs
from amity.fair.domain.schedule import add_meeting, cancel_meeting
from amity.fair.models import (
    FreedSlot,
    Meeting,
    MeetingRequest,
    MeetingSeat,
    MeetingStatus,
    Participant,
    Recommendation,
    RequestState,
    SlotOffer,
    Table,
)
from tests.factories.fair import MeetingRequestFactory, ParticipantFactory
from tests.fair.followup_helpers import waiting_fair

pytestmark = pytest.mark.django_db


def _offered(freed: FreedSlot) -> set[tuple[int, int]]:
    return {(o.request.sender_id, o.request.receiver_id) for o in freed.offers.all()}


def _cancel_quietly(meeting: Meeting) -> None:
    """Cancelled without offering, so the test times the offering alone."""
    MeetingSeat.objects.filter(meeting=meeting).delete()
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED)


@pytest.mark.parametrize("cap", ["own", "fair"])
def test_a_side_at_its_meeting_cap_is_not_offered_the_slot(cap):
    fair, people, _requests, slots, meeting, _members = waiting_fair()
    p5 = ParticipantFactory(fair=fair)
    elsewhere = MeetingRequestFactory(
        fair=fair, sender=people[3], receiver=p5, state=RequestState.ACCEPTED
    )
    add_meeting(elsewhere, slot=slots[2], table=fair.tables.first())
    if cap == "own":
        Participant.objects.filter(pk=people[3].pk).update(max_meetings=1)
    else:
        fair.max_meetings = 1
        fair.save()

    cancel_meeting(meeting)

    p = [x.pk for x in people]
    assert _offered(FreedSlot.objects.get(source=meeting)) == {
        (p[0], p[2]),
        (p[0], p[4]),
        (p[1], p[4]),
    }


def test_a_side_seated_in_the_slot_is_not_offered_it_but_a_no_show_seat_is_free():
    fair, people, _requests, slots, meeting, _members = waiting_fair()
    p5 = ParticipantFactory(fair=fair)
    request = MeetingRequestFactory(
        fair=fair, sender=people[4], receiver=p5, state=RequestState.ACCEPTED
    )
    seated = add_meeting(request, slot=slots[0], table=fair.tables.get(number=2))
    Table.objects.create(fair=fair, number=3)
    _cancel_quietly(meeting)
    p = [x.pk for x in people]

    while_seated = _offered(offer_freed_slot(meeting))
    FreedSlot.objects.all().delete()
    Meeting.objects.filter(pk=seated.pk).update(status=MeetingStatus.NO_SHOW)
    after_no_show = _offered(offer_freed_slot(meeting))

    assert while_seated == {(p[0], p[2]), (p[0], p[3]), (p[2], p[3])}
    assert after_no_show == {(p[0], p[2]), (p[0], p[3]), (p[0], p[4]), (p[2], p[3]), (p[1], p[4])}


def test_the_offer_search_is_the_same_number_of_queries_with_few_and_many_waiting_pairs(
    django_assert_num_queries,
):
    few_meeting = waiting_fair()[4]
    fair, people, _requests, _slots, many_meeting, _members = waiting_fair()
    for other in ParticipantFactory.create_batch(40, fair=fair):
        MeetingRequestFactory(
            fair=fair, sender=people[2], receiver=other, state=RequestState.ACCEPTED
        )
    _cancel_quietly(few_meeting)
    _cancel_quietly(many_meeting)
    with CaptureQueriesContext(connection) as few:
        offer_freed_slot(few_meeting)

    with django_assert_num_queries(len(few)):
        offer_freed_slot(many_meeting)

    assert SlotOffer.objects.filter(freed_slot__source=many_meeting).count() == 5


def test_waiting_pairs_of_equal_priority_come_in_the_order_of_their_suggestion_score():
    fair, people, _requests, slots, meeting, _members = waiting_fair()
    Recommendation.objects.create(participant=people[4], partner=people[1], rank=1, score=0.9)
    Recommendation.objects.create(participant=people[0], partner=people[3], rank=1, score=0.5)
    Recommendation.objects.create(participant=people[3], partner=people[0], rank=2, score=0.2)
    _cancel_quietly(meeting)

    pairs = waiting_pairs(fair.pk, slots[0], present_only=False)

    p = [x.pk for x in people]
    assert [(r.sender_id, r.receiver_id) for r in pairs] == [
        (p[1], p[4]),  # 0.9, suggested to the receiver
        (p[0], p[3]),  # 0.5, the better of the two sides' scores
        (p[0], p[1]),  # unsuggested: in the order they were requested
        (p[0], p[2]),
        (p[0], p[4]),
        (p[2], p[3]),
    ]


def test_a_higher_priority_still_comes_before_a_higher_score():
    fair, people, requests, slots, meeting, _members = waiting_fair()
    Recommendation.objects.create(participant=people[1], partner=people[4], rank=1, score=0.9)
    MeetingRequest.objects.filter(pk=requests[1].pk).update(priority=3)  # p0–p2
    _cancel_quietly(meeting)

    pairs = waiting_pairs(fair.pk, slots[0], present_only=False)

    assert [r.pk for r in pairs[:2]] == [requests[1].pk, requests[-1].pk]


def _agenda(client, participant) -> tuple[str, str]:
    with translation.override("en"):
        url = reverse("fair:agenda", args=[participant.pk])
    return url, client.get(url).content.decode()


def test_the_agenda_shows_the_open_offers_and_accepts_one_in_one_click(client):
    _fair, people, requests, slots, meeting, members = waiting_fair()
    cancel_meeting(meeting)
    offer = SlotOffer.objects.get(request=requests[-2])  # p2–p3
    client.force_login(members[2])

    url, page = _agenda(client, people[2])
    response = client.post(reverse("fair:slot-offer", args=[offer.token]), {"next": url})
    _url, after = _agenda(client, people[2])

    assert page.count('data-action="accept-offer"') == 2  # p0–p2 and p2–p3
    assert response["Location"] == url
    placed = Meeting.objects.get(request=requests[-2], status=MeetingStatus.SCHEDULED)
    assert placed.slot == slots[0]
    # The slot is taken: no offer is left to accept.
    assert 'data-section="offers"' not in after


def test_an_expired_offer_is_not_on_the_agenda(client):
    _fair, people, _requests, slots, meeting, members = waiting_fair()
    cancel_meeting(meeting)
    FreedSlot.objects.update(expires_at=slots[0].starts_at - timedelta(days=400))
    client.force_login(members[2])

    _url, page = _agenda(client, people[2])

    assert 'data-section="offers"' not in page


def test_the_agenda_in_chinese_names_the_offer(client):
    _fair, people, _requests, _slots, meeting, members = waiting_fair()
    cancel_meeting(meeting)
    client.force_login(members[2])
    with translation.override("zh-hans"):
        page = client.get(reverse("fair:agenda", args=[people[2].pk])).content.decode()

    assert "为您空出的时段" in page
