"""Who may open which registry page and do what: every role against every page and action.

Anonymous visitors are sent to the login page for anything that needs an account; a logged-in
user without the permission gets 403. Contacts and internal notes must not reach other roles in
any form, not even hidden in the HTML.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from amity.cities.models import Partnership
from tests.factories import (
    ContactFactory,
    DelegateFactory,
    EnterpriseUserFactory,
    OrganiserFactory,
    PartnershipFactory,
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
