"""Who may open the follow-up pages and call their endpoints: freed-slot offers, the survey,
outcomes over time — every role against every route."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from amity.fair.domain.day import mark_meeting
from amity.fair.domain.schedule import add_meeting, cancel_meeting
from amity.fair.models import MeetingStatus, SlotOffer, SurveyInvitation, Table
from tests.factories.accounts import (
    DelegateFactory,
    EnterpriseUserFactory,
    OrganiserFactory,
    UserFactory,
)
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
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db

# The offer's and the survey's links are their keys: anyone holding one opens it.
EVERYONE = dict.fromkeys(ROLES, OK)
API_ORGANISERS = {**ORGANISERS, ANON: 401}
API_OWN = {ANON: 401, ORG: OK, MEMBER: OK, OTHER: 403, DELEGATE: 403, NOBODY: 403}
API_SIDES = {**API_OWN, ORG: 403}


@pytest.fixture
def world():
    """MEMBER's participant p0 held a meeting with p1 and has an offer (with p3) for the slot
    its cancelled meeting with p2 gave back; OTHER is p2's member."""
    fair, people, requests, slots = small_fair(participants=4)
    table = Table.objects.filter(fair=fair).first()
    held = add_meeting(requests[0], slot=slots[0], table=table)
    mark_meeting(held, MeetingStatus.HELD)
    cancel_meeting(add_meeting(requests[1], slot=slots[1], table=table))
    offer = SlotOffer.objects.get(request=requests[2])
    invitation = SurveyInvitation.objects.create(
        participant=people[0], token="survey-token", sent_at=timezone.now()
    )
    users = {
        ORG: OrganiserFactory(),
        MEMBER: EnterpriseUserFactory(organisation=people[0].organisation),
        OTHER: EnterpriseUserFactory(organisation=people[2].organisation),
        DELEGATE: DelegateFactory(),
        NOBODY: UserFactory(),
    }
    return {
        "fair": fair,
        "a": people[0],
        "held": held,
        "offer": offer,
        "invitation": invitation,
        "users": users,
    }


def page(name, *args):
    with translation.override("en"):
        return reverse(f"fair:{name}", args=args)


def _routes(w):
    f, a = w["fair"].pk, w["a"].pk
    base = f"/api/v1/fairs/{f}"
    return {
        "fair:freed-slots": ("get", page("freed-slots", f), {}, ORGANISERS),
        "fair:slot-offer": ("get", page("slot-offer", w["offer"].token), {}, EVERYONE),
        "fair:survey-admin": ("get", page("survey-admin", f), {}, ORGANISERS),
        "fair:survey": ("get", page("survey", w["invitation"].token), {}, EVERYONE),
        "GET /api/v1/fairs/{fair_id}/freed-slots": (
            "get",
            f"{base}/freed-slots",
            {},
            API_ORGANISERS,
        ),
        "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/slot-offers": (
            "get",
            f"{base}/participants/{a}/slot-offers",
            {},
            API_OWN,
        ),
        "POST /api/v1/fairs/{fair_id}/slot-offers/{offer_id}/accept": (
            "post",
            f"{base}/slot-offers/{w['offer'].pk}/accept",
            {},
            API_OWN,
        ),
        "GET /api/v1/fairs/{fair_id}/survey": ("get", f"{base}/survey", {}, API_ORGANISERS),
        "POST /api/v1/fairs/{fair_id}/survey/send": (
            "post",
            f"{base}/survey/send",
            {},
            API_ORGANISERS,
        ),
        "PUT /api/v1/fairs/{fair_id}/meetings/{meeting_id}/follow-up": (
            "put",
            f"{base}/meetings/{w['held'].pk}/follow-up",
            {"result": "visit", "note": "In May"},
            API_SIDES,
        ),
        "GET /api/v1/fairs/{fair_id}/outcomes-report": (
            "get",
            f"{base}/outcomes-report",
            {},
            API_ORGANISERS,
        ),
    }


ROUTES = [
    "fair:freed-slots",
    "fair:slot-offer",
    "fair:survey-admin",
    "fair:survey",
    "GET /api/v1/fairs/{fair_id}/freed-slots",
    "GET /api/v1/fairs/{fair_id}/participants/{participant_id}/slot-offers",
    "POST /api/v1/fairs/{fair_id}/slot-offers/{offer_id}/accept",
    "GET /api/v1/fairs/{fair_id}/survey",
    "POST /api/v1/fairs/{fair_id}/survey/send",
    "PUT /api/v1/fairs/{fair_id}/meetings/{meeting_id}/follow-up",
    "GET /api/v1/fairs/{fair_id}/outcomes-report",
]
COVERED_ROUTES: set[str] = set(ROUTES)


def _outcome(response) -> object:
    code = response.status_code
    if code == 302 and "/accounts/login/" in response.get("Location", ""):
        return LOGIN
    if code in (200, 201, 202, 302):
        return OK
    return code


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES)
def test_followup_permissions(client, world, route, role):
    method, url, data, expected = _routes(world)[route]
    if role != ANON:
        client.force_login(world["users"][role])

    if url.startswith("/api/") and method != "get":
        response = getattr(client, method)(url, json.dumps(data), content_type="application/json")
    else:
        response = getattr(client, method)(url, data)

    assert _outcome(response) == expected[role], response.content[:300]
