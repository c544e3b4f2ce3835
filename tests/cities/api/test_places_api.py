"""PATCH /api/v1/registry/places/{id}: organisers correct a partner place."""

import pytest

from amity.accounts.tokens import create_api_token
from amity.cities.models import Place
from tests.factories import OrganiserFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def _patch(client, place: Place, payload: dict, **kwargs):
    return client.patch(
        f"/api/v1/registry/places/{place.pk}", payload, content_type="application/json", **kwargs
    )


def _stored(place: Place) -> tuple:
    place = Place.objects.get(pk=place.pk)
    return (place.name_en, place.name_zh, place.country, place.continent, place.latitude)


def test_patch_place_changes_only_the_given_fields(organiser_client):
    place = PlaceFactory(name_en="Dunedin", name_zh="但尼丁", population=1)

    response = _patch(organiser_client, place, {"name_zh": "达尼丁", "population": 134_100})

    assert response.status_code == 200
    body = response.json()
    assert (body["name_en"], body["name_zh"], body["population"]) == ("Dunedin", "达尼丁", 134_100)
    assert _stored(place) == ("Dunedin", "达尼丁", "NZ", "OC", -45.87)


def test_patch_place_new_country_moves_it_to_that_continent(organiser_client):
    place = PlaceFactory(name_en="Johannesburg", country="NZ", continent="OC")

    response = _patch(organiser_client, place, {"country": "za", "time_zone": ""})

    assert (response.json()["country"], response.json()["continent"]) == ("ZA", "AF")


def test_patch_place_by_token(client):
    place = PlaceFactory(name_en="Dunedin")
    token = create_api_token(OrganiserFactory(), "test")

    response = _patch(
        client, place, {"name_zh": "达尼丁"}, headers={"Authorization": f"Token {token}"}
    )

    assert response.status_code == 200
    assert _stored(place)[1] == "达尼丁"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"latitude": None}, "latitude"),
        ({"longitude": 181}, "longitude"),
        ({"country": "XX"}, "country"),
        ({"name_en": None}, "name_en"),
        ({"kind": "planet"}, "kind"),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"population": -5}, "population"),
    ],
)
def test_patch_place_bad_input_is_422_naming_the_field_and_changes_nothing(
    organiser_client, payload, field
):
    place = PlaceFactory(name_en="Dunedin", name_zh="但尼丁")
    before = _stored(place)

    response = _patch(organiser_client, place, {"name_zh": "达尼丁", **payload})

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]
    assert _stored(place) == before


def test_patch_place_with_a_wrong_type_is_422(organiser_client):
    place = PlaceFactory(name_en="Dunedin")

    response = _patch(organiser_client, place, {"latitude": "south"})

    assert response.status_code == 422
    assert _stored(place)[4] == -45.87


def test_patch_unknown_place_is_404(organiser_client):
    response = organiser_client.patch(
        "/api/v1/registry/places/999999", {"name_zh": "x"}, content_type="application/json"
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 401), ("enterprise", 403), ("delegate", 403)]
)
def test_patch_place_is_refused_to_other_roles(client, role, status, enterprise_user, delegate):
    place = PlaceFactory(name_en="Dunedin", name_zh="但尼丁")
    user = {"anonymous": None, "enterprise": enterprise_user, "delegate": delegate}[role]
    if user is not None:
        client.force_login(user)

    response = _patch(client, place, {"name_zh": "达尼丁"})

    assert response.status_code == status
    assert _stored(place)[1] == "但尼丁"
