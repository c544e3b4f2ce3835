"""Who may open which registry page and do what: every role against every page, action and
API operation (the permission matrix; ``COVERED_ROUTES`` names what it exercises).

Anonymous visitors are sent to the login page for anything that needs an account; a logged-in
user without the permission gets 403. Contacts and internal notes must not reach other roles in
any form, not even hidden in the HTML.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from amity.cities.models import Partnership, PlaceName
from tests.factories import (
    AgreementFactory,
    ContactFactory,
    DelegateFactory,
    EnterpriseUserFactory,
    OrganiserFactory,
    PartnershipFactory,
)
from tests.permissions.matrix import ROLES as ROLES_OF_WORLD
from tests.permissions.matrix import (
    api_headers,
    as_role,
    cases,
    expect,
)

pytestmark = pytest.mark.django_db

ANONYMOUS, ENTERPRISE, DELEGATE, ORGANISER = "anonymous", "enterprise", "delegate", "organiser"
ROLES = [ANONYMOUS, ENTERPRISE, DELEGATE, ORGANISER]
LOGIN = "login"  # expected outcome: a redirect to the login page

CSV = (
    "partner,country_iso2,partner_kind,relationship,established_on,source\n"
    "Dunedin,NZ,city,friendship_city,1994-10-21,Shanghai FAO list\n"
)


@pytest.fixture
def partnership():
    partnership = PartnershipFactory(notes="Mayor prefers tea, not coffee.")
    ContactFactory(partnership=partnership, name="Aroha Contact", email="aroha@dcc.example")
    return partnership


def log_in(client, role: str) -> None:
    factories = {
        ENTERPRISE: EnterpriseUserFactory,
        DELEGATE: DelegateFactory,
        # Organiser accounts are staff, as `amity demo` creates them, so the admin opens.
        ORGANISER: lambda: OrganiserFactory(is_staff=True),
    }
    if role != ANONYMOUS:
        client.force_login(factories[role]())


def en(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def request(client, action: str, partnership: Partnership):
    """Perform one page view or action; returns the response."""
    pk = partnership.pk
    if action == "list":
        return client.get(en("cities:partner-list"))
    if action == "detail":
        return client.get(en("cities:partner-detail", pk))
    if action == "network":
        return client.get(en("cities:network"))
    if action == "export":
        return client.get(en("cities:partner-export", "csv"))
    if action == "import GET":
        return client.get(en("cities:partner-import"))
    if action == "import POST":
        upload = SimpleUploadedFile("p.csv", CSV.encode(), content_type="text/csv")
        return client.post(en("cities:partner-import"), {"file": upload})
    if action == "add GET":
        return client.get(en("cities:partner-create"))
    if action == "add POST":
        return client.post(
            en("cities:partner-create"),
            {
                "place-name_en": "Vientiane",
                "place-place_kind": "city",
                "place-country": "LA",
                "kind": "friendship_city",
                "status": "active",
                "level": "municipal",
                "established_precision": "day",
            },
        )
    if action == "edit GET":
        return client.get(en("cities:partner-update", pk))
    if action == "edit POST":
        return client.post(
            en("cities:partner-update", pk),
            {
                "place-name_en": "Dunedin",
                "place-place_kind": "city",
                "place-country": "NZ",
                "kind": "friendship_city",
                "status": "dormant",
                "level": "municipal",
                "established_precision": "day",
            },
        )
    if action == "import format":
        return client.get(en("cities:import-format"))
    if action == "city search":
        return client.get(en("cities:world-city-search"), {"q": "Dun"})
    if action in RECORD_ADDS:
        data = {"kind": "incoming_visit", "title_en": "Visit", "starts_on": "2024-04-09"}
        if action == "add contact POST":
            data = {"kind": "representative", "name": "A. Person"}
        if action == "add source POST":
            data = {"fact": "general", "source_title": "FAO"}
        if action == "add agreement POST":
            data = {"kind": "mou", "title_en": "MoU"}
        return client.post(en(RECORD_ADDS[action], pk), data)
    if action == "add name POST":
        return client.post(en("cities:name-add", pk), {"name": "Ōtepoti"})
    if action == "admin":
        return client.get(en("admin:cities_partnership_changelist"))
    raise AssertionError(action)


RECORD_ADDS = {
    "add visit POST": "cities:exchange-add",
    "add agreement POST": "cities:agreement-add",
    "add contact POST": "cities:contact-add",
    "add source POST": "cities:citation-add",
}
ORGANISERS_ONLY = {ANONYMOUS: LOGIN, ENTERPRISE: 403, DELEGATE: 403}
MATRIX: dict[str, dict[str, int | str]] = {
    "list": dict.fromkeys(ROLES, 200),
    "detail": dict.fromkeys(ROLES, 200),
    "network": dict.fromkeys(ROLES, 200),
    "export": dict.fromkeys(ROLES, 200),
    "import GET": {**ORGANISERS_ONLY, ORGANISER: 200},
    "import POST": {**ORGANISERS_ONLY, ORGANISER: 200},
    "add GET": {**ORGANISERS_ONLY, ORGANISER: 200},
    "add POST": {**ORGANISERS_ONLY, ORGANISER: 302},
    "edit GET": {**ORGANISERS_ONLY, ORGANISER: 200},
    "edit POST": {**ORGANISERS_ONLY, ORGANISER: 302},
    "city search": {**ORGANISERS_ONLY, ORGANISER: 200},
    "import format": dict.fromkeys(ROLES, 200),
    **{action: {**ORGANISERS_ONLY, ORGANISER: 302} for action in RECORD_ADDS},
    "add name POST": {**ORGANISERS_ONLY, ORGANISER: 302},
    # The admin has its own login page; other roles are not staff, so it sends them there too.
    "admin": {ANONYMOUS: "admin login", ENTERPRISE: "admin login", DELEGATE: "admin login"}
    | {ORGANISER: 200},
}
CASES = [
    (action, role, expected) for action, row in MATRIX.items() for role, expected in row.items()
]
PAGE_ROUTES = {
    "list": "cities:partner-list",
    "detail": "cities:partner-detail",
    "network": "cities:network",
    "export": "cities:partner-export",
    "import GET": "cities:partner-import",
    "add GET": "cities:partner-create",
    "edit GET": "cities:partner-update",
    "city search": "cities:world-city-search",
    "import format": "cities:import-format",
    **RECORD_ADDS,
    "add name POST": "cities:name-add",
}
assert set(PAGE_ROUTES) | {"import POST", "add POST", "edit POST", "admin"} == set(MATRIX)


@pytest.mark.parametrize(("action", "role", "expected"), CASES)
def test_permission_matrix(client, partnership, action, role, expected):
    log_in(client, role)

    response = request(client, action, partnership)

    if expected == LOGIN:
        assert (response.status_code, response["Location"].split("?")[0]) == (
            302,
            en("accounts:login"),
        )
    elif expected == "admin login":
        assert (response.status_code, response["Location"].split("?")[0]) == (
            302,
            en("admin:login"),
        )
    else:
        assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "visible"),
    [(ANONYMOUS, False), (ENTERPRISE, False), (DELEGATE, False), (ORGANISER, True)],
)
def test_partner_page_contacts_and_notes_reach_organisers_only(client, partnership, role, visible):
    log_in(client, role)

    response = client.get(en("cities:partner-detail", partnership.pk))

    html = response.content.decode()
    shown = {
        "contact name": "Aroha Contact" in html,
        "contact email": "aroha@dcc.example" in html,
        "protocol notes": "Prefers meetings in the morning." in html,
        "internal notes": "Mayor prefers tea" in html,
        "contacts heading": 'id="contacts-heading"' in html,
    }
    assert shown == dict.fromkeys(shown, visible)


@pytest.mark.parametrize("role", [ENTERPRISE, DELEGATE])
def test_forbidden_page_is_the_friendly_403(client, role):
    log_in(client, role)

    response = client.get(en("cities:partner-import"))

    assert response.status_code == 403
    assert "You may not open this page" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "links"),
    [
        (ANONYMOUS, {"Partners": True, "Network": True, "Import": False, "Add partner": False}),
        (ENTERPRISE, {"Partners": True, "Network": True, "Import": False, "Add partner": False}),
        (ORGANISER, {"Partners": True, "Network": True, "Import": True, "Add partner": True}),
    ],
)
def test_navigation_offers_only_what_the_role_may_open(client, role, links):
    log_in(client, role)

    html = client.get(en("cities:partner-list")).content.decode()

    assert {label: f">{label}</a>" in html for label in links} == links


# Object-level cases with the shared roles (tests/permissions/matrix.py): the registry is
# public and only organisers change it — a delegate of Dunedin may not edit Dunedin's record
# any more than a delegate of Busan may, nor download its agreements.
ALL_BUT_ORGANISERS_LOGIN = dict.fromkeys(ROLES_OF_WORLD, 403) | {ANONYMOUS: LOGIN}
OBJECT_MATRIX = {
    "agreement document": {**ALL_BUT_ORGANISERS_LOGIN, ORGANISER: 200},
    "remove name POST": {**ALL_BUT_ORGANISERS_LOGIN, ORGANISER: 302},
    "edit own city GET": {**ALL_BUT_ORGANISERS_LOGIN, ORGANISER: 200},
}
API_READ = dict.fromkeys(ROLES_OF_WORLD, 200)
API_ORGANISERS = dict.fromkeys(ROLES_OF_WORLD, 403) | {ANONYMOUS: 401}
API_MATRIX = {
    "GET /api/v1/registry/partnerships": API_READ,
    "GET /api/v1/registry/partnerships/{partnership_id}": API_READ,
    "GET /api/v1/registry/partnerships.{fmt}": API_READ,
    "GET /api/v1/registry/world-cities": {**API_ORGANISERS, ORGANISER: 200},
    "POST /api/v1/registry/partnerships": {**API_ORGANISERS, ORGANISER: 201},
    "POST /api/v1/registry/partnerships/import": {**API_ORGANISERS, ORGANISER: 200},
    "PATCH /api/v1/registry/partnerships/{partnership_id}": {**API_ORGANISERS, ORGANISER: 200},
    "PATCH /api/v1/registry/places/{place_id}": {**API_ORGANISERS, ORGANISER: 200},
    "POST /api/v1/registry/places/{place_id}/names": {**API_ORGANISERS, ORGANISER: 201},
    "DELETE /api/v1/registry/places/{place_id}/names/{name_id}": {
        **API_ORGANISERS,
        ORGANISER: 204,
    },
    "POST /api/v1/registry/partnerships/{partnership_id}/exchanges": {
        **API_ORGANISERS,
        ORGANISER: 201,
    },
    "POST /api/v1/registry/partnerships/{partnership_id}/agreements": {
        **API_ORGANISERS,
        ORGANISER: 201,
    },
    "POST /api/v1/registry/partnerships/{partnership_id}/contacts": {
        **API_ORGANISERS,
        ORGANISER: 201,
    },
    "POST /api/v1/registry/partnerships/{partnership_id}/citations": {
        **API_ORGANISERS,
        ORGANISER: 201,
    },
}
COVERED_ROUTES: set[str] = (
    set(PAGE_ROUTES.values())
    | {"cities:agreement-document", "cities:name-remove"}
    | set(API_MATRIX)
)


@pytest.fixture
def dunedin_partnership(world):
    partnership = PartnershipFactory(place=world.dunedin)
    AgreementFactory(
        partnership=partnership,
        document=SimpleUploadedFile("mou.pdf", b"%PDF-1.4 demo"),
    )
    PlaceName.objects.create(place=world.dunedin, name="Ōtepoti", origin="organiser")
    return partnership


def object_request(client, action: str, partnership: Partnership):
    if action == "agreement document":
        return client.get(en("cities:agreement-document", partnership.agreements.get().pk))
    if action == "remove name POST":
        name = partnership.place.alternate_names.get()
        return client.post(en("cities:name-remove", partnership.pk, name.pk))
    if action == "edit own city GET":
        return client.get(en("cities:partner-update", partnership.pk))
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "role", "expected"), cases(OBJECT_MATRIX))
def test_object_permission_matrix(client, world, dunedin_partnership, action, role, expected):
    as_role(client, world, role)

    response = object_request(client, action, dunedin_partnership)

    expect(response, expected)
    response.close()  # the document's file


def api_call(client, operation: str, partnership: Partnership, headers: dict):
    method, path = operation.split(" ", 1)
    place = partnership.place
    values = {
        "partnership_id": partnership.pk,
        "place_id": place.pk,
        "name_id": place.alternate_names.get().pk,
        "fmt": "csv",
    }
    address = path.format(**values)
    bodies = {
        "POST /api/v1/registry/partnerships": {
            "place": {"name_en": "Vientiane", "country": "LA"},
            "kind": "friendship_city",
        },
        "PATCH /api/v1/registry/partnerships/{partnership_id}": {"status": "dormant"},
        "PATCH /api/v1/registry/places/{place_id}": {"name_zh": "达尼丁"},
        "POST /api/v1/registry/places/{place_id}/names": {"name": "Dunedin City"},
        "POST /api/v1/registry/partnerships/{partnership_id}/exchanges": {
            "kind": "incoming_visit",
            "title_en": "Visit",
            "starts_on": "2024-04-09",
        },
        "POST /api/v1/registry/partnerships/{partnership_id}/agreements": {
            "kind": "mou",
            "title_en": "MoU",
        },
        "POST /api/v1/registry/partnerships/{partnership_id}/contacts": {"name": "A. Person"},
        "POST /api/v1/registry/partnerships/{partnership_id}/citations": {
            "fact": "general",
            "source_title": "FAO",
        },
    }
    if operation == "GET /api/v1/registry/world-cities":
        return client.get(address, {"q": "Dun"}, headers=headers)
    if operation == "POST /api/v1/registry/partnerships/import":
        upload = SimpleUploadedFile("p.csv", CSV.encode(), content_type="text/csv")
        return client.post(address, {"file": upload}, headers=headers)
    if method == "GET":
        return client.get(address, headers=headers)
    if method == "DELETE":
        return client.delete(address, headers=headers)
    call = client.post if method == "POST" else client.patch
    return call(address, bodies[operation], content_type="application/json", headers=headers)


@pytest.mark.parametrize(("operation", "role", "expected"), cases(API_MATRIX))
def test_api_permission_matrix(client, world, dunedin_partnership, operation, role, expected):
    response = api_call(client, operation, dunedin_partnership, api_headers(world, role))

    assert response.status_code == expected, response.content[:300]
