"""Events and their programme: sessions end after they start, and one room holds one session."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from amity.events.domain.programme import add_speaker, save_event, save_session
from amity.events.models import Session
from tests.concurrency import at_once, needs_waiting_writer
from tests.factories.events import DelegationMemberFactory, EventFactory, SessionFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2023, 12, 1, hour, minute, tzinfo=UTC)


def session_fields(**changes):
    fields = {
        "kind": "plenary",
        "title_en": "Opening",
        "starts_at": at(1),
        "ends_at": at(2),
        "room": "Hall A",
    }
    return fields | changes


def test_save_session_ending_before_start_is_refused_naming_ends_at():
    event = EventFactory()

    with pytest.raises(ValidationError) as caught:
        save_session(event=event, **session_fields(starts_at=at(3), ends_at=at(2)))

    assert list(caught.value.message_dict) == ["ends_at"]
    assert Session.objects.count() == 0


def test_save_session_overlapping_in_one_room_is_refused_naming_room():
    event = EventFactory()
    save_session(event=event, **session_fields())

    with pytest.raises(ValidationError) as caught:
        save_session(
            event=event, **session_fields(title_en="Panel", starts_at=at(1, 30), ends_at=at(3))
        )

    assert list(caught.value.message_dict) == ["room"]
    assert "Opening" in caught.value.message_dict["room"][0]
    assert Session.objects.count() == 1


def test_save_session_touching_or_in_another_room_is_accepted():
    event = EventFactory()
    save_session(event=event, **session_fields())

    save_session(event=event, **session_fields(title_en="Next", starts_at=at(2), ends_at=at(3)))
    save_session(event=event, **session_fields(title_en="Other", room="Hall B"))

    assert Session.objects.count() == 3


def test_save_session_moving_itself_does_not_clash_with_itself():
    session = SessionFactory(room="Hall A")

    save_session(session, ends_at=session.ends_at + datetime.timedelta(minutes=30))

    session.refresh_from_db()
    assert session.ends_at == at(2, 30)


def test_save_event_last_day_before_first_is_refused():
    with pytest.raises(ValidationError) as caught:
        save_event(
            name_en="Forum",
            kind="forum",
            starts_on=datetime.date(2023, 12, 1),
            ends_on=datetime.date(2023, 11, 30),
        )

    assert "ends_on" in caught.value.message_dict


def test_add_speaker_from_another_event_is_refused():
    session = SessionFactory()
    stranger = DelegationMemberFactory()

    with pytest.raises(ValidationError) as caught:
        add_speaker(session, attendee=stranger)

    assert list(caught.value.message_dict) == ["attendee"]


def test_add_speaker_takes_the_attendee_names():
    member = DelegationMemberFactory(name_en="Jane Doe", name_zh="简·多")
    session = SessionFactory(event=member.event)

    speaker = add_speaker(session, attendee=member, role_en="Speech")

    assert (speaker.name_en, speaker.name_zh) == ("Jane Doe", "简·多")


@needs_waiting_writer
@pytest.mark.django_db(transaction=True)
def test_two_organisers_booking_one_room_at_once_get_one_session():
    event = EventFactory()

    saved, refused = at_once(
        *(
            lambda title=title: save_session(event=event, **session_fields(title_en=title))
            for title in ("First", "Second")
        )
    )

    assert (len(saved), len(refused)) == (1, 1)
    assert Session.objects.filter(event=event).count() == 1
