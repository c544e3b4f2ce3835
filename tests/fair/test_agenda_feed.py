"""Agendas, publications and the ICS feed: a moved meeting updates its one calendar entry."""

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from amity.fair.domain.agenda import agenda, feed_token, ics_feed, revoke_feed_token
from amity.fair.domain.day import mark_meeting
from amity.fair.domain.publish import publish
from amity.fair.domain.schedule import add_meeting, cancel_meeting, move_meeting
from amity.fair.models import MeetingStatus, Publication, RunStatus, ScheduleRun, Table
from amity.fair.schedule_tasks import start_schedule_run
from amity.jobs.models import JobStatus
from amity.notifications.models import Notification
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _events(feed: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(feed)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def _placed():
    fair, people, requests, slots = small_fair(participants=3)
    tables = list(Table.objects.filter(fair=fair))
    one = add_meeting(requests[0], slot=slots[0], table=tables[0])
    two = add_meeting(requests[1], slot=slots[1], table=tables[0])
    return fair, people, slots, tables, one, two


def test_a_moved_meeting_keeps_its_uid_with_a_higher_sequence_and_a_dropped_one_is_cancelled():
    _fair, people, slots, tables, one, two = _placed()
    before = _events(ics_feed(people[0]))

    move_meeting(one, slot=slots[3], table=tables[1])
    cancel_meeting(two)
    after = _events(ics_feed(people[0]))

    assert set(before) == set(after) == {one.uid, two.uid}
    assert after[one.uid]["sequence"] > before[one.uid]["sequence"]
    assert after[one.uid].decoded("dtstart") == slots[3].starts_at
    assert str(after[one.uid]["status"]) == "CONFIRMED"
    assert str(after[two.uid]["status"]) == "CANCELLED"
    assert after[two.uid]["sequence"] > before[two.uid]["sequence"]


def test_a_no_show_leaves_calendars_and_comes_back_when_the_mark_is_undone():
    _fair, people, _slots, _tables, one, two = _placed()
    before = _events(ics_feed(people[1]))

    mark_meeting(one, MeetingStatus.NO_SHOW)
    absent = _events(ics_feed(people[1]))
    mark_meeting(one, MeetingStatus.SCHEDULED)
    back = _events(ics_feed(people[1]))
    mark_meeting(two, MeetingStatus.HELD)

    assert [str(e["status"]) for e in (before[one.uid], absent[one.uid], back[one.uid])] == [
        "CONFIRMED",
        "CANCELLED",
        "CONFIRMED",
    ]
    assert before[one.uid]["sequence"] < absent[one.uid]["sequence"] < back[one.uid]["sequence"]
    # A held mark is no change for a calendar.
    held = _events(ics_feed(people[2]))[two.uid]
    assert (str(held["status"]), held["sequence"]) == ("CONFIRMED", two.sequence)


def test_the_feed_url_needs_its_token_and_a_revoked_token_stops_working(client):
    _fair, people, *_ = _placed()
    old = feed_token(people[0]).token
    assert client.get(reverse("fair:ics-feed", args=[old])).status_code == 200
    new = revoke_feed_token(people[0]).token
    assert new != old
    assert client.get(reverse("fair:ics-feed", args=[old])).status_code == 404
    body = client.get(reverse("fair:ics-feed", args=[new])).content
    assert len(_events(body)) == 2


def test_the_agenda_names_the_other_side_in_both_languages(client):
    _fair, people, _slots, _tables, _one, _two = _placed()
    member = EnterpriseUserFactory(organisation=people[1].organisation)
    client.force_login(member)
    assert [e.other for e in agenda(people[1])] == [people[0]]
    english = client.get(reverse("fair:agenda", args=[people[1].pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert people[0].name_en in english.content.decode()
    with_zh = client.get(f"/zh-hans/fair/participants/{people[1].pk}/agenda/")
    assert with_zh.status_code == 200
    assert "日程" in with_zh.content.decode()


def test_the_agenda_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    _fair, people, _slots, _tables, _one, _two = _placed()
    client.force_login(EnterpriseUserFactory(organisation=people[0].organisation))
    with django_assert_max_num_queries(20):
        response = client.get(reverse("fair:agenda", args=[people[0].pk]))
    assert response.status_code == 200


def test_publishing_tells_participants_and_a_second_publish_is_a_no_op(
    django_capture_on_commit_callbacks,
):
    fair, people, *_ = _placed()
    EnterpriseUserFactory(organisation=people[1].organisation, email="b@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        first = publish(fair, "preliminary")
    assert first is not None
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert publish(fair, "preliminary") is None
    assert Publication.objects.filter(fair=fair).count() == 1
    assert Notification.objects.count() == 1


def test_publishing_an_unfinished_run_is_refused_and_nothing_is_saved():
    fair, *_ = _placed()
    run = ScheduleRun.objects.create(fair=fair, status=RunStatus.RUNNING)
    with pytest.raises(ValidationError):
        publish(fair, "final", run=run)
    assert not Publication.objects.exists()


def test_a_run_started_by_an_organiser_finishes_as_a_job(django_capture_on_commit_callbacks):
    fair, *_ = small_fair()
    run = ScheduleRun.objects.create(fair=fair, time_limit=2)
    with django_capture_on_commit_callbacks(execute=True):
        job = start_schedule_run(run, OrganiserFactory())
    job.refresh_from_db()
    run.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total) == (1, 1)
    assert run.status == RunStatus.FINISHED
    assert run.stats["scheduled"] == 3
