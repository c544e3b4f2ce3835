"""Who may call which part-2 API operation (schedule runs, meetings, publishing, agendas, the
day, exports) and open the export and "all agendas" pages: every role against every route."""

import json

import pytest

from amity.fair.models import MeetingRequest
from tests.fair.test_permission_matrix_schedule import (
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
    page,
    world,  # noqa: F401 (the fixture: a small fair, one meeting between a and b)
)

pytestmark = pytest.mark.django_db

# The API answers 401, not a login redirect.
ORGANISERS_API = {ANON: 401, ORG: OK, MEMBER: 403, OTHER: 403, DELEGATE: 403, NOBODY: 403}
OWN_API = {ANON: 401, ORG: OK, MEMBER: OK, OTHER: 403, DELEGATE: 403, NOBODY: 403}
# The fixture's meeting is between a (MEMBER's participant) and b.
SIDES_API = OWN_API


def _api(w):
    f, a, m, run = w["fair"].pk, w["a"].pk, w["meeting"].pk, w["run"].pk
    base = f"/api/v1/fairs/{f}"
    late = MeetingRequest.objects.filter(fair=w["fair"]).exclude(pk=w["meeting"].request_id)
    place = {"slot_id": w["free_slot"].pk, "table_id": w["table"].pk}
    return {
        "GET /api/v1/fairs/{fair_id}/schedule-runs": (
            "get",
            f"{base}/schedule-runs",
            {},
            ORGANISERS_API,
        ),
        "POST /api/v1/fairs/{fair_id}/schedule-runs": (
            "post",
            f"{base}/schedule-runs",
            {"time_limit": 5},
            ORGANISERS_API,
        ),
        "GET /api/v1/fairs/{fair_id}/schedule-runs/{run_id}": (
            "get",
            f"{base}/schedule-runs/{run}",
            {},
            ORGANISERS_API,
        ),
        "GET /api/v1/fairs/{fair_id}/schedule-runs/{run_id}/unscheduled": (
            "get",
            f"{base}/schedule-runs/{run}/unscheduled",
            {},
            ORGANISERS_API,
        ),
        "GET /api/v1/fairs/{fair_id}/schedule-runs/{run_id}/compare/{other_id}": (
            "get",
            f"{base}/schedule-runs/{run}/compare/{run}",
            {},
            ORGANISERS_API,
        ),
        "POST /api/v1/fairs/{fair_id}/schedule-runs/{run_id}/adopt": (
            "post",
            f"{base}/schedule-runs/{run}/adopt",
            {},
            ORGANISERS_API,
        ),
        "GET /api/v1/fairs/{fair_id}/meetings": ("get", f"{base}/meetings", {}, ORGANISERS_API),
        "POST /api/v1/fairs/{fair_id}/meetings": (
            "post",
            f"{base}/meetings",
            {**place, "request_id": late.first().pk},
            ORGANISERS_API,
        ),
        "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/lock": (
            "post",
            f"{base}/meetings/{m}/lock",
            {},
            ORGANISERS_API,
        ),
        "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/unlock": (
            "post",
            f"{base}/meetings/{m}/unlock",
            {},
            ORGANISERS_API,
        ),
        "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/move": (
            "post",
            f"{base}/meetings/{m}/move",
            place,
            ORGANISERS_API,
        ),
        "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/mark": (
            "post",
            f"{base}/meetings/{m}/mark",
            {"status": "held"},
            SIDES_API,
        ),
        "GET /api/v1/fairs/{fair_id}/meetings/{meeting_id}/outcomes": (
            "get",
            f"{base}/meetings/{m}/outcomes",
            {},
            SIDES_API,
        ),
        "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/outcomes": (
            "post",
            f"{base}/meetings/{m}/outcomes",
            {"rating": "follow_up"},
            # Only a side answers, and only for a held meeting: this one is still scheduled.
            {**SIDES_API, ORG: 403, MEMBER: 422},
        ),
        "GET /api/v1/fairs/{fair_id}/outcomes": ("get", f"{base}/outcomes", {}, ORGANISERS_API),
        "POST /api/v1/fairs/{fair_id}/publications": (
            "post",
            f"{base}/publications",
            {"kind": "preliminary"},
            ORGANISERS_API,
        ),
        "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/agenda": (
            "get",
            f"{base}/participants/{a}/agenda",
            {},
            OWN_API,
        ),
        "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/agenda/pdf": (
            "get",
            f"{base}/participants/{a}/agenda/pdf",
            {},
            OWN_API,
        ),
        "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/agenda/ics": (
            "get",
            f"{base}/participants/{a}/agenda/ics",
            {},
            OWN_API,
        ),
        "POST /api/v1/fairs/{fair_id}/agendas/all": (
            "post",
            f"{base}/agendas/all",
            {},
            ORGANISERS_API,
        ),
        "POST /api/v1/fairs/{fair_id}/checkin": (
            "post",
            f"{base}/checkin",
            {"code": "no-such-badge"},
            # The organiser may check in; this code names no badge (a 422 naming "code").
            {**ORGANISERS_API, ORG: 422},
        ),
        "GET /api/v1/fairs/{fair_id}/exports/meetings": (
            "get",
            f"{base}/exports/meetings",
            {},
            ORGANISERS_API,
        ),
        "GET /api/v1/fairs/{fair_id}/exports/outcomes": (
            "get",
            f"{base}/exports/outcomes",
            {},
            ORGANISERS_API,
        ),
    }


def _pages(w):
    f = w["fair"].pk
    missing = f"agendas-{f}-0123456789abcdef.pdf"
    return {
        "fair:export-meetings": ("get", page("export-meetings", f), {}, ORGANISERS),
        "fair:export-outcomes": ("get", page("export-outcomes", f), {}, ORGANISERS),
        "fair:all-agendas": ("post", page("all-agendas", f), {}, ORGANISERS),
        # A well-formed name of no file: the organiser gets as far as the 404.
        "fair:all-agendas-file": (
            "get",
            page("all-agendas-file", f, missing),
            {},
            {**ORGANISERS, ORG: 404},
        ),
    }


API_ROUTES = [
    "GET /api/v1/fairs/{fair_id}/schedule-runs",
    "POST /api/v1/fairs/{fair_id}/schedule-runs",
    "GET /api/v1/fairs/{fair_id}/schedule-runs/{run_id}",
    "GET /api/v1/fairs/{fair_id}/schedule-runs/{run_id}/unscheduled",
    "GET /api/v1/fairs/{fair_id}/schedule-runs/{run_id}/compare/{other_id}",
    "POST /api/v1/fairs/{fair_id}/schedule-runs/{run_id}/adopt",
    "GET /api/v1/fairs/{fair_id}/meetings",
    "POST /api/v1/fairs/{fair_id}/meetings",
    "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/lock",
    "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/unlock",
    "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/move",
    "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/mark",
    "GET /api/v1/fairs/{fair_id}/meetings/{meeting_id}/outcomes",
    "POST /api/v1/fairs/{fair_id}/meetings/{meeting_id}/outcomes",
    "GET /api/v1/fairs/{fair_id}/outcomes",
    "POST /api/v1/fairs/{fair_id}/publications",
    "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/agenda",
    "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/agenda/pdf",
    "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/agenda/ics",
    "POST /api/v1/fairs/{fair_id}/agendas/all",
    "POST /api/v1/fairs/{fair_id}/checkin",
    "GET /api/v1/fairs/{fair_id}/exports/meetings",
    "GET /api/v1/fairs/{fair_id}/exports/outcomes",
]
PAGE_ROUTES = [
    "fair:export-meetings",
    "fair:export-outcomes",
    "fair:all-agendas",
    "fair:all-agendas-file",
]
COVERED_ROUTES: set[str] = set(API_ROUTES) | set(PAGE_ROUTES)


def _outcome(response) -> object:
    code = response.status_code
    if code == 302 and "/accounts/login/" in response.get("Location", ""):
        return LOGIN
    if code in (200, 201, 202, 302):
        return OK
    return code


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", API_ROUTES)
def test_schedule_api_permissions(client, world, route, role):  # noqa: F811
    method, url, data, expected = _api(world)[route]
    if role != ANON:
        client.force_login(world["users"][role])

    if method == "get":
        response = client.get(url, data)
    else:
        response = client.post(url, json.dumps(data), content_type="application/json")

    assert _outcome(response) == expected[role], response.content[:300]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", PAGE_ROUTES)
def test_export_and_all_agendas_page_permissions(client, world, route, role):  # noqa: F811
    method, url, data, expected = _pages(world)[route]
    if role != ANON:
        client.force_login(world["users"][role])

    response = getattr(client, method)(url, data)

    assert _outcome(response) == expected[role]
