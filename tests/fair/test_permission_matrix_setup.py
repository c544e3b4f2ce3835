"""Who may use the set-up tabs (sessions, tables, interpreters), the fair's set-up in the API,
a participant's representatives and availability, and editing one opportunity: every role
against every such page and endpoint."""

import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import translation

from amity.fair.domain import add_interpreter, add_representative, add_session, add_table
from tests.factories.accounts import (
    DelegateFactory,
    EnterpriseUserFactory,
    OrganiserFactory,
    UserFactory,
)
from tests.factories.fair import FairFactory, OpportunityFactory, ParticipantFactory
from tests.fair.matrix_roles import (
    ANON,
    DELEGATE,
    LOGIN,
    MEMBER,
    NOBODY,
    OK,
    ORG,
    ORGANISERS,
    OTHER,
    ROLES,
)

pytestmark = pytest.mark.django_db

# Participant a is MEMBER's organisation; OTHER belongs to participant b.
OWN = {ANON: LOGIN, ORG: OK, MEMBER: OK, OTHER: 403, DELEGATE: 403, NOBODY: 403}
API_ORGANISERS = {**ORGANISERS, ANON: 401}
API_OWN = {**OWN, ANON: 401}
API_BROWSE = {ANON: 401, ORG: OK, MEMBER: OK, OTHER: OK, DELEGATE: OK, NOBODY: 403}


def at(hour: int) -> datetime:
    return datetime(2026, 5, 14, hour, tzinfo=UTC)


@pytest.fixture
def world():
    fair = FairFactory()
    a, b = ParticipantFactory(fair=fair), ParticipantFactory(fair=fair)
    session = add_session(fair, part="morning", starts_at=at(1), ends_at=at(3))
    users = {
        ORG: OrganiserFactory(),
        MEMBER: EnterpriseUserFactory(organisation=a.organisation),
        OTHER: EnterpriseUserFactory(organisation=b.organisation),
        DELEGATE: DelegateFactory(),
        NOBODY: UserFactory(),
    }
    return {
        "fair": fair,
        "a": a,
        "session": session,
        "table": add_table(fair, number=1),
        "interpreter": add_interpreter(fair, name="Li Na", languages=["zh", "en"]),
        "person": add_representative(a, name="Wang Fang"),
        "opp": OpportunityFactory(participant=a),
        "users": users,
    }


def page(name, *args):
    with translation.override("en"):
        return reverse(f"fair:{name}", args=args)


def _pages(w):
    f, a = w["fair"].pk, w["a"].pk
    session = {"day": "2026-05-15", "part": "afternoon", "starts": "14:00", "ends": "17:00"}
    return {
        "fair:setup-sessions": ("get", page("setup-sessions", f), {}, ORGANISERS),
        "fair:session-delete": (
            "post",
            page("session-delete", f, w["session"].pk),
            {},
            ORGANISERS,
        ),
        "fair:setup-tables": ("post", page("setup-tables", f), {"number": 7}, ORGANISERS),
        "fair:table-delete": ("post", page("table-delete", f, w["table"].pk), {}, ORGANISERS),
        "fair:setup-interpreters": ("get", page("setup-interpreters", f), {}, ORGANISERS),
        "fair:interpreter-delete": (
            "post",
            page("interpreter-delete", f, w["interpreter"].pk),
            {},
            ORGANISERS,
        ),
        "fair:representatives": ("post", page("representatives", a), {"name": "Li Wei"}, OWN),
        "fair:representative-delete": (
            "post",
            page("representative-delete", a, w["person"].pk),
            {},
            OWN,
        ),
        "fair:availability": ("get", page("availability", a), {}, OWN),
        "fair:opportunity-edit": ("get", page("opportunity-edit", a, w["opp"].pk), {}, OWN),
        "fair:interpreter-sessions": (
            "post",
            page("interpreter-sessions", f, w["interpreter"].pk),
            {"sessions": [w["session"].pk]},
            ORGANISERS,
        ),
        # A second sessions row: the POST of the tab, as organisers add one.
        "fair:setup-sessions POST": ("post", page("setup-sessions", f), session, ORGANISERS),
    }


def _api(w):
    f, a = w["fair"].pk, w["a"].pk
    base = f"/api/v1/fairs/{f}"
    mine = f"{base}/participants/{a}"
    session = {"part": "afternoon", "starts_at": at(6).isoformat(), "ends_at": at(9).isoformat()}
    opportunity = f"{mine}/opportunities/{w['opp'].pk}"
    return {
        "PATCH /api/v1/fairs/{fair_id}/participants/{participant_id}/opportunities/"
        "{opportunity_id}": ("patch", opportunity, {"title": "Green tea"}, API_OWN),
        "DELETE /api/v1/fairs/{fair_id}/participants/{participant_id}/opportunities/"
        "{opportunity_id}": ("delete", opportunity, {}, API_OWN),
        "PATCH /api/v1/fairs/{fair_id}": ("patch", base, {"slot_minutes": 30}, API_ORGANISERS),
        "GET /api/v1/fairs/{fair_id}/sessions": ("get", f"{base}/sessions", {}, API_BROWSE),
        "POST /api/v1/fairs/{fair_id}/sessions": (
            "post",
            f"{base}/sessions",
            session,
            API_ORGANISERS,
        ),
        "DELETE /api/v1/fairs/{fair_id}/sessions/{session_id}": (
            "delete",
            f"{base}/sessions/{w['session'].pk}",
            {},
            API_ORGANISERS,
        ),
        "GET /api/v1/fairs/{fair_id}/tables": ("get", f"{base}/tables", {}, API_ORGANISERS),
        "POST /api/v1/fairs/{fair_id}/tables": (
            "post",
            f"{base}/tables",
            {"number": 9},
            API_ORGANISERS,
        ),
        "DELETE /api/v1/fairs/{fair_id}/tables/{table_id}": (
            "delete",
            f"{base}/tables/{w['table'].pk}",
            {},
            API_ORGANISERS,
        ),
        "GET /api/v1/fairs/{fair_id}/interpreters": (
            "get",
            f"{base}/interpreters",
            {},
            API_ORGANISERS,
        ),
        "POST /api/v1/fairs/{fair_id}/interpreters": (
            "post",
            f"{base}/interpreters",
            {"name": "Chen Jie", "languages": ["zh", "ko"]},
            API_ORGANISERS,
        ),
        "PUT /api/v1/fairs/{fair_id}/interpreters/{interpreter_id}/sessions": (
            "put",
            f"{base}/interpreters/{w['interpreter'].pk}/sessions",
            {"session_ids": [w["session"].pk]},
            API_ORGANISERS,
        ),
        "PATCH /api/v1/fairs/{fair_id}/interpreters/{interpreter_id}": (
            "patch",
            f"{base}/interpreters/{w['interpreter'].pk}",
            {"languages": ["zh", "en", "ko"]},
            API_ORGANISERS,
        ),
        "DELETE /api/v1/fairs/{fair_id}/interpreters/{interpreter_id}": (
            "delete",
            f"{base}/interpreters/{w['interpreter'].pk}",
            {},
            API_ORGANISERS,
        ),
        "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/representatives": (
            "get",
            f"{mine}/representatives",
            {},
            API_OWN,
        ),
        "POST /api/v1/fairs/{fair_id}/participants/{participant_id}/representatives": (
            "post",
            f"{mine}/representatives",
            {"name": "Li Wei"},
            API_OWN,
        ),
        "DELETE /api/v1/fairs/{fair_id}/participants/{participant_id}/representatives/"
        "{representative_id}": (
            "delete",
            f"{mine}/representatives/{w['person'].pk}",
            {},
            API_OWN,
        ),
        "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/availability": (
            "get",
            f"{mine}/availability",
            {},
            API_OWN,
        ),
        "PUT /api/v1/fairs/{fair_id}/participants/{participant_id}/availability": (
            "put",
            f"{mine}/availability",
            {"unavailable": [{"session_id": w["session"].pk, "slot": 0}]},
            API_OWN,
        ),
    }


PAGE_CASES = [
    "fair:setup-sessions",
    "fair:setup-sessions POST",
    "fair:session-delete",
    "fair:setup-tables",
    "fair:table-delete",
    "fair:setup-interpreters",
    "fair:interpreter-delete",
    "fair:representatives",
    "fair:representative-delete",
    "fair:availability",
    "fair:opportunity-edit",
    "fair:interpreter-sessions",
]
API_ROUTES = [
    "PATCH /api/v1/fairs/{fair_id}/participants/{participant_id}/opportunities/{opportunity_id}",
    "DELETE /api/v1/fairs/{fair_id}/participants/{participant_id}/opportunities/{opportunity_id}",
    "PATCH /api/v1/fairs/{fair_id}",
    "GET /api/v1/fairs/{fair_id}/sessions",
    "POST /api/v1/fairs/{fair_id}/sessions",
    "DELETE /api/v1/fairs/{fair_id}/sessions/{session_id}",
    "GET /api/v1/fairs/{fair_id}/tables",
    "POST /api/v1/fairs/{fair_id}/tables",
    "DELETE /api/v1/fairs/{fair_id}/tables/{table_id}",
    "GET /api/v1/fairs/{fair_id}/interpreters",
    "POST /api/v1/fairs/{fair_id}/interpreters",
    "PATCH /api/v1/fairs/{fair_id}/interpreters/{interpreter_id}",
    "DELETE /api/v1/fairs/{fair_id}/interpreters/{interpreter_id}",
    "PUT /api/v1/fairs/{fair_id}/interpreters/{interpreter_id}/sessions",
    "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/representatives",
    "POST /api/v1/fairs/{fair_id}/participants/{participant_id}/representatives",
    "DELETE /api/v1/fairs/{fair_id}/participants/{participant_id}/representatives/"
    "{representative_id}",
    "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/availability",
    "PUT /api/v1/fairs/{fair_id}/participants/{participant_id}/availability",
]
COVERED_ROUTES: set[str] = {case.split(" ")[0] for case in PAGE_CASES} | set(API_ROUTES)


def _outcome(response) -> object:
    code = response.status_code
    if code == 302 and "/accounts/login/" in response.get("Location", ""):
        return LOGIN
    if code in (200, 201, 204, 302):
        return OK
    return code


def _call(client, w, role, method, url, data, is_api):
    if role != ANON:
        client.force_login(w["users"][role])
    if is_api and method not in ("get", "delete"):
        return getattr(client, method)(url, json.dumps(data), content_type="application/json")
    return getattr(client, method)(url, data) if method != "delete" else client.delete(url)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", PAGE_CASES)
def test_page_permissions(client, world, case, role):
    method, url, data, expected = _pages(world)[case]

    response = _call(client, world, role, method, url, data, is_api=False)

    assert _outcome(response) == expected[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", API_ROUTES)
def test_api_permissions(client, world, route, role):
    method, url, data, expected = _api(world)[route]

    response = _call(client, world, role, method, url, data, is_api=True)

    assert _outcome(response) == expected[role], response.content
