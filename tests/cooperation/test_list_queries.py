"""List pages and list endpoints cost the same number of queries for 1 and 50 rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.cities.models import CooperationField
from tests.factories.accounts import DelegateFactory
from tests.factories.cities import PlaceFactory
from tests.factories.cooperation import (
    PracticeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TransferFactory,
)
from tests.factories.fair import ParticipantFactory

pytestmark = pytest.mark.django_db


def count_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
        assert response.status_code == 200
    return len(queries)


def make_project() -> None:
    project = ProjectFactory()
    project.fields.set(CooperationField.objects.all()[:2])
    ProjectPartnerFactory(project=project)


def make_project_with_a_fair_participant() -> None:
    project = ProjectFactory()
    ProjectPartnerFactory(project=project, partnership=None, participant=ParticipantFactory())


def make_transfer() -> None:
    practice = PracticeFactory()
    practice.fields.set(CooperationField.objects.filter(code="smart-city"))
    TransferFactory(practice=practice, from_place=PlaceFactory())


@pytest.mark.parametrize(
    ("address", "make"),
    [
        ("cooperation:project-list", make_project),
        ("cooperation:project-list", make_project_with_a_fair_participant),
        ("cooperation:practice-list", make_transfer),
        ("cooperation:network", make_transfer),
    ],
)
@pytest.mark.parametrize("as_delegate", [False, True])
def test_list_page_queries_do_not_grow_with_rows(client, address, make, as_delegate):
    if as_delegate:
        client.force_login(DelegateFactory())
    make()
    with_one = count_queries(client, reverse(address))
    for _ in range(49):
        make()

    with_fifty = count_queries(client, reverse(address))

    assert with_fifty == with_one


def test_project_list_pins_its_queries(client):
    make_project()

    # count of the page, the projects, their fields, their partners, the filter's fields
    assert count_queries(client, reverse("cooperation:project-list")) == 5


def test_network_pins_its_queries(client):
    make_transfer()

    # the transfers with their places and practices, the filter's fields
    assert count_queries(client, reverse("cooperation:network")) == 2


@pytest.mark.parametrize("endpoint", ["projects", "practices", "transfers"])
def test_api_list_queries_do_not_grow_with_rows(client, endpoint):
    make = make_project if endpoint == "projects" else make_transfer
    make()
    address = f"/api/v1/cooperation/{endpoint}"
    with_one = count_queries(client, address)
    for _ in range(49):
        make()

    assert count_queries(client, address) == with_one


def test_practice_list_pins_its_queries(client):
    make_transfer()

    # the practices with their places, their fields, the filter's fields
    assert count_queries(client, reverse("cooperation:practice-list")) == 3
