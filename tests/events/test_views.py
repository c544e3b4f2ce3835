"""The events pages: constant queries at 1 and 50 rows, times in the event's zone, bad input."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from amity.events.models import Delegation, Session
from tests.factories import OrganiserFactory, PlaceFactory
from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def en(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def organiser_client(client):
    client.force_login(OrganiserFactory())
    return client


def _delegations(event, count: int) -> None:
    for index in range(count):
        delegation = DelegationFactory(
            event=event,
            protocol_order=index + 1,
            arrival_flight=f"NZ{index}",
            arrival_at=datetime.datetime(2023, 11, 29, 1, 0, tzinfo=UTC)
            + datetime.timedelta(minutes=index),
        )
        DelegationMemberFactory(delegation=delegation, role="head")
        DelegationMemberFactory(delegation=delegation)


def _sessions(event, count: int) -> None:
    from amity.events.domain.programme import add_speaker

    for index in range(count):
        session = SessionFactory(event=event, room=f"Room {index}")
        add_speaker(session, name_en=f"Speaker {index}", place=PlaceFactory())


def _count_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["event-list", "delegations", "arrivals", "programme"])
def test_pages_make_as_many_queries_for_50_rows_as_for_1(organiser_client, page):
    counts = []
    for rows in (1, 50):
        Delegation.objects.all().delete()
        event = EventFactory()
        if page == "event-list":
            for _ in range(rows - (1 if rows > 1 else 0)):
                EventFactory()
            url = en("events:event-list")
        elif page == "delegations":
            _delegations(event, rows)
            url = en("events:event-detail", event.pk) + "?tab=delegations"
        elif page == "programme":
            _sessions(event, rows)
            url = en("events:event-detail", event.pk)
        else:
            _delegations(event, rows)
            url = en("events:arrivals", event.pk)
        counts.append(_count_queries(organiser_client, url))

    assert counts[0] == counts[1]


def test_arrivals_board_shows_an_auckland_flight_at_its_shanghai_landing_time(organiser_client):
    event = EventFactory(time_zone="Asia/Shanghai")
    # NZ289 leaves Auckland 10:05 NZDT (UTC+13) and lands in Shanghai at 17:35 CST (UTC+8).
    DelegationFactory(
        event=event,
        arrival_flight="NZ289",
        arrival_at=datetime.datetime(2023, 11, 29, 9, 35, tzinfo=UTC),
        place=PlaceFactory(name_en="Dunedin", time_zone="Pacific/Auckland"),
    )

    html = organiser_client.get(en("events:arrivals", event.pk)).content.decode()

    assert "2023-11-29 17:35" in html
    assert "Asia/Shanghai" in html


def test_arrivals_are_sorted_by_landing_time(organiser_client):
    event = EventFactory()
    for name, hour in (("Late", 12), ("Early", 2), ("Middle", 7)):
        DelegationFactory(
            event=event,
            place=PlaceFactory(name_en=name),
            arrival_at=datetime.datetime(2023, 11, 29, hour, tzinfo=UTC),
        )

    html = organiser_client.get(en("events:arrivals", event.pk)).content.decode()

    assert html.index("Early") < html.index("Middle") < html.index("Late")


def test_session_form_takes_local_times_and_stores_utc(organiser_client):
    event = EventFactory(time_zone="Asia/Shanghai")

    response = organiser_client.post(
        en("events:session-add", event.pk),
        {
            "kind": "plenary",
            "title_en": "Opening",
            "starts_at": "2023-12-01T09:00",
            "ends_at": "2023-12-01T10:00",
            "languages": "en,zh",
        },
    )

    assert response.status_code == 302
    session = Session.objects.get()
    assert session.starts_at == datetime.datetime(2023, 12, 1, 1, 0, tzinfo=UTC)


def test_session_form_overlapping_room_shows_the_error_and_saves_nothing(organiser_client):
    existing = SessionFactory(room="Hall A")

    response = organiser_client.post(
        en("events:session-add", existing.event.pk),
        {
            "kind": "panel",
            "title_en": "Clash",
            "starts_at": "2023-12-01T09:30",
            "ends_at": "2023-12-01T11:00",
            "room": "Hall A",
            "languages": "en",
        },
    )

    assert response.status_code == 422
    assert "The room is taken" in response.content.decode()
    assert Session.objects.count() == 1


def test_delegation_form_arrival_after_departure_shows_the_error(organiser_client):
    delegation = DelegationFactory()

    response = organiser_client.post(
        en("events:delegation-update", delegation.pk),
        {
            "arrival_at": "2023-11-30T10:00",
            "departure_at": "2023-11-29T10:00",
            "invitation_status": "sent",
        },
    )

    assert response.status_code == 422
    assert "The departure is before the arrival." in response.content.decode()
    delegation.refresh_from_db()
    assert delegation.arrival_at is None


def test_event_page_in_chinese_names_the_programme(client):
    session = SessionFactory(title_zh="开幕式")

    with translation.override("zh-hans"):
        url = reverse("events:event-detail", args=[session.event.pk])
    html = client.get(url).content.decode()

    assert "开幕式" in html
    assert "日程" in html


def test_speaker_form_adds_an_attendee_as_speaker_of_the_session(organiser_client):
    member = DelegationMemberFactory(name_en="Jane Mayor")
    session = SessionFactory(event=member.event)

    response = organiser_client.post(
        en("events:speaker-add", session.pk),
        {"speaker-attendee": member.pk, "speaker-role_en": "Speech", "speaker-order": "1"},
    )

    assert response.status_code == 302
    assert [s.name_en for s in session.speakers.all()] == ["Jane Mayor"]


def test_speaker_form_without_a_name_or_attendee_names_the_field(organiser_client):
    session = SessionFactory()

    response = organiser_client.post(en("events:speaker-add", session.pk), {"speaker-order": "1"})

    assert response.status_code == 422
    assert session.speakers.count() == 0
