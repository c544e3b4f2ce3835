"""The part-2 API over the domain actions: runs as jobs, moves with conflicts, publishing,
agendas (JSON, ICS), check-in and outcomes; bad input changes nothing."""

import json

import icalendar
import pytest

from amity.fair.domain.schedule import add_meeting
from amity.fair.models import (
    Meeting,
    MeetingOutcome,
    Publication,
    RunStatus,
    ScheduleRun,
    Table,
)
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.factories.events import RegistrantFactory, RegistrationFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


@pytest.fixture
def organiser(client):
    client.force_login(OrganiserFactory())
    return client


def _placed(participants=3):
    fair, people, requests, slots = small_fair(participants=participants)
    tables = list(Table.objects.filter(fair=fair).order_by("number"))
    one = add_meeting(requests[0], slot=slots[0], table=tables[0], locked=False)
    two = add_meeting(requests[1], slot=slots[1], table=tables[0], locked=False)
    return fair, people, requests, slots, tables, one, two


def test_a_run_started_by_the_api_is_a_job_whose_result_can_be_adopted_and_published(
    organiser, django_capture_on_commit_callbacks
):
    fair, _people, _requests, _slots = small_fair()
    base = f"/api/v1/fairs/{fair.pk}"

    with django_capture_on_commit_callbacks(execute=True):
        started = _post(organiser, f"{base}/schedule-runs", {"time_limit": 2, "seed": 1})
    run_id = started.json()["run"]["id"]
    detail = organiser.get(f"{base}/schedule-runs/{run_id}").json()
    job = organiser.get(started.json()["job_url"]).json()
    adopted = _post(organiser, f"{base}/schedule-runs/{run_id}/adopt").json()
    first = _post(organiser, f"{base}/publications", {"kind": "preliminary", "run_id": run_id})
    again = _post(organiser, f"{base}/publications", {"kind": "preliminary"})

    assert started.status_code == 202
    assert (detail["status"], detail["stats"]["scheduled"], detail["stats"]["requested"]) == (
        RunStatus.FINISHED,
        3,
        3,
    )
    assert detail["job"]["status"] == job["status"] == "succeeded"
    assert adopted == {"placed": 3}
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Publication.objects.filter(fair=fair).count() == 1


def test_the_unscheduled_meetings_are_listed_with_their_reasons(organiser):
    fair, people, requests, _slots = small_fair()
    run = ScheduleRun.objects.create(
        fair=fair,
        status=RunStatus.FINISHED,
        result={"assignments": [], "unscheduled": [[str(requests[0].pk), "no_interpreter"]]},
    )

    body = organiser.get(f"/api/v1/fairs/{fair.pk}/schedule-runs/{run.pk}/unscheduled").json()

    assert body["count"] == 1
    assert body["items"][0] == {
        "request_id": requests[0].pk,
        "sender_id": people[0].pk,
        "sender_name_en": people[0].name_en,
        "receiver_id": people[1].pk,
        "receiver_name_en": people[1].name_en,
        "reason": "no_interpreter",
        "reason_text": "interpreter shortage",
    }


def test_publishing_with_an_unfinished_run_is_refused_and_nothing_is_published(organiser):
    fair, _people, _requests, _slots, _tables, _one, _two = _placed()
    run = ScheduleRun.objects.create(fair=fair, status=RunStatus.RUNNING)

    response = _post(
        organiser, f"/api/v1/fairs/{fair.pk}/publications", {"kind": "final", "run_id": run.pk}
    )

    assert response.status_code == 422
    assert "not finished" in response.json()["errors"]["__all__"][0]
    assert not Publication.objects.exists()


def test_moving_into_a_taken_slot_is_a_409_naming_the_conflicts_and_changes_nothing(organiser):
    fair, people, _requests, slots, tables, one, two = _placed()

    response = _post(
        organiser,
        f"/api/v1/fairs/{fair.pk}/meetings/{two.pk}/move",
        {"slot_id": slots[0].pk, "table_id": tables[0].pk},
    )

    two.refresh_from_db()
    assert response.status_code == 409
    assert response.json()["conflicts"] == [
        f"Table {tables[0].number} is taken in this slot.",
        f"{people[0].name_en} has another meeting in this slot.",
    ]
    assert (two.slot_id, two.sequence) == (slots[1].pk, one.sequence)


def test_a_move_to_a_free_place_raises_the_sequence_and_the_api_feed_keeps_the_uid(organiser):
    fair, people, _requests, slots, tables, one, _two = _placed()
    base = f"/api/v1/fairs/{fair.pk}"
    before = organiser.get(f"{base}/participants/{people[0].pk}/agenda/ics").content

    moved = _post(
        organiser,
        f"{base}/meetings/{one.pk}/move",
        {"slot_id": slots[3].pk, "table_id": tables[1].pk},
    )
    after = organiser.get(f"{base}/participants/{people[0].pk}/agenda/ics").content

    def event(feed):
        return next(
            e for e in icalendar.Calendar.from_ical(feed).walk("VEVENT") if e["uid"] == one.uid
        )

    assert moved.status_code == 200
    assert (moved.json()["slot_id"], moved.json()["table_number"]) == (slots[3].pk, 2)
    assert int(event(after)["sequence"]) == int(event(before)["sequence"]) + 1


def test_a_late_meeting_into_a_taken_table_is_a_409_and_a_free_one_is_placed_locked(organiser):
    fair, _people, requests, slots, tables, _one, _two = _placed(participants=4)
    url = f"/api/v1/fairs/{fair.pk}/meetings"

    taken = _post(
        organiser,
        url,
        {"request_id": requests[2].pk, "slot_id": slots[0].pk, "table_id": tables[0].pk},
    )
    placed = _post(
        organiser,
        url,
        {"request_id": requests[2].pk, "slot_id": slots[2].pk, "table_id": tables[1].pk},
    )

    assert taken.status_code == 409
    assert placed.status_code == 201
    assert placed.json()["locked"] is True
    assert Meeting.objects.filter(request=requests[2]).count() == 1


def test_lock_and_unlock(organiser):
    fair, *_rest, one, _two = _placed()
    base = f"/api/v1/fairs/{fair.pk}/meetings/{one.pk}"

    locked = _post(organiser, f"{base}/lock").json()["locked"]
    unlocked = _post(organiser, f"{base}/unlock").json()["locked"]

    assert (locked, unlocked) == (True, False)


@pytest.mark.parametrize("rows", [1, 4])
def test_the_meeting_list_takes_the_same_queries_for_one_and_many_rows(
    organiser, django_assert_num_queries, rows
):
    # The first participant meets every other one, a slot each (the fair has four).
    fair, _people, requests, slots = small_fair(participants=rows + 1)
    table = Table.objects.filter(fair=fair).first()
    for request, slot in zip(requests, slots, strict=False):
        add_meeting(request, slot=slot, table=table)
    organiser.get("/api/v1/fairs/0/meetings")  # the session and user are loaded once here

    # Session, user, fair, the count and the page.
    with django_assert_num_queries(5):
        body = organiser.get(f"/api/v1/fairs/{fair.pk}/meetings?limit=100").json()

    assert body["count"] == rows


def test_the_meeting_list_filters_by_participant_and_bounds_its_page(organiser):
    fair, people, *_rest = _placed()
    url = f"/api/v1/fairs/{fair.pk}/meetings"

    mine = organiser.get(url, {"participant_id": people[2].pk}).json()
    too_many = organiser.get(url, {"limit": 100_000})

    assert [m["receiver_id"] for m in mine["items"]] == [people[2].pk]
    assert too_many.status_code == 422
    assert "limit" in too_many.json()["errors"]


def test_a_participant_reads_its_agenda_as_json(client):
    fair, people, _requests, _slots, _tables, one, _two = _placed()
    client.force_login(EnterpriseUserFactory(organisation=people[1].organisation))

    body = client.get(f"/api/v1/fairs/{fair.pk}/participants/{people[1].pk}/agenda").json()

    assert [m["meeting_id"] for m in body["meetings"]] == [one.pk]
    assert body["meetings"][0]["with_name_zh"] == people[0].name_zh
    assert body["feed_url"].endswith(".ics")
    assert body["time_zone"] == fair.event.time_zone


def test_check_in_by_code_and_a_code_of_another_event_is_refused(organiser):
    fair, people, *_rest = _placed()
    badge = RegistrantFactory(
        registration=RegistrationFactory(event=fair.event, organisation=people[1].organisation)
    )
    stranger = RegistrantFactory()
    url = f"/api/v1/fairs/{fair.pk}/checkin"

    ours = _post(organiser, url, {"code": badge.checkin_token})
    theirs = _post(organiser, url, {"code": stranger.checkin_token})

    stranger.refresh_from_db()
    assert ours.status_code == 200
    assert ours.json()["participant_id"] == people[1].pk
    assert theirs.status_code == 422
    assert list(theirs.json()["errors"]) == ["code"]
    assert stranger.checked_in_at is None


def test_an_outcome_needs_a_held_meeting_and_then_is_listed(client):
    fair, people, _requests, _slots, _tables, one, _two = _placed()
    client.force_login(EnterpriseUserFactory(organisation=people[1].organisation))
    base = f"/api/v1/fairs/{fair.pk}/meetings/{one.pk}"

    early = _post(client, f"{base}/outcomes", {"rating": "agreement"})
    marked = _post(client, f"{base}/mark", {"status": "held"})
    recorded = _post(client, f"{base}/outcomes", {"rating": "agreement", "note": "MoU"})
    listed = client.get(f"{base}/outcomes").json()

    assert early.status_code == 422
    assert marked.json()["status"] == "held"
    assert recorded.status_code == 200
    assert [(o["participant_id"], o["rating"]) for o in listed] == [(people[1].pk, "agreement")]
    assert MeetingOutcome.objects.count() == 1


def test_a_meeting_of_another_fair_is_not_found(organiser):
    fair, *_rest = _placed()
    other, *_others = _placed()
    meeting = Meeting.objects.filter(fair=other).first()

    response = _post(organiser, f"/api/v1/fairs/{fair.pk}/meetings/{meeting.pk}/lock")

    assert response.status_code == 404
