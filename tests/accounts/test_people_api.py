"""The people routes of the API: the same rules as the pages."""

import pytest

from amity.accounts.models import User
from amity.accounts.tokens import create_api_token
from tests.factories.accounts import EnterpriseUserFactory, OrganisationFactory, OrganiserFactory
from tests.factories.cities import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_token():
    return {"Authorization": f"Token {create_api_token(OrganiserFactory(), 'test')}"}


def test_people_are_listed_with_role_and_standing(client, organiser_token):
    member = EnterpriseUserFactory()

    body = client.get("/api/v1/accounts/people", headers=organiser_token).json()

    listed = {person["username"]: person for person in body["items"]}
    assert (listed[member.username]["role"], listed[member.username]["standing"]) == (
        "enterprise",
        "active",
    )


def test_a_delegate_is_invited_and_deactivated_by_token(
    client, organiser_token, django_capture_on_commit_callbacks
):
    place = PlaceFactory()
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            "/api/v1/accounts/people",
            {"email": "aroha@dunedin.example", "role": "delegate", "partner_place_id": place.pk},
            content_type="application/json",
            headers=organiser_token,
        )
    person_id = created.json()["id"]
    deactivated = client.post(
        f"/api/v1/accounts/people/{person_id}/deactivate", headers=organiser_token
    )

    assert (created.status_code, created.json()["standing"]) == (201, "invited")
    assert deactivated.json()["standing"] == "deactivated"
    assert User.objects.get(pk=person_id).deactivated_at is not None


def test_inviting_an_organiser_by_the_api_is_refused(client, organiser_token):
    response = client.post(
        "/api/v1/accounts/people",
        {"email": "boss@example.org", "role": "organiser"},
        content_type="application/json",
        headers=organiser_token,
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["role"]


def test_an_organisation_with_a_bad_country_is_refused(client, organiser_token):
    response = client.post(
        "/api/v1/accounts/organisations",
        {"name_en": "Otago Foods", "country": "XX"},
        content_type="application/json",
        headers=organiser_token,
    )

    assert (response.status_code, list(response.json()["errors"])) == (422, ["country"])


@pytest.mark.parametrize("path", ["/api/v1/accounts/people", "/api/v1/accounts/organisations"])
def test_enterprise_members_may_not_see_people(client, path):
    client.force_login(EnterpriseUserFactory(organisation=OrganisationFactory()))

    assert client.get(path).status_code == 403
