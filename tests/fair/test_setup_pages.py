"""The set-up tabs (sessions, tables, interpreters) and a participant's representatives and
availability: pages (with and without htmx) and API, success, bad input, object rules."""

import json
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from amity.fair.domain import (
    add_interpreter,
    add_representative,
    add_session,
    add_table,
    set_interpreter_sessions,
    set_unavailability,
)
from amity.fair.domain.schedule import add_meeting
from amity.fair.models import FairSession, Interpreter, Representative, Table, Unavailability
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.factories.fair import FairFactory, OpportunityFactory, ParticipantFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 5, day, hour, minute, tzinfo=UTC)


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(f"fair:{name}", args=args)


@pytest.fixture
def organiser(client):
    client.force_login(OrganiserFactory())
    return client


@pytest.fixture
def member_of():
    def log_in(client, participant):
        client.force_login(EnterpriseUserFactory(organisation=participant.organisation))
        return client

    return log_in


# Sessions


def test_an_organiser_adds_a_session_read_in_the_events_time_zone(organiser):
    fair = FairFactory(slot_minutes=20, pause_minutes=5, event__time_zone="Pacific/Auckland")
    data = {"day": "2026-05-14", "part": "morning", "starts": "09:00", "ends": "10:40"}

    response = organiser.post(url("setup-sessions", fair.pk), data)

    assert response.status_code == 302
    session = FairSession.objects.get(fair=fair)
    # New Zealand is UTC+12 in May.
    assert (session.starts_at, session.ends_at) == (at(13, 21), at(13, 22, 40))
    page = organiser.get(url("setup-sessions", fair.pk)).content.decode()
    assert "<td>4</td>" in page  # 4 slots of 20 + 5 minutes
    assert "<td>09:00</td>" in page


def test_a_session_ending_before_it_starts_names_the_field_and_adds_nothing(organiser):
    fair = FairFactory()
    data = {"day": "2026-05-14", "part": "morning", "starts": "11:00", "ends": "09:00"}

    response = organiser.post(url("setup-sessions", fair.pk), data, **HTMX)

    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    assert 'id="setup-card"' in body
    assert "A session ends after it starts." in body
    assert not FairSession.objects.filter(fair=fair).exists()


def test_an_overlapping_session_is_refused_in_chinese(organiser):
    fair = FairFactory()
    add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 4))
    data = {"day": "2026-05-14", "part": "afternoon", "starts": "11:00", "ends": "14:00"}

    response = organiser.post(url("setup-sessions", fair.pk, lang="zh-hans"), data)

    assert response.status_code == 200
    assert FairSession.objects.filter(fair=fair).count() == 1
    assert "场次" in response.content.decode()


def test_a_session_with_scheduled_meetings_is_not_removed(organiser):
    fair, _people, requests, slots = small_fair(participants=2)
    add_meeting(requests[0], slot=slots[0], table=Table.objects.filter(fair=fair).first())
    session = FairSession.objects.get(fair=fair)

    response = organiser.post(url("session-delete", fair.pk, session.pk), **HTMX)

    assert response.status_code == 200
    assert "Meetings are scheduled in this session" in response.content.decode()
    assert FairSession.objects.filter(pk=session.pk).exists()


def test_removing_a_session_with_htmx_returns_the_card_without_it(organiser):
    fair = FairFactory()
    session = add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))

    response = organiser.post(url("session-delete", fair.pk, session.pk), **HTMX)

    assert response.status_code == 200
    assert f'data-session="{session.pk}"' not in response.content.decode()
    assert not FairSession.objects.filter(pk=session.pk).exists()


def test_a_session_of_another_fair_is_not_found(organiser):
    fair, other = FairFactory(), FairFactory()
    session = add_session(other, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))

    response = organiser.post(url("session-delete", fair.pk, session.pk))

    assert response.status_code == 404
    assert FairSession.objects.filter(pk=session.pk).exists()


# Tables


def test_an_organiser_gives_an_exhibitor_a_fixed_table(organiser):
    fair = FairFactory()
    exhibitor = ParticipantFactory(fair=fair)

    response = organiser.post(
        url("setup-tables", fair.pk), {"number": 5, "exhibitor": exhibitor.pk}, **HTMX
    )

    assert response.status_code == 200
    assert 'data-table="5"' in response.content.decode()
    assert Table.objects.get(fair=fair, number=5).exhibitor == exhibitor


def test_a_table_number_taken_already_names_the_number(organiser):
    fair = FairFactory()
    add_table(fair, number=3)

    response = organiser.post(url("setup-tables", fair.pk), {"number": 3}, **HTMX)

    assert "Table 3 exists already." in response.content.decode()
    assert Table.objects.filter(fair=fair).count() == 1


def test_another_fairs_participant_cannot_be_an_exhibitor(organiser):
    fair = FairFactory()
    stranger = ParticipantFactory()

    organiser.post(url("setup-tables", fair.pk), {"number": 1, "exhibitor": stranger.pk})

    assert not Table.objects.filter(fair=fair).exists()


def test_a_table_with_meetings_is_not_removed(organiser):
    fair, _people, requests, slots = small_fair(participants=2)
    table = Table.objects.filter(fair=fair).first()
    add_meeting(requests[0], slot=slots[0], table=table)

    response = organiser.post(url("table-delete", fair.pk, table.pk))

    assert "Meetings are scheduled at this table" in response.content.decode()
    assert Table.objects.filter(pk=table.pk).exists()


# Interpreters


def test_an_organiser_adds_an_interpreter_for_some_sessions(organiser):
    fair = FairFactory()
    morning = add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))
    add_session(fair, part="afternoon", starts_at=at(14, 6), ends_at=at(14, 9))
    data = {"name": "Li Na", "languages": "zh, en", "sessions": [morning.pk]}

    response = organiser.post(url("setup-interpreters", fair.pk), data)

    assert response.status_code == 302
    interpreter = Interpreter.objects.get(fair=fair)
    assert (interpreter.languages, list(interpreter.sessions.all())) == (["zh", "en"], [morning])


def test_an_interpreter_with_one_language_names_the_languages(organiser):
    fair = FairFactory()

    response = organiser.post(
        url("setup-interpreters", fair.pk), {"name": "Li Na", "languages": "zh"}, **HTMX
    )

    assert "An interpreter works between two languages." in response.content.decode()
    assert not Interpreter.objects.filter(fair=fair).exists()


def test_the_set_up_page_links_its_tabs(organiser):
    fair = FairFactory()

    body = organiser.get(url("setup", fair.pk)).content.decode()

    for tab in ("setup-sessions", "setup-tables", "setup-interpreters"):
        assert url(tab, fair.pk) in body


# Representatives


def test_a_member_adds_and_removes_a_representative_in_place(client, member_of):
    participant = ParticipantFactory()
    member_of(client, participant)
    data = {"name": "Wang Fang", "title": "Export manager", "email": "wang@example.cn"}

    added = client.post(url("representatives", participant.pk), data, **HTMX)
    person = Representative.objects.get(participant=participant)
    removed = client.post(url("representative-delete", participant.pk, person.pk), **HTMX)

    assert added.status_code == 200
    assert "Wang Fang" in added.content.decode()
    assert "<html" not in added.content.decode()
    assert removed.status_code == 200
    assert "Wang Fang" not in removed.content.decode()
    assert not Representative.objects.filter(participant=participant).exists()


def test_a_bad_representative_email_names_the_field(client, member_of):
    participant = ParticipantFactory()
    member_of(client, participant)

    response = client.post(
        url("representatives", participant.pk), {"name": "Wang Fang", "email": "not-an-address"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"email"}
    assert not Representative.objects.exists()


def test_another_participants_representative_is_not_found(client, member_of):
    mine = ParticipantFactory()
    theirs = add_representative(ParticipantFactory(fair=mine.fair), name="Kim")
    member_of(client, mine)

    response = client.post(url("representative-delete", mine.pk, theirs.pk))

    assert response.status_code == 404
    assert Representative.objects.filter(pk=theirs.pk).exists()


def test_the_organiser_edits_any_participants_representatives(organiser):
    participant = ParticipantFactory()

    organiser.post(url("representatives", participant.pk), {"name": "Aroha Smith"})

    assert participant.representatives.get().name == "Aroha Smith"


# Availability


def _fair_with_sessions():
    fair = FairFactory(slot_minutes=20, pause_minutes=5)
    morning = add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 2, 40))
    afternoon = add_session(fair, part="afternoon", starts_at=at(14, 6), ends_at=at(14, 7))
    return fair, morning, afternoon


def test_a_member_unticks_the_slots_it_cannot_meet_in(client, member_of):
    fair, morning, afternoon = _fair_with_sessions()
    participant = ParticipantFactory(fair=fair)
    member_of(client, participant)
    shown = [f"{morning.pk}:{i}" for i in range(4)] + [f"{afternoon.pk}:{i}" for i in range(2)]
    ticked = [key for key in shown if key not in (f"{morning.pk}:1", f"{afternoon.pk}:0")]

    response = client.post(
        url("availability", participant.pk), {"slot": shown, "available": ticked}
    )

    assert response.status_code == 302
    assert set(participant.unavailable_slots.values_list("session_id", "slot")) == {
        (morning.pk, 1),
        (afternoon.pk, 0),
    }
    page = client.get(url("availability", participant.pk)).content.decode()
    assert page.count("checked") == 4


def test_the_grid_is_in_chinese_with_the_events_times(client, member_of):
    fair, _morning, _afternoon = _fair_with_sessions()
    participant = ParticipantFactory(fair=fair)
    member_of(client, participant)

    body = client.get(url("availability", participant.pk, lang="zh-hans")).content.decode()

    assert "您什么时候可以会谈？" in body
    assert "09:25" in body  # the second morning slot, in Shanghai time (the event's)


def test_a_malformed_slot_changes_nothing(client, member_of):
    fair, morning, _afternoon = _fair_with_sessions()
    participant = ParticipantFactory(fair=fair)
    set_unavailability(participant, [(morning.pk, 2)])
    member_of(client, participant)

    response = client.post(url("availability", participant.pk), {"slot": ["x:1"]})

    assert response.status_code == 422
    assert "x:1 is not a slot." in response.content.decode()
    assert list(participant.unavailable_slots.values_list("slot", flat=True)) == [2]


def test_a_slot_beyond_the_session_is_refused_by_the_action():
    fair, morning, _afternoon = _fair_with_sessions()
    participant = ParticipantFactory(fair=fair)

    with pytest.raises(Exception, match="has no slot 4"):
        set_unavailability(participant, [(morning.pk, 4)])

    assert not Unavailability.objects.exists()


def test_a_fair_without_sessions_says_so(client, member_of):
    participant = ParticipantFactory()
    member_of(client, participant)

    body = client.get(url("availability", participant.pk)).content.decode()

    assert "have not set the fair" in body


# Queries at 1 and many rows


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize("tab", ["setup-sessions", "setup-tables", "setup-interpreters"])
def test_set_up_tabs_take_the_same_queries_for_1_and_many_rows(organiser, tab):
    counts = []
    for size in (1, 15):
        fair = FairFactory()
        sessions = [
            add_session(fair, part="morning", starts_at=at(1 + n, 1), ends_at=at(1 + n, 3))
            for n in range(size)
        ]
        for number in range(1, size + 1):
            add_table(fair, number=number, exhibitor=ParticipantFactory(fair=fair))
            add_interpreter(fair, name=f"I{number}", languages="zh, en", sessions=sessions)
        counts.append(_queries(organiser, url(tab, fair.pk)))
    assert counts[0] == counts[1]


def test_representatives_and_grid_take_the_same_queries_for_1_and_many_rows(client, member_of):
    counts = []
    for size in (1, 12):
        fair = FairFactory()
        participant = ParticipantFactory(fair=fair)
        for n in range(size):
            session = add_session(
                fair, part="morning", starts_at=at(1 + n, 1), ends_at=at(1 + n, 3)
            )
            add_representative(participant, name=f"Person {n}", email=f"p{n}@example.org")
            set_unavailability(participant, [(session.pk, 0)])
        member_of(client, participant)
        counts.append(
            (
                _queries(client, url("representatives", participant.pk)),
                _queries(client, url("availability", participant.pk)),
            )
        )
        client.logout()
    assert counts[0] == counts[1]


# API


def api(client, method, path, body=None):
    if body is None:
        return getattr(client, method)(f"/api/v1/fairs/{path}")
    return getattr(client, method)(
        f"/api/v1/fairs/{path}", json.dumps(body), content_type="application/json"
    )


def test_api_sessions_add_list_and_refuse_an_overlap(organiser):
    fair = FairFactory()
    morning = {"part": "morning", "starts_at": "2026-05-14T01:00Z", "ends_at": "2026-05-14T04:00Z"}
    clash = {**morning, "part": "afternoon", "starts_at": "2026-05-14T03:00Z"}

    created = api(organiser, "post", f"{fair.pk}/sessions", morning)
    refused = api(organiser, "post", f"{fair.pk}/sessions", clash)
    listed = api(organiser, "get", f"{fair.pk}/sessions")

    assert created.status_code == 201
    assert created.json()["part"] == "morning"
    assert refused.status_code == 422
    assert list(refused.json()["errors"]) == ["starts_at"]
    assert [s["id"] for s in listed.json()] == [created.json()["id"]]


def test_api_removing_a_session_with_meetings_is_a_422(organiser):
    fair, _people, requests, slots = small_fair(participants=2)
    add_meeting(requests[0], slot=slots[0], table=Table.objects.filter(fair=fair).first())
    session = FairSession.objects.get(fair=fair)

    response = api(organiser, "delete", f"{fair.pk}/sessions/{session.pk}")

    assert (response.status_code, list(response.json()["errors"])) == (422, ["session"])
    assert FairSession.objects.filter(pk=session.pk).exists()


def test_api_tables_number_from_one_and_exhibitors_are_of_the_fair(organiser):
    fair = FairFactory()
    exhibitor = ParticipantFactory(fair=fair)

    zero = api(organiser, "post", f"{fair.pk}/tables", {"number": 0})
    stranger = api(
        organiser,
        "post",
        f"{fair.pk}/tables",
        {"number": 1, "exhibitor_id": ParticipantFactory().pk},
    )
    fixed = api(organiser, "post", f"{fair.pk}/tables", {"number": 1, "exhibitor_id": exhibitor.pk})
    removed = api(organiser, "delete", f"{fair.pk}/tables/{fixed.json()['id']}")

    assert (zero.status_code, list(zero.json()["errors"])) == (422, ["number"])
    assert stranger.status_code == 404
    assert fixed.status_code == 201
    assert fixed.json()["exhibitor_id"] == exhibitor.pk
    assert removed.status_code == 204
    assert not Table.objects.filter(fair=fair).exists()


def test_api_interpreter_sessions_must_be_of_the_fair(organiser):
    fair, other = FairFactory(), FairFactory()
    mine = add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))
    theirs = add_session(other, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))
    body = {"name": "Li Na", "languages": ["zh", "en"]}

    refused = api(
        organiser, "post", f"{fair.pk}/interpreters", {**body, "session_ids": [theirs.pk]}
    )
    created = api(organiser, "post", f"{fair.pk}/interpreters", {**body, "session_ids": [mine.pk]})

    assert (refused.status_code, list(refused.json()["errors"])) == (422, ["sessions"])
    assert created.status_code == 201
    assert created.json()["session_ids"] == [mine.pk]
    assert Interpreter.objects.filter(fair=fair).count() == 1


def test_api_representatives_for_the_own_participant(client, member_of):
    participant = ParticipantFactory()
    member_of(client, participant)
    base = f"{participant.fair_id}/participants/{participant.pk}/representatives"

    bad = api(client, "post", base, {"name": "Wang Fang", "email": "nope"})
    created = api(client, "post", base, {"name": "Wang Fang", "email": "wang@example.cn"})
    listed = api(client, "get", base)
    removed = api(client, "delete", f"{base}/{created.json()['id']}")

    assert (bad.status_code, list(bad.json()["errors"])) == (422, ["email"])
    assert created.status_code == 201
    assert [p["name"] for p in listed.json()] == ["Wang Fang"]
    assert removed.status_code == 204
    assert not Representative.objects.exists()


def test_api_a_participant_of_another_fair_is_not_found(organiser):
    fair = FairFactory()
    elsewhere = ParticipantFactory()

    response = api(organiser, "get", f"{fair.pk}/participants/{elsewhere.pk}/representatives")

    assert response.status_code == 404


def test_api_availability_is_replaced_all_or_nothing(client, member_of):
    fair, morning, afternoon = _fair_with_sessions()
    participant = ParticipantFactory(fair=fair)
    member_of(client, participant)
    path = f"{fair.pk}/participants/{participant.pk}/availability"
    good = [{"session_id": morning.pk, "slot": 3}, {"session_id": afternoon.pk, "slot": 0}]

    saved = api(client, "put", path, {"unavailable": good})
    refused = api(
        client,
        "put",
        path,
        {
            "unavailable": [
                {"session_id": morning.pk, "slot": 0},
                {"session_id": afternoon.pk, "slot": 9},
            ]
        },
    )
    read = api(client, "get", path)

    assert saved.status_code == 200
    assert (refused.status_code, list(refused.json()["errors"])) == (422, ["slots"])
    assert read.json() == {"max_meetings": participant.max_meetings, "unavailable": good}


def test_api_session_times_without_an_offset_are_in_the_events_zone(organiser):
    fair = FairFactory(event__time_zone="Pacific/Auckland")
    body = {"part": "morning", "starts_at": "2026-05-14T09:00", "ends_at": "2026-05-14T12:00"}

    response = api(organiser, "post", f"{fair.pk}/sessions", body)

    assert response.status_code == 201
    assert FairSession.objects.get(fair=fair).starts_at == at(13, 21)


def test_api_an_organiser_changes_the_set_up_and_bad_values_name_the_field(organiser):
    fair = FairFactory(slot_minutes=20, event__time_zone="Pacific/Auckland")

    changed = api(
        organiser,
        "patch",
        str(fair.pk),
        {"slot_minutes": 30, "request_deadline": "2026-05-10T18:00", "approval_required": True},
    )
    refused = api(organiser, "patch", str(fair.pk), {"slot_minutes": 2, "pause_minutes": 10})
    empty = api(organiser, "patch", str(fair.pk), {"max_meetings": None})

    assert changed.status_code == 200
    assert changed.json()["slot_minutes"] == 30
    deadline = datetime.fromisoformat(changed.json()["request_deadline"])
    assert deadline == datetime(2026, 5, 10, 6, tzinfo=UTC)
    assert (refused.status_code, list(refused.json()["errors"])) == (422, ["slot_minutes"])
    assert empty.status_code == 422
    fair.refresh_from_db()
    assert (fair.slot_minutes, fair.pause_minutes, fair.approval_required) == (30, 5, True)


# Labels of the engine's classifications


@pytest.mark.parametrize(
    ("lang", "sector", "cooperation"),
    [
        ("en", "4923 Freight transport by road", "export/import"),
        ("zh-hans", "4923 公路货物运输", "进出口贸易"),
    ],
)
def test_the_participant_page_names_sectors_and_cooperation_in_the_readers_language(
    organiser, lang, sector, cooperation
):
    participant = ParticipantFactory(sectors=["4923"])
    OpportunityFactory(participant=participant, cooperation="export_import")

    body = organiser.get(url("participant-detail", participant.pk, lang=lang)).content.decode()

    assert sector in body
    assert cooperation in body


# Editing an opportunity


def test_a_member_edits_an_opportunity_and_a_blank_title_names_the_field(client, member_of):
    participant = ParticipantFactory()
    opportunity = OpportunityFactory(participant=participant, title="Buses")
    member_of(client, participant)
    address = url("opportunity-edit", participant.pk, opportunity.pk)

    shown = client.get(address)
    blank = client.post(address, {"kind": "offer", "title": " ", "cooperation": ""})
    saved = client.post(address, {"kind": "request", "title": "Ferries", "cooperation": ""})

    assert 'value="Buses"' in shown.content.decode()
    assert "title" in blank.context["form"].errors
    assert saved.status_code == 302
    opportunity.refresh_from_db()
    assert (opportunity.kind, opportunity.title) == ("request", "Ferries")


def test_another_participants_opportunity_is_not_found(client, member_of):
    mine = ParticipantFactory()
    theirs = OpportunityFactory(participant=ParticipantFactory(fair=mine.fair))
    member_of(client, mine)

    response = client.get(url("opportunity-edit", mine.pk, theirs.pk))

    assert response.status_code == 404


def test_api_an_opportunity_is_changed_and_removed(client, member_of):
    participant = ParticipantFactory()
    opportunity = OpportunityFactory(participant=participant, title="Buses")
    member_of(client, participant)
    path = f"{participant.fair_id}/participants/{participant.pk}/opportunities/{opportunity.pk}"

    blank = api(client, "patch", path, {"title": ""})
    changed = api(client, "patch", path, {"title": "Ferries", "kind": "request"})
    removed = api(client, "delete", path)
    again = api(client, "delete", path)

    assert (blank.status_code, list(blank.json()["errors"])) == (422, ["title"])
    assert changed.status_code == 200
    assert (changed.json()["title"], changed.json()["kind"]) == ("Ferries", "request")
    assert removed.status_code == 204
    assert again.status_code == 404
    assert not participant.opportunities.exists()


def test_the_home_page_asks_for_representatives_until_there_is_one(client, member_of):
    participant = ParticipantFactory()
    member_of(client, participant)

    before = client.get(url("participant-home")).content.decode()
    add_representative(participant, name="Wang Fang")
    after = client.get(url("participant-home")).content.decode()

    assert "the people who attend your meetings" in before
    assert url("representatives", participant.pk) in before
    assert "the people who attend your meetings" not in after


# An interpreter's sessions


def test_an_organiser_ticks_an_interpreters_sessions_in_the_grid(organiser):
    fair = FairFactory()
    morning = add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))
    afternoon = add_session(fair, part="afternoon", starts_at=at(14, 6), ends_at=at(14, 9))
    interpreter = add_interpreter(fair, name="Li Na", languages="zh, en", sessions=[morning])
    address = url("interpreter-sessions", fair.pk, interpreter.pk)

    response = organiser.post(address, {"sessions": [afternoon.pk]}, **HTMX)

    assert response.status_code == 200
    assert 'class="data-table interpreter-grid"' in response.content.decode()
    assert list(interpreter.sessions.all()) == [afternoon]


def test_an_interpreter_keeps_a_session_with_their_meetings():
    fair, _people, requests, slots = small_fair(participants=2)
    session = FairSession.objects.get(fair=fair)
    interpreter = add_interpreter(fair, name="Li Na", languages="zh, en", sessions=[session])
    add_meeting(
        requests[0],
        slot=slots[0],
        table=Table.objects.filter(fair=fair).first(),
        interpreter=interpreter,
    )

    with pytest.raises(ValidationError) as refused:
        set_interpreter_sessions(interpreter, [])

    assert list(refused.value.message_dict) == ["sessions"]
    assert list(interpreter.sessions.all()) == [session]


def test_a_session_of_another_fair_or_a_bad_id_changes_nothing(organiser):
    fair, other = FairFactory(), FairFactory()
    mine = add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))
    theirs = add_session(other, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))
    interpreter = add_interpreter(fair, name="Li Na", languages="zh, en", sessions=[mine])
    address = url("interpreter-sessions", fair.pk, interpreter.pk)

    foreign = organiser.post(address, {"sessions": [theirs.pk]})
    garbled = organiser.post(address, {"sessions": ["x"]})

    assert "A session of another fair was given." in foreign.content.decode()
    assert "Choose sessions of this fair." in garbled.content.decode()
    assert list(interpreter.sessions.all()) == [mine]


def test_api_an_interpreters_sessions_are_replaced(organiser):
    fair = FairFactory()
    morning = add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))
    interpreter = add_interpreter(fair, name="Li Na", languages="zh, en")
    path = f"{fair.pk}/interpreters/{interpreter.pk}/sessions"

    saved = api(organiser, "put", path, {"session_ids": [morning.pk]})
    unknown = api(organiser, "put", path, {"session_ids": [morning.pk + 1000]})

    assert saved.status_code == 200
    assert saved.json()["session_ids"] == [morning.pk]
    assert unknown.status_code == 404
    assert list(interpreter.sessions.all()) == [morning]
