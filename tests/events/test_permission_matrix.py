"""Who may open which events page and call which events endpoint: every role, every route.

The delegate of the matrix is the delegate of the delegation's own city; another city's delegate
is tested apart. Anonymous visitors go to the login page where an account is needed.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import DelegateFactory, EnterpriseUserFactory, OrganiserFactory
from tests.factories.events import DelegationFactory, DelegationMemberFactory, SessionFactory

pytestmark = pytest.mark.django_db

ANONYMOUS, ENTERPRISE, DELEGATE, ORGANISER = "anonymous", "enterprise", "delegate", "organiser"
ROLES = [ANONYMOUS, ENTERPRISE, DELEGATE, ORGANISER]
LOGIN = "login"


@pytest.fixture
def delegation():
    delegation = DelegationFactory(protocol_notes="Mayor prefers tea.")
    DelegationMemberFactory(delegation=delegation, email="member@city.example")
    SessionFactory(event=delegation.event)
    return delegation


def log_in(client, role: str, delegation) -> None:
    factories = {
        ENTERPRISE: EnterpriseUserFactory,
        DELEGATE: lambda: DelegateFactory(partner_place=delegation.place),
        ORGANISER: OrganiserFactory,
    }
    if role != ANONYMOUS:
        client.force_login(factories[role]())


def en(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


EVENT_POST = {
    "name_en": "Forum",
    "kind": "forum",
    "status": "planned",
    "time_zone": "Asia/Shanghai",
    "starts_on": "2024-11-28",
    "ends_on": "2024-11-29",
}
SESSION_POST = {
    "kind": "panel",
    "title_en": "Trade",
    "starts_at": "2023-12-01T14:00",
    "ends_at": "2023-12-01T15:00",
    "room": "Hall Z",
    "languages": "en,zh",
}
TRAVEL_POST = {
    "arrival_flight": "NZ289",
    "arrival_at": "2023-11-29T17:35",
    "departure_flight": "NZ288",
    "departure_at": "2023-12-02T19:00",
    "invitation_status": "sent",
}
MEMBER_POST = {"member-role": "official", "member-name_en": "New Member"}

PAGES = {
    "list": ("get", "events:event-list", None, None),
    "detail": ("get", "events:event-detail", "event", None),
    "create GET": ("get", "events:event-create", None, None),
    "create POST": ("post", "events:event-create", None, EVENT_POST),
    "edit GET": ("get", "events:event-update", "event", None),
    "edit POST": ("post", "events:event-update", "event", EVENT_POST),
    "session GET": ("get", "events:session-add", "event", None),
    "session POST": ("post", "events:session-add", "event", SESSION_POST),
    "session edit GET": ("get", "events:session-update", "session", None),
    "session edit POST": ("post", "events:session-update", "session", SESSION_POST),
    "speaker POST": (
        "post",
        "events:speaker-add",
        "session",
        {"speaker-name_en": "Guest Speaker", "speaker-order": "1"},
    ),
    "timetable": ("get", "events:timetable", "event", None),
    "ics": ("get", "events:programme-ics", "event", None),
    "programme pdf": ("get", "events:programme-pdf", "event", None),
    "badges": ("get", "events:badges", "event", None),
    "badges file": ("get", "events:badges-file", "event", None),
    "arrivals": ("get", "events:arrivals", "event", None),
    "register POST": ("post", "events:register", "event", {}),
    "delegation create GET": ("get", "events:delegation-create", "event", None),
    "delegation detail": ("get", "events:delegation-detail", "delegation", None),
    "delegation edit GET": ("get", "events:delegation-update", "delegation", None),
    "delegation edit POST": ("post", "events:delegation-update", "delegation", TRAVEL_POST),
    "member POST": ("post", "events:member-add", "delegation", MEMBER_POST),
    "invite POST": (
        "post",
        "events:invite-head",
        "delegation",
        {"invite-email": "head@city.example"},
    ),
    "invitation letter": ("get", "events:invitation-letter", "delegation", None),
    "delegate home": ("get", "events:delegate-home", None, None),
}
ORGANISERS_ONLY = {ANONYMOUS: LOGIN, ENTERPRISE: 403, DELEGATE: 403}
OWN_DELEGATION = {ANONYMOUS: LOGIN, ENTERPRISE: 403}
MATRIX: dict[str, dict[str, int | str]] = {
    "list": dict.fromkeys(ROLES, 200),
    "detail": dict.fromkeys(ROLES, 200),
    "create GET": {**ORGANISERS_ONLY, ORGANISER: 200},
    "create POST": {**ORGANISERS_ONLY, ORGANISER: 302},
    "edit GET": {**ORGANISERS_ONLY, ORGANISER: 200},
    "edit POST": {**ORGANISERS_ONLY, ORGANISER: 302},
    "session GET": {**ORGANISERS_ONLY, ORGANISER: 200},
    "session POST": {**ORGANISERS_ONLY, ORGANISER: 302},
    "session edit GET": {**ORGANISERS_ONLY, ORGANISER: 200},
    "session edit POST": {**ORGANISERS_ONLY, ORGANISER: 302},
    "speaker POST": {**ORGANISERS_ONLY, ORGANISER: 302},
    "timetable": dict.fromkeys(ROLES, 200),
    "ics": dict.fromkeys(ROLES, 200),
    "programme pdf": dict.fromkeys(ROLES, 200),
    "badges": {**ORGANISERS_ONLY, ORGANISER: 200},
    # No sheet of that name was made: the organiser gets a 404, nobody else learns that.
    "badges file": {**ORGANISERS_ONLY, ORGANISER: 404},
    "arrivals": {**ORGANISERS_ONLY, ORGANISER: 200},
    # An organiser has no organisation of their own to register.
    "register POST": {ANONYMOUS: LOGIN, ENTERPRISE: 302, DELEGATE: 403, ORGANISER: 403},
    "delegation create GET": {**ORGANISERS_ONLY, ORGANISER: 200},
    "delegation detail": {**OWN_DELEGATION, DELEGATE: 200, ORGANISER: 200},
    "delegation edit GET": {**OWN_DELEGATION, DELEGATE: 200, ORGANISER: 200},
    "delegation edit POST": {**OWN_DELEGATION, DELEGATE: 302, ORGANISER: 302},
    "member POST": {**OWN_DELEGATION, DELEGATE: 302, ORGANISER: 302},
    "invite POST": {**ORGANISERS_ONLY, ORGANISER: 302},
    "invitation letter": {**ORGANISERS_ONLY, ORGANISER: 200},
    "delegate home": {ANONYMOUS: LOGIN, ENTERPRISE: 403, DELEGATE: 200, ORGANISER: 403},
}
CASES = [(a, r, e) for a, row in MATRIX.items() for r, e in row.items()]


def page_request(client, action: str, delegation):
    method, name, target, data = PAGES[action]
    args = []
    if target == "event":
        args = [delegation.event.pk]
    elif target == "delegation":
        args = [delegation.pk]
    elif target == "session":
        args = [delegation.event.sessions.get().pk]
    if action == "badges file":
        args.append(f"badges-{delegation.event.pk}-0123456789abcdef.pdf")
    url = en(name, *args)
    return client.get(url) if method == "get" else client.post(url, data)


@pytest.mark.parametrize(("action", "role", "expected"), CASES)
def test_page_permission_matrix(client, delegation, action, role, expected):
    log_in(client, role, delegation)

    response = page_request(client, action, delegation)

    if expected == LOGIN:
        assert (response.status_code, response["Location"].split("?")[0]) == (
            302,
            en("accounts:login"),
        )
    else:
        assert response.status_code == expected


def test_matrix_covers_every_page_route():
    from amity.events.urls import urlpatterns

    assert {f"events:{pattern.name}" for pattern in urlpatterns} == PAGE_ROUTES


def test_delegate_of_another_city_cannot_see_or_edit_the_delegation(client, delegation):
    client.force_login(DelegateFactory())

    responses = [
        client.get(en("events:delegation-detail", delegation.pk)).status_code,
        client.post(en("events:delegation-update", delegation.pk), TRAVEL_POST).status_code,
    ]

    assert responses == [403, 403]


@pytest.mark.parametrize(("role", "visible"), [(DELEGATE, False), (ORGANISER, True)])
def test_protocol_notes_and_emails_reach_organisers_only(client, delegation, role, visible):
    log_in(client, role, delegation)

    html = client.get(en("events:delegation-detail", delegation.pk)).content.decode()

    assert ("Mayor prefers tea." in html, "member@city.example" in html) == (visible, visible)


def test_unpublished_event_is_hidden_from_the_public(client, delegation):
    delegation.event.is_published = False
    delegation.event.save()
    client.force_login(EnterpriseUserFactory())

    listed = client.get(en("events:event-list")).content.decode()
    page = client.get(en("events:event-detail", delegation.event.pk))

    assert (delegation.event.name_en in listed, page.status_code) == (False, 403)


def test_delegate_sees_the_unpublished_event_their_city_goes_to(client, delegation):
    delegation.event.is_published = False
    delegation.event.save()
    log_in(client, DELEGATE, delegation)

    page = client.get(en("events:event-detail", delegation.event.pk))

    assert page.status_code == 200


PAGE_ROUTES = {f"events:{PAGES[action][1].split(':')[1]}" for action in PAGES}
API_ROUTES: set[str] = set()  # filled below, next to the API matrix


# ---- API -----------------------------------------------------------------------------------

API = {
    "GET /api/v1/events/": ("get", "/api/v1/events/", None),
    "GET /api/v1/events/{event_id}": ("get", "/api/v1/events/{e}", None),
    "GET /api/v1/events/{event_id}/delegations": ("get", "/api/v1/events/{e}/delegations", None),
    "POST /api/v1/events/{event_id}/delegations": (
        "post",
        "/api/v1/events/{e}/delegations",
        {"place_id": "{new_place}"},
    ),
    "GET /api/v1/events/{event_id}/delegations/{delegation_id}": (
        "get",
        "/api/v1/events/{e}/delegations/{d}",
        None,
    ),
    "PATCH /api/v1/events/{event_id}/delegations/{delegation_id}": (
        "patch",
        "/api/v1/events/{e}/delegations/{d}",
        {"arrival_flight": "NZ289", "arrival_at": "2023-11-29T09:35:00Z"},
    ),
    "GET /api/v1/events/{event_id}/registrations": (
        "get",
        "/api/v1/events/{e}/registrations",
        None,
    ),
    "POST /api/v1/events/{event_id}/registrations": (
        "post",
        "/api/v1/events/{e}/registrations",
        {},
    ),
}
API_ORGANISERS = {ANONYMOUS: 401, ENTERPRISE: 403, DELEGATE: 403}
API_MATRIX = {
    "GET /api/v1/events/": dict.fromkeys(ROLES, 200),
    "GET /api/v1/events/{event_id}": dict.fromkeys(ROLES, 200),
    # Everyone logged in gets a list: the delegate their own city's, others none.
    "GET /api/v1/events/{event_id}/delegations": {ANONYMOUS: 401}
    | dict.fromkeys([ENTERPRISE, DELEGATE, ORGANISER], 200),
    "POST /api/v1/events/{event_id}/delegations": {**API_ORGANISERS, ORGANISER: 201},
    "GET /api/v1/events/{event_id}/delegations/{delegation_id}": {
        ANONYMOUS: 401,
        ENTERPRISE: 403,
        DELEGATE: 200,
        ORGANISER: 200,
    },
    "PATCH /api/v1/events/{event_id}/delegations/{delegation_id}": {
        ANONYMOUS: 401,
        ENTERPRISE: 403,
        DELEGATE: 200,
        ORGANISER: 200,
    },
    "GET /api/v1/events/{event_id}/registrations": {**API_ORGANISERS, ORGANISER: 200},
    # An organiser must name the organisation; the empty body names none.
    "POST /api/v1/events/{event_id}/registrations": {
        ANONYMOUS: 401,
        ENTERPRISE: 201,
        DELEGATE: 403,
        ORGANISER: 403,
    },
}
API_CASES = [(a, r, e) for a, row in API_MATRIX.items() for r, e in row.items()]
API_ROUTES.update(API)


@pytest.mark.parametrize(("operation", "role", "expected"), API_CASES)
def test_api_permission_matrix(client, delegation, operation, role, expected):
    from tests.factories import PlaceFactory

    log_in(client, role, delegation)
    method, path, body = API[operation]
    path = path.format(e=delegation.event.pk, d=delegation.pk)
    if body and body.get("place_id") == "{new_place}":
        body = {"place_id": PlaceFactory().pk}

    if method == "get":
        response = client.get(path)
    else:
        response = getattr(client, method)(path, body, content_type="application/json")

    assert response.status_code == expected, response.content


def test_api_hides_personal_data_from_the_delegate(client, delegation):
    log_in(client, DELEGATE, delegation)

    body = client.get(f"/api/v1/events/{delegation.event.pk}/delegations/{delegation.pk}").json()

    assert (body["protocol_notes"], body["members"][0]["email"]) == (None, None)


def test_api_public_does_not_see_unpublished_events(client, delegation):
    delegation.event.is_published = False
    delegation.event.save()

    listed = client.get("/api/v1/events/").json()
    detail = client.get(f"/api/v1/events/{delegation.event.pk}")

    assert (listed["count"], detail.status_code) == (0, 401)


def test_api_arrival_after_departure_is_a_422_naming_the_field(client, delegation):
    log_in(client, ORGANISER, delegation)

    response = client.patch(
        f"/api/v1/events/{delegation.event.pk}/delegations/{delegation.pk}",
        {"arrival_at": "2023-11-30T10:00:00Z", "departure_at": "2023-11-29T10:00:00Z"},
        content_type="application/json",
    )

    assert (response.status_code, list(response.json()["errors"])) == (422, ["departure_at"])


def test_matrix_covers_every_api_operation():
    from amity.api.urls import api

    schema = api.get_openapi_schema()
    operations = {
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        if path.startswith("/api/v1/events/")
        for method in item
    }
    assert operations == API_ROUTES


COVERED_ROUTES: set[str] = PAGE_ROUTES | API_ROUTES
