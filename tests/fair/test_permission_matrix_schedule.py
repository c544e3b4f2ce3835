"""Who may open which schedule, agenda and feed page: every role against every part-2 route."""

import pytest
from django.urls import reverse
from django.utils import translation

from amity.fair.domain.agenda import feed_token
from amity.fair.domain.schedule import add_meeting
from amity.fair.models import Interpreter, RunStatus, ScheduleRun, Table
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

OWN = {ANON: LOGIN, ORG: OK, MEMBER: OK, OTHER: 403, DELEGATE: 403, NOBODY: 403}
# The meeting of the fixture is between participants a (MEMBER's) and b.
SIDES = OWN
# The feed's token is the key: anyone holding the address reads it, nobody else finds it.
EVERYONE = dict.fromkeys(ROLES, OK)


@pytest.fixture
def world():
    fair, people, requests, slots = small_fair(participants=3)
    table = Table.objects.filter(fair=fair).first()
    interpreter = Interpreter.objects.create(fair=fair, name="Li Na", languages=["zh", "en"])
    meeting = add_meeting(requests[0], slot=slots[0], table=table, interpreter=interpreter)
    run = ScheduleRun.objects.create(
        fair=fair,
        status=RunStatus.FINISHED,
        result={"assignments": [], "unscheduled": [], "objective": {}},
        stats={"scheduled": 0, "requested": 2},
    )
    a, b = people[0], people[1]
    users = {
        ORG: OrganiserFactory(),
        MEMBER: EnterpriseUserFactory(organisation=a.organisation),
        OTHER: EnterpriseUserFactory(organisation=people[2].organisation),
        DELEGATE: DelegateFactory(),
        NOBODY: UserFactory(),
    }
    return {
        "fair": fair,
        "a": a,
        "b": b,
        "meeting": meeting,
        "slot": slots[0],
        "free_slot": slots[2],
        "table": table,
        "interpreter": interpreter,
        "run": run,
        "users": users,
    }


def page(name, *args):
    with translation.override("en"):
        return reverse(f"fair:{name}", args=args)


def _routes(w):
    f, a, m = w["fair"].pk, w["a"].pk, w["meeting"].pk
    move = {"slot": w["free_slot"].pk, "table": w["table"].pk}
    return {
        "fair:schedule": ("get", page("schedule", f), {}, ORGANISERS),
        "fair:schedule-start": ("post", page("schedule-start", f), {"time_limit": 5}, ORGANISERS),
        "fair:schedule-publish": (
            "post",
            page("schedule-publish", f),
            {"kind": "preliminary"},
            ORGANISERS,
        ),
        "fair:schedule-run": ("get", page("schedule-run", w["run"].pk), {}, ORGANISERS),
        "fair:schedule-adopt": ("post", page("schedule-adopt", w["run"].pk), {}, ORGANISERS),
        "fair:meeting-lock": ("post", page("meeting-lock", m), {"locked": "1"}, ORGANISERS),
        "fair:meeting-move": ("post", page("meeting-move", m), move, ORGANISERS),
        "fair:agenda": ("get", page("agenda", a), {}, OWN),
        "fair:agenda-pdf": ("get", page("agenda-pdf", a), {}, OWN),
        "fair:feed-revoke": ("post", page("feed-revoke", a), {}, OWN),
        "fair:ics-feed": ("get", page("ics-feed", feed_token(w["a"]).token), {}, EVERYONE),
        "fair:table-plan": ("get", page("table-plan", w["slot"].pk), {}, ORGANISERS),
        "fair:dashboard": ("get", page("dashboard", f), {}, ORGANISERS),
        "fair:checkin": ("get", page("checkin", f), {}, ORGANISERS),
        "fair:meeting-mark": ("post", page("meeting-mark", m), {"status": "held"}, SIDES),
        "fair:outcome-record": (
            "post",
            page("outcome-record", m),
            {"rating": "follow_up"},
            {**SIDES, ORG: 403},
        ),
        "fair:interpreter-agenda": (
            "get",
            page("interpreter-agenda", w["interpreter"].pk),
            {},
            ORGANISERS,
        ),
    }


PAGE_ROUTES = [
    "fair:schedule",
    "fair:schedule-start",
    "fair:schedule-publish",
    "fair:schedule-run",
    "fair:schedule-adopt",
    "fair:meeting-lock",
    "fair:meeting-move",
    "fair:agenda",
    "fair:agenda-pdf",
    "fair:feed-revoke",
    "fair:ics-feed",
    "fair:table-plan",
    "fair:interpreter-agenda",
    "fair:checkin",
    "fair:meeting-mark",
    "fair:outcome-record",
    "fair:dashboard",
]
COVERED_ROUTES: set[str] = set(PAGE_ROUTES)


def _outcome(response) -> object:
    code = response.status_code
    if code == 302 and "/accounts/login/" in response.get("Location", ""):
        return LOGIN
    if code in (200, 201, 302):
        return OK
    return code


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", PAGE_ROUTES)
def test_schedule_page_permissions(client, world, route, role):
    method, url, data, expected = _routes(world)[route]
    if role != ANON:
        client.force_login(world["users"][role])

    response = getattr(client, method)(url, data)

    assert _outcome(response) == expected[role]


def test_an_unknown_feed_token_is_not_found(client, world):
    assert client.get(page("ics-feed", "no-such-token")).status_code == 404
