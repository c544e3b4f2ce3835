"""Who may open which fair page and call which fair endpoint: every role against every route.

``COVERED_ROUTES`` names every route exercised here; the last test fails when the fair gets a
route (page or API operation) that this matrix does not cover.
"""

import json

import pytest
from django.urls import get_resolver, reverse
from django.utils import translation

from amity.api.urls import api
from amity.fair.models import MeetingRequest, Opportunity
from tests.factories.accounts import (
    DelegateFactory,
    EnterpriseUserFactory,
    OrganiserFactory,
    UserFactory,
)
from tests.factories.fair import FairFactory, OpportunityFactory, ParticipantFactory
from tests.fair.test_permission_matrix_api_schedule import COVERED_ROUTES as API_SCHEDULE_ROUTES
from tests.fair.test_permission_matrix_followup import COVERED_ROUTES as FOLLOWUP_ROUTES
from tests.fair.test_permission_matrix_pickers import COVERED_ROUTES as PICKER_ROUTES
from tests.fair.test_permission_matrix_schedule import COVERED_ROUTES as SCHEDULE_ROUTES
from tests.fair.test_permission_matrix_setup import COVERED_ROUTES as SETUP_ROUTES

pytestmark = pytest.mark.django_db

ANON, ORG, MEMBER, OTHER, DELEGATE, NOBODY = (
    "anonymous",
    "organiser",
    "member",
    "other-member",
    "delegate",
    "no-role",
)
ROLES = [ANON, ORG, MEMBER, OTHER, DELEGATE, NOBODY]
OK, LOGIN = "ok", "login"


@pytest.fixture
def world():
    fair = FairFactory()
    a, b, c = (ParticipantFactory(fair=fair) for _ in range(3))
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
        "b": b,
        "c": c,
        "opp": OpportunityFactory(participant=a),
        "req": MeetingRequest.objects.create(fair=fair, sender=b, receiver=a),
        "users": users,
    }


def page(name, *args):
    with translation.override("en"):
        return reverse(f"fair:{name}", args=args)


# route: (method, how to build the address and body, expected outcome per role)
def _pages(w):
    f, a, b, c = w["fair"].pk, w["a"].pk, w["b"].pk, w["c"].pk
    browse = {ANON: LOGIN, ORG: OK, MEMBER: OK, OTHER: OK, DELEGATE: OK, NOBODY: 403}
    organisers = {ANON: LOGIN, ORG: OK, MEMBER: 403, OTHER: 403, DELEGATE: 403, NOBODY: 403}
    own = {ANON: LOGIN, ORG: OK, MEMBER: OK, OTHER: 403, DELEGATE: 403, NOBODY: 403}
    acting = {ANON: LOGIN, ORG: OK, MEMBER: OK, OTHER: OK, DELEGATE: 403, NOBODY: 403}
    return {
        "fair:participant-home": ("get", page("participant-home"), {}, browse),
        "fair:marketplace": ("get", page("marketplace", f), {}, browse),
        "fair:register": (
            "get",
            page("register", f),
            {},
            {**acting, OTHER: OK},
        ),
        "fair:organiser-overview": ("get", page("organiser-overview", f), {}, organisers),
        "fair:setup": ("get", page("setup", f), {}, organisers),
        "fair:import": ("get", page("import", f), {}, organisers),
        "fair:export": ("get", page("export", f, "csv"), {}, organisers),
        "fair:recompute": ("post", page("recompute", f), {}, organisers),
        "fair:meeting-create": (
            "post",
            page("meeting-create", f),
            {"first": b, "second": c},
            organisers,
        ),
        "fair:participant-detail": ("get", page("participant-detail", b), {}, browse),
        "fair:profile-edit": ("get", page("profile-edit", a), {}, own),
        "fair:opportunity-add": (
            "post",
            page("opportunity-add", a),
            {"kind": "offer", "title": "Tea"},
            own,
        ),
        "fair:opportunity-delete": (
            "post",
            page("opportunity-delete", a, w["opp"].pk),
            {},
            own,
        ),
        "fair:approve": ("post", page("approve", a), {}, organisers),
        "fair:request-send": ("post", page("request-send", c), {"note": "hi"}, acting),
        "fair:mark": ("post", page("mark", c), {"kind": "must_meet"}, acting),
        "fair:request-answer": (
            "post",
            page("request-answer", w["req"].pk, "accept"),
            {},
            {ANON: LOGIN, ORG: 403, MEMBER: OK, OTHER: 403, DELEGATE: 403, NOBODY: 403},
        ),
    }


def _api(w):
    f, a, b, c, r = w["fair"].pk, w["a"].pk, w["b"].pk, w["c"].pk, w["req"].pk
    base = "/api/v1/fairs"
    browse = {ANON: 401, ORG: OK, MEMBER: OK, OTHER: OK, DELEGATE: OK, NOBODY: 403}
    own = {ANON: 401, ORG: OK, MEMBER: OK, OTHER: 403, DELEGATE: 403, NOBODY: 403}
    suggestions = own
    profile = {"city_name": "Shanghai", "country": "CN"}
    return {
        "GET /api/v1/fairs/": ("get", f"{base}/", {}, browse),
        "GET /api/v1/fairs/{fair_id}": ("get", f"{base}/{f}", {}, browse),
        "GET /api/v1/fairs/{fair_id}/participants": (
            "get",
            f"{base}/{f}/participants",
            {},
            browse,
        ),
        "POST /api/v1/fairs/{fair_id}/participants": (
            "post",
            f"{base}/{f}/participants",
            profile,
            # The organiser has no organisation of its own to register: a 422 naming it.
            {ANON: 401, ORG: 422, MEMBER: 422, OTHER: 422, DELEGATE: 403, NOBODY: 403},
        ),
        "GET /api/v1/fairs/{fair_id}/participants/{participant_id}": (
            "get",
            f"{base}/{f}/participants/{b}",
            {},
            browse,
        ),
        "PATCH /api/v1/fairs/{fair_id}/participants/{participant_id}": (
            "patch",
            f"{base}/{f}/participants/{a}",
            {"description": "Tea and logistics"},
            own,
        ),
        "GET /api/v1/fairs/{fair_id}/opportunities": (
            "get",
            f"{base}/{f}/opportunities",
            {},
            browse,
        ),
        "POST /api/v1/fairs/{fair_id}/participants/{participant_id}/opportunities": (
            "post",
            f"{base}/{f}/participants/{a}/opportunities",
            {"kind": "offer", "title": "Tea"},
            own,
        ),
        "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/recommendations": (
            "get",
            f"{base}/{f}/participants/{a}/recommendations",
            {},
            suggestions,
        ),
        "GET /api/v1/fairs/{fair_id}/requests": ("get", f"{base}/{f}/requests", {}, browse),
        "POST /api/v1/fairs/{fair_id}/requests": (
            "post",
            f"{base}/{f}/requests",
            {"receiver_id": c},
            {ANON: 401, ORG: 403, MEMBER: OK, OTHER: OK, DELEGATE: 403, NOBODY: 403},
        ),
        "POST /api/v1/fairs/{fair_id}/requests/{request_id}/accept": (
            "post",
            f"{base}/{f}/requests/{r}/accept",
            {},
            {ANON: 401, ORG: 403, MEMBER: OK, OTHER: 403, DELEGATE: 403, NOBODY: 403},
        ),
        "POST /api/v1/fairs/{fair_id}/requests/{request_id}/decline": (
            "post",
            f"{base}/{f}/requests/{r}/decline",
            {"reason": "busy"},
            {ANON: 401, ORG: 403, MEMBER: OK, OTHER: 403, DELEGATE: 403, NOBODY: 403},
        ),
        "POST /api/v1/fairs/{fair_id}/requests/{request_id}/withdraw": (
            "post",
            f"{base}/{f}/requests/{r}/withdraw",
            {},
            {ANON: 401, ORG: 403, MEMBER: 403, OTHER: OK, DELEGATE: 403, NOBODY: 403},
        ),
    }


PAGE_ROUTES = [
    "fair:participant-home",
    "fair:marketplace",
    "fair:register",
    "fair:organiser-overview",
    "fair:setup",
    "fair:import",
    "fair:export",
    "fair:recompute",
    "fair:meeting-create",
    "fair:participant-detail",
    "fair:profile-edit",
    "fair:opportunity-add",
    "fair:opportunity-delete",
    "fair:approve",
    "fair:request-send",
    "fair:mark",
    "fair:request-answer",
]
API_ROUTES = [
    "GET /api/v1/fairs/",
    "GET /api/v1/fairs/{fair_id}",
    "GET /api/v1/fairs/{fair_id}/participants",
    "POST /api/v1/fairs/{fair_id}/participants",
    "GET /api/v1/fairs/{fair_id}/participants/{participant_id}",
    "PATCH /api/v1/fairs/{fair_id}/participants/{participant_id}",
    "GET /api/v1/fairs/{fair_id}/opportunities",
    "POST /api/v1/fairs/{fair_id}/participants/{participant_id}/opportunities",
    "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/recommendations",
    "GET /api/v1/fairs/{fair_id}/requests",
    "POST /api/v1/fairs/{fair_id}/requests",
    "POST /api/v1/fairs/{fair_id}/requests/{request_id}/accept",
    "POST /api/v1/fairs/{fair_id}/requests/{request_id}/decline",
    "POST /api/v1/fairs/{fair_id}/requests/{request_id}/withdraw",
]
COVERED_ROUTES: set[str] = set(PAGE_ROUTES) | set(API_ROUTES)


def _outcome(response) -> object:
    code = response.status_code
    if code == 302 and "/accounts/login/" in response.get("Location", ""):
        return LOGIN
    if code in (200, 201, 302):
        return OK
    return code


def _call(client, w, role, method, url, data, is_api):
    if role != ANON:
        client.force_login(w["users"][role])
    if is_api and method != "get":
        return getattr(client, method)(url, json.dumps(data), content_type="application/json")
    return getattr(client, method)(url, data)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", PAGE_ROUTES)
def test_page_permissions(client, world, route, role):
    method, url, data, expected = _pages(world)[route]

    response = _call(client, world, role, method, url, data, is_api=False)

    assert _outcome(response) == expected[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", API_ROUTES)
def test_api_permissions(client, world, route, role):
    method, url, data, expected = _api(world)[route]

    response = _call(client, world, role, method, url, data, is_api=True)

    assert _outcome(response) == expected[role], response.content


def test_other_members_never_see_private_contact_data(client, world):
    client.force_login(world["users"][OTHER])
    a = world["a"]

    page_body = client.get(page("participant-detail", a.pk)).content.decode()
    api_body = client.get(f"/api/v1/fairs/{a.fair_id}/participants/{a.pk}").json()
    listed = client.get(f"/api/v1/fairs/{a.fair_id}/participants").json()["items"]

    assert a.contact_email not in page_body
    assert api_body["contact_email"] is None
    assert next(p for p in listed if p["id"] == a.pk)["contact_email"] is None
    assert Opportunity.objects.count() == 1


def test_every_fair_route_is_in_the_matrix():
    resolver = get_resolver()
    pages = {
        f"fair:{name}"
        for name in resolver.namespace_dict["fair"][1].reverse_dict
        if isinstance(name, str)
    }
    schema = api.get_openapi_schema()
    operations = {
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        if path.startswith("/api/v1/fairs/")
        for method in methods
    }

    # Part 2's routes (schedule, agendas, the day; its API and exports), the set-up tabs and
    # follow-up (freed slots, the survey, outcomes over time) and the pickers' searches have
    # their own matrices.
    assert pages | operations == (
        COVERED_ROUTES
        | SCHEDULE_ROUTES
        | API_SCHEDULE_ROUTES
        | SETUP_ROUTES
        | FOLLOWUP_ROUTES
        | PICKER_ROUTES
    )
