"""Who may do what with accounts: every role against every accounts page and API operation.

People and organisations are the organisers' back office: an enterprise member of firm A may
not deactivate a colleague of firm A any more than a member of firm B may, and no one but an
organiser lists people. Logging in, out and accepting an invitation are open to anyone.
"""

import pytest

from tests.factories import EnterpriseUserFactory, OrganiserFactory
from tests.permissions.matrix import (
    ANONYMOUS,
    BUSAN,
    DUNEDIN,
    FIRM_A,
    FIRM_B,
    LOGIN,
    ORGANISER,
    ROLES,
    api_headers,
    as_role,
    cases,
    en,
    expect,
)

pytestmark = pytest.mark.django_db

OTHERS_403 = dict.fromkeys(ROLES, 403) | {ANONYMOUS: LOGIN}
API_OTHERS_403 = dict.fromkeys(ROLES, 403) | {ANONYMOUS: 401}
PAGES = {
    # A logged-in person is sent on to their home page instead of a second login.
    "accounts:login": dict.fromkeys(ROLES, 302) | {ANONYMOUS: 200},
    # Logging out answers with a redirect to the partner list, logged in or not.
    "accounts:logout": dict.fromkeys(ROLES, 302),
    # A link whose token is wrong: a 404 page that says so, whoever opens it.
    "accounts:accept-invitation": dict.fromkeys(ROLES, 404),
    "accounts:people": {**OTHERS_403, ORGANISER: 200},
    "accounts:invite": {**OTHERS_403, ORGANISER: 200},
    "accounts:deactivate": {**OTHERS_403, ORGANISER: 302},
    "accounts:reactivate": {**OTHERS_403, ORGANISER: 302},
    "accounts:organisations": {**OTHERS_403, ORGANISER: 200},
    # A person's data: organisers, for the people they manage (here firm A's member).
    "accounts:personal-data": {**OTHERS_403, ORGANISER: 200},
    "accounts:personal-data-download": {**OTHERS_403, ORGANISER: 200},
    "accounts:personal-data-erase": {**OTHERS_403, ORGANISER: 302},
    # Each role lands on its own home page; a visitor logs in first.
    "my-home": dict.fromkeys(ROLES, 302) | {ANONYMOUS: LOGIN},
}
API = {
    "GET /api/v1/accounts/people": {**API_OTHERS_403, ORGANISER: 200},
    "POST /api/v1/accounts/people": {**API_OTHERS_403, ORGANISER: 201},
    "POST /api/v1/accounts/people/{person_id}/deactivate": {**API_OTHERS_403, ORGANISER: 200},
    "POST /api/v1/accounts/people/{person_id}/reactivate": {**API_OTHERS_403, ORGANISER: 200},
    "GET /api/v1/accounts/organisations": {**API_OTHERS_403, ORGANISER: 200},
    "POST /api/v1/accounts/organisations": {**API_OTHERS_403, ORGANISER: 201},
}
COVERED_ROUTES: set[str] = set(PAGES) | set(API)


@pytest.fixture
def colleague(world):
    """Another enterprise member of firm A: the object of the deactivate/reactivate cases."""
    return EnterpriseUserFactory(organisation=world.firm_a)


def page_request(client, route: str, colleague):
    if route == "accounts:accept-invitation":
        return client.get(en(route, "MQ", "not-a-token"))
    if route in ("accounts:deactivate", "accounts:reactivate"):
        return client.post(en(route, colleague.pk))
    if route == "accounts:personal-data":
        return client.get(en(route, colleague.pk))
    if route == "accounts:personal-data-download":
        return client.get(en(route, colleague.pk, "json"))
    if route == "accounts:personal-data-erase":
        return client.post(en(route, colleague.pk), {"confirm": colleague.username})
    if route == "accounts:logout":
        return client.post(en(route))
    return client.get(en(route))


@pytest.mark.parametrize(("route", "role", "expected"), cases(PAGES))
def test_page_permission_matrix(client, world, colleague, route, role, expected):
    as_role(client, world, role)

    expect(page_request(client, route, colleague), expected)


def api_request(client, operation: str, world, colleague, headers):
    method, path = operation.split(" ", 1)
    address = path.format(person_id=colleague.pk)
    bodies = {
        "POST /api/v1/accounts/people": {
            "email": "new.delegate@example.org",
            "role": "delegate",
            "partner_place_id": world.dunedin.pk,
        },
        "POST /api/v1/accounts/organisations": {"name_en": "Firm C"},
    }
    if method == "GET":
        return client.get(address, headers=headers)
    return client.post(
        address, bodies.get(operation, {}), content_type="application/json", headers=headers
    )


@pytest.mark.parametrize(("operation", "role", "expected"), cases(API))
def test_api_permission_matrix(client, world, colleague, operation, role, expected):
    response = api_request(client, operation, world, colleague, api_headers(world, role))

    assert response.status_code == expected, response.content[:300]


@pytest.mark.parametrize("role", [FIRM_A, FIRM_B, DUNEDIN, BUSAN])
def test_nobody_but_an_organiser_changes_a_colleagues_standing(client, world, colleague, role):
    as_role(client, world, role)

    client.post(en("accounts:deactivate", colleague.pk))

    colleague.refresh_from_db()
    assert colleague.is_active
    assert colleague.deactivated_at is None


@pytest.mark.parametrize("role", [FIRM_A, FIRM_B, DUNEDIN, BUSAN])
def test_nobody_but_an_organiser_erases_a_colleague(client, world, colleague, role):
    as_role(client, world, role)

    client.post(en("accounts:personal-data-erase", colleague.pk), {"confirm": colleague.username})

    colleague.refresh_from_db()
    assert colleague.email
    assert colleague.is_active


def test_an_organiser_may_not_erase_another_organiser(client, world):
    as_role(client, world, ORGANISER)
    other = OrganiserFactory()

    response = client.post(
        en("accounts:personal-data-erase", other.pk), {"confirm": other.username}
    )

    assert response.status_code == 403
