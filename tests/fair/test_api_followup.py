"""The follow-up API: accepting a freed slot, the survey's state and sending, second-stage
answers."""

import pytest
from django.utils import timezone

from amity.fair.domain.day import mark_meeting
from amity.fair.domain.schedule import add_meeting, cancel_meeting
from amity.fair.models import FollowUpAnswer, Meeting, MeetingStatus, SlotOffer, Table
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.fair.followup_helpers import waiting_fair
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def test_a_side_accepts_an_offer_and_a_second_accept_is_refused(client):
    fair, _people, requests, slots, meeting, members = waiting_fair()
    cancel_meeting(meeting)
    first = SlotOffer.objects.get(request=requests[-2])  # p2–p3
    second = SlotOffer.objects.get(request=requests[-1])  # p1–p4

    client.force_login(members[2])
    won = client.post(f"/api/v1/fairs/{fair.pk}/slot-offers/{first.pk}/accept")
    client.force_login(members[4])
    lost = client.post(f"/api/v1/fairs/{fair.pk}/slot-offers/{second.pk}/accept")

    assert (won.status_code, won.json()["slot_id"]) == (200, slots[0].pk)
    assert lost.status_code == 422
    assert "already taken" in str(lost.json()["errors"])
    assert not Meeting.objects.filter(request=requests[-1]).exists()


def test_a_participant_lists_its_offers_with_their_status(client):
    fair, people, requests, _slots, meeting, members = waiting_fair()
    cancel_meeting(meeting)
    client.force_login(members[3])

    body = client.get(f"/api/v1/fairs/{fair.pk}/participants/{people[3].pk}/slot-offers").json()

    assert sorted((o["request_id"], o["status"]) for o in body) == [
        (requests[2].pk, "open"),
        (requests[-2].pk, "open"),
    ]


def test_a_second_stage_answer_by_api_and_a_bad_one_changes_nothing(client):
    fair, people, requests, slots = small_fair(participants=2)
    meeting = add_meeting(requests[0], slot=slots[0], table=Table.objects.filter(fair=fair)[0])
    client.force_login(EnterpriseUserFactory(organisation=people[1].organisation))
    url = f"/api/v1/fairs/{fair.pk}/meetings/{meeting.pk}/follow-up"

    early = client.put(url, {"result": "mou"}, content_type="application/json")
    mark_meeting(meeting, MeetingStatus.HELD)
    bad = client.put(url, {"result": "maybe"}, content_type="application/json")
    good = client.put(url, {"result": "mou", "note": "Signed"}, content_type="application/json")

    assert (early.status_code, bad.status_code, good.status_code) == (422, 422, 200)
    assert "result" in str(bad.json())
    assert FollowUpAnswer.objects.get().result == "mou"


def test_the_survey_state_and_send_by_api(client, django_capture_on_commit_callbacks):
    fair, _people, requests, slots = small_fair(participants=2)
    meeting = add_meeting(requests[0], slot=slots[0], table=Table.objects.filter(fair=fair)[0])
    mark_meeting(meeting, MeetingStatus.HELD)
    client.force_login(OrganiserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(f"/api/v1/fairs/{fair.pk}/survey/send")
    state = client.get(f"/api/v1/fairs/{fair.pk}/survey").json()

    assert started.status_code == 202
    job = client.get(f"/api/v1/jobs/{started.json()['job_id']}").json()
    assert job["status"] == "succeeded"
    assert (state["eligible"], state["invited"], state["answered"]) == (2, 2, 0)


def test_the_survey_cannot_be_sent_before_its_day_by_api(client):
    fair, *_ = small_fair(participants=2)
    fair.event.ends_on = timezone.localdate()
    fair.event.save()
    client.force_login(OrganiserFactory())

    response = client.post(f"/api/v1/fairs/{fair.pk}/survey/send")

    assert response.status_code == 422
