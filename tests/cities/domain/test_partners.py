"""Adding a partner: one action behind the page and the API, one rule for GeoNames."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from amity.cities.domain import add_partner
from amity.cities.models import Citation, Partnership, Place
from amity.cities.world_cities import GEONAMES_SOURCE_TITLE, find_world_city

pytestmark = pytest.mark.django_db

DUNEDIN = find_world_city("Dunedin", "NZ")
AUCKLAND = find_world_city("Auckland", "NZ")
OSAKA = find_world_city("Osaka", "JP")


def via_action(name_en: str, country: str, geonames_id: int | None) -> Place:
    place = {"name_en": name_en, "country": country, "kind": "city", "geonames_id": geonames_id}
    return add_partner(place=place, relationship={"kind": "friendship_city"}).place


def via_page(client, name_en: str, country: str, geonames_id: int | None) -> Place:
    with translation.override("en"):
        url = reverse("cities:partner-create")
    client.post(
        url,
        {
            "place-name_en": name_en,
            "place-place_kind": "city",
            "place-country": country,
            "place-geonames_id": geonames_id or "",
            "kind": "friendship_city",
            "status": "active",
            "level": "municipal",
            "established_precision": "day",
        },
    )
    return Place.objects.get(name_en=name_en)


def via_api(client, name_en: str, country: str, geonames_id: int | None) -> Place:
    payload = {
        "place": {"name_en": name_en, "country": country, "geonames_id": geonames_id},
        "kind": "friendship_city",
    }
    response = client.post(
        "/api/v1/registry/partnerships", payload, content_type="application/json"
    )
    return Place.objects.get(pk=response.json()["place"]["id"])


CASES = [
    # Typed by hand: the GeoNames city of that exact name in the country.
    ("Dunedin", "NZ", None, DUNEDIN.geonames_id),
    # Picked from the look-up: that city, even under another spelling.
    ("Dunedin City", "NZ", DUNEDIN.geonames_id, DUNEDIN.geonames_id),
    # A picked city of another country is not this place.
    ("Dunedin", "NZ", OSAKA.geonames_id, None),
    ("Nowhere Special", "NZ", None, None),
]


@pytest.mark.parametrize("path", [via_action, via_page, via_api])
@pytest.mark.parametrize(("name", "country", "picked", "expected"), CASES)
def test_add_partner_takes_the_same_geonames_city_on_every_path(
    organiser_client, path, name, country, picked, expected
):
    if path is via_action:
        place = path(name, country, picked)
    else:
        place = path(organiser_client, name, country, picked)

    assert place.geonames_id == expected
    if expected:
        assert place.latitude == pytest.approx(DUNEDIN.latitude)


def test_add_partner_cites_geonames_for_a_location_it_filled_in():
    partnership = add_partner(
        place={"name_en": "Dunedin", "country": "NZ"}, relationship={"kind": "friendship_city"}
    )

    citation = partnership.citations.get(fact=Citation.Fact.LOCATION)
    assert citation.source.title_en == GEONAMES_SOURCE_TITLE


def test_add_partner_cites_the_given_source_for_kind_and_date():
    partnership = add_partner(
        place={"name_en": "Dunedin", "country": "NZ"},
        relationship={
            "kind": "friendship_city",
            "established_on": "1994-10-21",
            "established_precision": "day",
        },
        source_title="Shanghai FAO list",
    )

    cited = set(
        partnership.citations.filter(source__title_en="Shanghai FAO list").values_list(
            "fact", "value"
        )
    )
    assert cited == {("kind", "friendship_city"), ("established_on", "1994-10-21")}


def test_add_partner_names_a_bad_place_field_under_place_and_writes_nothing():
    with pytest.raises(ValidationError) as refused:
        add_partner(
            place={"name_en": "Atlantis", "country": "XX"}, relationship={"kind": "friendship_city"}
        )

    assert list(refused.value.message_dict) == ["place.country"]
    assert (Place.objects.count(), Partnership.objects.count()) == (0, 0)


def test_add_partner_with_a_bad_relationship_leaves_no_place_behind():
    with pytest.raises(ValidationError):
        add_partner(
            place={"name_en": "Dunedin", "country": "NZ"}, relationship={"kind": "pen_pals"}
        )

    assert Place.objects.count() == 0
