"""The organisers' schedule page at scale: one page of meetings, filters, one move form; and
the run preview's unscheduled list, bounded the same way."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from amity.accounts.models import Organisation
from amity.fair.domain.schedule_list import PAGE_SIZE
from amity.fair.models import (
    Meeting,
    MeetingRequest,
    MeetingStatus,
    Participant,
    RequestState,
    RunStatus,
    ScheduleRun,
    Table,
)
from amity.fair.views.schedule import UNSCHEDULED_PAGE_SIZE
from tests.factories.accounts import OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _with_meetings(count: int):
    """A fair with ``count`` meetings over its 4 slots: at table t of slot s, A_t meets
    B_(t+s): every pair is a different request and nobody sits twice in a slot."""
    fair, _people, _requests, slots = small_fair(participants=2, tables=0)
    columns = max(len(slots), -(-count // len(slots)))
    tables = Table.objects.bulk_create([Table(fair=fair, number=n) for n in range(1, columns + 1)])
    orgs = Organisation.objects.bulk_create(
        [Organisation(name_en=f"Org {i}") for i in range(2 * columns)]
    )
    people = Participant.objects.bulk_create(
        [
            Participant(
                fair=fair,
                organisation=o,
                status="approved",
                name_en=f"Firm {i}",
                name_zh=f"企业{i}号",
                city_name="Shanghai",
                country="CN",
            )
            for i, o in enumerate(orgs)
        ]
    )
    places = [(s, t) for s in range(len(slots)) for t in range(columns)][:count]
    requests = MeetingRequest.objects.bulk_create(
        [
            MeetingRequest(
                fair=fair,
                sender=people[t],
                receiver=people[columns + (t + s) % columns],
                state=RequestState.ACCEPTED,
            )
            for s, t in places
        ]
    )
    Meeting.objects.bulk_create(
        [
            Meeting(fair=fair, request=r, slot=slots[s], table=tables[t])
            for r, (s, t) in zip(requests, places, strict=True)
        ]
    )
    return fair, slots, tables


@pytest.fixture
def organiser_client(client):
    client.force_login(OrganiserFactory())
    return client


def _page(client, fair, **params) -> str:
    with translation.override("en"):
        url = reverse("fair:schedule", args=[fair.pk])
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def _rows(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<tr data-meeting="(\d+)"', html)]


def _queries(client, fair, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        _page(client, fair, **params)
    return len(captured)


def test_the_schedule_page_is_the_same_number_of_queries_with_1_and_800_meetings(
    organiser_client, django_assert_num_queries
):
    one, _slots, _tables = _with_meetings(1)
    many, _slots, _tables = _with_meetings(800)
    expected = _queries(organiser_client, one)

    with django_assert_num_queries(expected):
        html = _page(organiser_client, many)

    assert len(_rows(html)) == PAGE_SIZE


def test_the_schedule_page_of_800_meetings_has_as_many_forms_as_with_one(organiser_client):
    one, _slots, _tables = _with_meetings(1)
    many, _slots, _tables = _with_meetings(800)

    small, large = _page(organiser_client, one), _page(organiser_client, many)

    assert large.count("<form") == small.count("<form")
    assert large.count("<select") == small.count("<select")
    # One page of rows, not 800 rows each carrying every slot and table.
    assert len(large) < 100_000


def test_the_last_page_holds_the_rest_and_a_page_beyond_shows_the_last(organiser_client):
    fair, _slots, _tables = _with_meetings(120)

    last = _rows(_page(organiser_client, fair, page=3))
    beyond = _rows(_page(organiser_client, fair, page=99))

    assert len(last) == 120 - 2 * PAGE_SIZE
    assert beyond == last


def test_the_pages_together_list_every_meeting_once(organiser_client):
    fair, _slots, _tables = _with_meetings(120)

    listed = [pk for n in (1, 2, 3) for pk in _rows(_page(organiser_client, fair, page=n))]

    assert sorted(listed) == sorted(Meeting.objects.filter(fair=fair).values_list("pk", flat=True))


def test_the_page_links_keep_the_filters(organiser_client):
    fair, slots, _tables = _with_meetings(240)

    html = _page(organiser_client, fair, session=slots[0].session_id, q="Firm")

    next_link = re.search(r'<a href="\?([^"]*)" rel="next"', html).group(1).replace("&amp;", "&")
    assert sorted(next_link.split("&")) == sorted(
        [f"session={slots[0].session_id}", "q=Firm", "page=2"]
    )


def test_a_search_by_chinese_name_finds_that_participants_meetings_on_either_side(
    organiser_client,
):
    fair, _slots, _tables = _with_meetings(40)
    firm = Participant.objects.get(fair=fair, name_zh="企业12号")  # a receiver (B side)
    expected = Meeting.objects.filter(request__receiver=firm) | Meeting.objects.filter(
        request__sender=firm
    )

    rows = _rows(_page(organiser_client, fair, q="企业12号"))

    assert sorted(rows) == sorted(expected.values_list("pk", flat=True))
    assert len(rows) == 4


def test_a_search_by_english_name_is_case_blind(organiser_client):
    fair, _slots, _tables = _with_meetings(40)
    firm = Participant.objects.get(fair=fair, name_en="Firm 3")

    rows = _rows(_page(organiser_client, fair, q="firm 3"))

    assert sorted(rows) == sorted(
        Meeting.objects.filter(request__sender=firm).values_list("pk", flat=True)
    )


def test_the_table_and_status_filters(organiser_client):
    fair, _slots, tables = _with_meetings(40)
    no_show = Meeting.objects.filter(fair=fair, table=tables[2]).first()
    Meeting.objects.filter(pk=no_show.pk).update(status=MeetingStatus.NO_SHOW)

    at_table = _rows(_page(organiser_client, fair, table=tables[2].number))
    no_shows = _rows(_page(organiser_client, fair, status="no_show"))

    assert sorted(at_table) == sorted(
        Meeting.objects.filter(table=tables[2]).values_list("pk", flat=True)
    )
    assert no_shows == [no_show.pk]


def test_the_session_filter_lists_only_that_sessions_meetings(organiser_client):
    fair, slots, _tables = _with_meetings(8)
    other = small_fair(participants=2, tables=0)[0].sessions.get()

    same = _rows(_page(organiser_client, fair, session=slots[0].session_id))
    stranger = _page(organiser_client, fair, session=other.pk)

    assert len(same) == 8
    # Another fair's session is not a choice: the message names the field, the list stays.
    assert "Day and session: Select a valid choice" in stranger
    assert len(_rows(stranger)) == 8


def test_a_wrong_table_number_is_named_and_the_other_filters_hold(organiser_client):
    fair, _slots, _tables = _with_meetings(40)

    html = _page(organiser_client, fair, table="abc", q="企业12号")

    assert "Table number: Enter a whole number." in html
    assert len(_rows(html)) == 4


def test_the_cancelled_meetings_are_left_out_unless_asked_for(organiser_client):
    fair, _slots, _tables = _with_meetings(4)
    cancelled = Meeting.objects.filter(fair=fair).first()
    Meeting.objects.filter(pk=cancelled.pk).update(status=MeetingStatus.CANCELLED)

    assert cancelled.pk not in _rows(_page(organiser_client, fair))
    assert _rows(_page(organiser_client, fair, status="cancelled")) == [cancelled.pk]


def test_the_move_form_opens_for_the_chosen_meeting_only(organiser_client):
    fair, _slots, _tables = _with_meetings(40)
    meeting = Meeting.objects.filter(fair=fair).last()
    with translation.override("en"):
        action = reverse("fair:meeting-move", args=[meeting.pk])

    closed = _page(organiser_client, fair)
    opened = _page(organiser_client, fair, move=meeting.pk)

    assert 'data-form="move"' not in closed
    assert opened.count('data-form="move"') == 1
    assert f'action="{action}"' in opened


def test_a_meeting_of_another_fair_opens_no_move_form(organiser_client):
    fair, _slots, _tables = _with_meetings(4)
    other, _slots, _tables = _with_meetings(1)
    stranger = Meeting.objects.get(fair=other)

    assert 'data-form="move"' not in _page(organiser_client, fair, move=stranger.pk)


def test_a_move_returns_to_the_filtered_page_it_came_from(organiser_client):
    fair, slots, tables = _with_meetings(4)
    meeting = Meeting.objects.get(fair=fair, slot=slots[0], table=tables[0])
    with translation.override("en"):
        url = reverse("fair:meeting-move", args=[meeting.pk])

    response = organiser_client.post(
        url,
        {"slot": slots[3].pk, "table": tables[3].pk, "back": "q=Firm&page=1&evil=https://x"},
    )

    meeting.refresh_from_db()
    assert (meeting.slot, meeting.table) == (slots[3], tables[3])
    assert response.status_code == 302
    assert response["Location"].endswith(f"/fair/{fair.pk}/schedule/?q=Firm&page=1")


def test_a_refused_move_changes_nothing_and_reopens_its_form(organiser_client):
    fair, slots, tables = _with_meetings(8)
    meeting = Meeting.objects.get(fair=fair, slot=slots[0], table=tables[0])
    with translation.override("en"):
        url = reverse("fair:meeting-move", args=[meeting.pk])

    # Table 2 of slot 1 is taken.
    response = organiser_client.post(
        url, {"slot": slots[1].pk, "table": tables[1].pk, "back": "page=1"}
    )
    junk = organiser_client.post(url, {"slot": "x", "table": tables[1].pk})

    meeting.refresh_from_db()
    assert (meeting.slot, meeting.table) == (slots[0], tables[0])
    assert response["Location"].endswith(f"?page=1&move={meeting.pk}#move")
    assert junk["Location"].endswith(f"?move={meeting.pk}#move")


def test_the_lock_buttons_share_one_form_and_return_to_the_page(organiser_client):
    fair, _slots, _tables = _with_meetings(4)
    meeting = Meeting.objects.filter(fair=fair).first()
    with translation.override("en"):
        url = reverse("fair:meeting-lock", args=[meeting.pk])
    html = _page(organiser_client, fair, status="scheduled")

    assert html.count('form="lock-form"') == 4
    assert f'formaction="{url}"' in html
    response = organiser_client.post(url, {"locked": "1", "back": "status=scheduled"})

    meeting.refresh_from_db()
    assert meeting.locked
    assert response["Location"].endswith("?status=scheduled")


def test_the_schedule_page_in_chinese(organiser_client):
    fair, _slots, _tables = _with_meetings(4)
    with translation.override("zh-hans"):
        url = reverse("fair:schedule", args=[fair.pk])

    html = organiser_client.get(url).content.decode()

    assert "筛选" in html
    assert "企业0号" in html


def _run_with_unscheduled(count: int) -> ScheduleRun:
    fair, _people, _requests, _slots = small_fair(participants=2, tables=1)
    orgs = Organisation.objects.bulk_create(
        [Organisation(name_en=f"Org {i}") for i in range(count + 1)]
    )
    people = Participant.objects.bulk_create(
        [
            Participant(fair=fair, organisation=o, status="approved", name_en=f"Side {i}")
            for i, o in enumerate(orgs)
        ]
    )
    requests = MeetingRequest.objects.bulk_create(
        [
            MeetingRequest(fair=fair, sender=people[0], receiver=p, state=RequestState.ACCEPTED)
            for p in people[1:]
        ]
    )
    return ScheduleRun.objects.create(
        fair=fair,
        status=RunStatus.FINISHED,
        result={"unscheduled": [[r.pk, "no_common_free_slot"] for r in requests]},
        stats={"scheduled": 0, "requested": count},
    )


def _preview(client, run, **params) -> str:
    with translation.override("en"):
        url = reverse("fair:schedule-run", args=[run.pk])
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_run_preview_lists_a_bounded_page_of_unscheduled_meetings_in_constant_queries(
    organiser_client, django_assert_num_queries
):
    one, many = _run_with_unscheduled(1), _run_with_unscheduled(250)
    with CaptureQueriesContext(connection) as captured:
        _preview(organiser_client, one)

    with django_assert_num_queries(len(captured)):
        html = _preview(organiser_client, many)

    assert html.count("no common free slot") == UNSCHEDULED_PAGE_SIZE
    assert 'data-count="unscheduled">250<' in html
    assert "Side 250" in _preview(organiser_client, many, page=3)
