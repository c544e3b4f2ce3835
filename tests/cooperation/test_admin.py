"""The cooperation admin: organisers only, and every form asks the domain's invariants, so a
milestone ending before it starts or a transfer from a city to itself is refused at the field."""

import pytest

from amity.cooperation.models import Milestone, Transfer
from tests.factories.accounts import DelegateFactory, OrganiserFactory
from tests.factories.cities import PlaceFactory
from tests.factories.cooperation import (
    IndicatorFactory,
    MilestoneFactory,
    PracticeFactory,
    ProjectFactory,
    TransferFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_organiser_client(client):
    client.force_login(OrganiserFactory(is_staff=True))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/en/admin/cooperation/project/",
        "/en/admin/cooperation/indicator/",
        "/en/admin/cooperation/practice/",
        "/en/admin/cooperation/project/add/",
        "/en/admin/cooperation/practice/add/",
    ],
)
def test_admin_pages_open_for_staff_organisers(staff_organiser_client, path):
    MilestoneFactory()
    IndicatorFactory()
    TransferFactory()

    assert staff_organiser_client.get(path).status_code == 200


def test_admin_is_closed_to_a_staff_delegate(client):
    client.force_login(DelegateFactory(is_staff=True))

    assert client.get("/en/admin/cooperation/project/").status_code == 403


def _inline(prefix: str, count: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(count),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_admin_refuses_a_milestone_ending_before_it_starts(staff_organiser_client):
    project = ProjectFactory()
    data = {
        "title_en": project.title_en,
        "status": "running",
        **_inline("partners"),
        **_inline("milestones", 1),
        "milestones-0-title_en": "Plan",
        "milestones-0-starts_on": "2023-09-22",
        "milestones-0-ends_on": "2023-01-01",
        "milestones-0-status": "planned",
        **_inline("updates"),
        **_inline("outcome_links"),
        **_inline("documents"),
    }

    response = staff_organiser_client.post(
        f"/en/admin/cooperation/project/{project.pk}/change/", data
    )

    assert response.status_code == 200
    assert "The end must not be before the start." in response.content.decode()
    assert Milestone.objects.count() == 0


def test_admin_refuses_a_transfer_from_a_city_to_itself(staff_organiser_client):
    city = PlaceFactory()
    practice = PracticeFactory(place=city)
    data = {
        "title_en": practice.title_en,
        **_inline("transfers", 1),
        "transfers-0-from_place": city.pk,
        "transfers-0-to_place": city.pk,
        "transfers-0-stage": "interest",
    }

    response = staff_organiser_client.post(
        f"/en/admin/cooperation/practice/{practice.pk}/change/", data
    )

    assert response.status_code == 200
    assert "A city cannot learn a practice from itself." in response.content.decode()
    assert Transfer.objects.count() == 0
