"""The day: check-in by badge code, held / no-show marks, outcomes only for held meetings."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from amity.fair.domain.day import check_in, mark_meeting, record_outcome, search_attendees
from amity.fair.domain.schedule import add_meeting
from amity.fair.models import MeetingOutcome, MeetingStatus, Table
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.factories.events import RegistrantFactory, RegistrationFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _day():
    fair, people, requests, slots = small_fair(participants=2)
    meeting = add_meeting(requests[0], slot=slots[0], table=Table.objects.filter(fair=fair).first())
    badge = RegistrantFactory(
        registration=RegistrationFactory(event=fair.event, organisation=people[1].organisation)
    )
    return fair, people, meeting, badge


def test_a_badge_checks_in_its_participant_once():
    fair, people, _meeting, badge = _day()
    attendee, participant = check_in(fair, f"  {badge.checkin_token}\n")
    first = attendee.checked_in_at
    assert participant == people[1]
    assert first is not None
    again, _participant = check_in(fair, badge.checkin_token)
    assert again.checked_in_at == first


def test_a_badge_of_another_event_is_refused_and_nothing_changes():
    fair, *_ = _day()
    stranger = RegistrantFactory()
    with pytest.raises(ValidationError) as error:
        check_in(fair, stranger.checkin_token)
    assert "another event" in str(error.value)
    stranger.refresh_from_db()
    assert stranger.checked_in_at is None


def test_the_manual_search_finds_a_badge_by_name():
    fair, _people, _meeting, badge = _day()
    assert search_attendees(fair, badge.name_en[:8]) == [badge]


def test_an_outcome_needs_a_held_meeting():
    _fair, people, meeting, _badge = _day()
    with pytest.raises(ValidationError):
        record_outcome(meeting, people[0], "follow_up")
    assert not MeetingOutcome.objects.exists()
    mark_meeting(meeting, MeetingStatus.HELD)
    outcome = record_outcome(meeting, people[0], "agreement", "Signed a letter of intent")
    assert outcome.rating == "agreement"
    with pytest.raises(ValidationError):
        mark_meeting(meeting, MeetingStatus.NO_SHOW)


def test_the_scanner_page_checks_in_and_refuses_a_foreign_code(client):
    fair, _people, _meeting, badge = _day()
    client.force_login(OrganiserFactory())
    url = reverse("fair:checkin", args=[fair.pk])
    client.post(url, {"code": RegistrantFactory().checkin_token})
    badge.refresh_from_db()
    assert badge.checked_in_at is None
    page = client.post(url, {"code": badge.checkin_token}, follow=True).content.decode()
    assert badge.name_en in page


def test_a_side_marks_the_meeting_held_and_records_its_outcome(client):
    _fair, people, meeting, _badge = _day()
    client.force_login(EnterpriseUserFactory(organisation=people[1].organisation))
    client.post(reverse("fair:meeting-mark", args=[meeting.pk]), {"status": "held"})
    client.post(reverse("fair:outcome-record", args=[meeting.pk]), {"rating": "negotiating"})
    assert MeetingOutcome.objects.get().participant == people[1]


def test_a_recorded_outcome_appears_on_the_dashboard(client):
    fair, people, meeting, _badge = _day()
    mark_meeting(meeting, MeetingStatus.HELD)
    record_outcome(meeting, people[0], "agreement")
    client.force_login(OrganiserFactory())
    body = client.get(reverse("fair:dashboard", args=[fair.pk])).content.decode()
    assert "Agreement reached" in body
    assert "<svg" in body


def test_the_agenda_shows_the_sides_own_outcome_and_starts_a_new_answer_from_it(client):
    _fair, people, meeting, _badge = _day()
    mark_meeting(meeting, MeetingStatus.HELD)
    record_outcome(meeting, people[1], "negotiating", "Again in May")
    client.force_login(EnterpriseUserFactory(organisation=people[1].organisation))
    page = client.get(reverse("fair:agenda", args=[people[1].pk])).content.decode()
    assert '<p data-outcome="negotiating">Your outcome: Negotiating</p>' in page
    assert '<option value="negotiating" selected>' in page
    assert 'value="Again in May"' in page
    # The other side has not answered: its form starts from nothing.
    client.force_login(EnterpriseUserFactory(organisation=people[0].organisation))
    other = client.get(reverse("fair:agenda", args=[people[0].pk])).content.decode()
    assert "data-outcome" not in other
    assert " selected>" not in other
