"""Shared pieces of the permission matrices (``tests/<area>/test_permission_matrix.py``).

The roles, with the objects that make object-level cases: a delegate of Dunedin and one of
Busan, an enterprise member of firm A and one of firm B. ``expect`` reads an outcome: a
status code, ``LOGIN`` (a page sends a visitor to the login page) or ``ADMIN_LOGIN``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import translation

from amity.accounts.tokens import create_api_token
from tests.factories import (
    DelegateFactory,
    EnterpriseUserFactory,
    OrganisationFactory,
    OrganiserFactory,
    PlaceFactory,
)

ANONYMOUS = "anonymous"
ORGANISER = "organiser"
FIRM_A = "enterprise of firm A"
FIRM_B = "enterprise of firm B"
DUNEDIN = "delegate of Dunedin"
BUSAN = "delegate of Busan"
ROLES = (ANONYMOUS, ORGANISER, FIRM_A, FIRM_B, DUNEDIN, BUSAN)
LOGIN = "login"
ADMIN_LOGIN = "admin login"


@dataclass
class World:
    firm_a: object
    firm_b: object
    dunedin: object
    busan: object
    users: dict


@pytest.fixture
def world(db) -> World:
    firm_a, firm_b = OrganisationFactory(name_en="Firm A"), OrganisationFactory(name_en="Firm B")
    dunedin = PlaceFactory(name_en="Dunedin", country="NZ")
    busan = PlaceFactory(name_en="Busan", country="KR", continent="AS")
    users = {
        # Organiser accounts are staff, as `amity demo` creates them, so the admin opens.
        ORGANISER: OrganiserFactory(is_staff=True),
        FIRM_A: EnterpriseUserFactory(organisation=firm_a),
        FIRM_B: EnterpriseUserFactory(organisation=firm_b),
        DUNEDIN: DelegateFactory(partner_place=dunedin),
        BUSAN: DelegateFactory(partner_place=busan),
    }
    return World(firm_a, firm_b, dunedin, busan, users)


def as_role(client, world: World, role: str) -> None:
    """Log the page client in as the role (nothing for the anonymous visitor)."""
    if role != ANONYMOUS:
        client.force_login(world.users[role])


def api_headers(world: World, role: str) -> dict[str, str]:
    """The API is called with the role's personal token, as scripts do."""
    if role == ANONYMOUS:
        return {}
    return {"Authorization": f"Token {create_api_token(world.users[role], 'matrix')}"}


def en(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def expect(response, expected) -> None:
    if expected == LOGIN:
        assert (response.status_code, response["Location"].split("?")[0]) == (
            302,
            en("accounts:login"),
        ), response
    elif expected == ADMIN_LOGIN:
        assert (response.status_code, response["Location"].split("?")[0]) == (
            302,
            en("admin:login"),
        ), response
    else:
        assert response.status_code == expected, response.content[:500]


def cases(matrix: dict[str, dict[str, object]]) -> list[tuple[str, str, object]]:
    """(action, role, expected) for each cell; every role must be in every row."""
    for action, row in matrix.items():
        assert set(row) == set(ROLES), f"{action}: roles {set(ROLES) - set(row)} missing"
    return [(action, role, row[role]) for action, row in matrix.items() for role in ROLES]
