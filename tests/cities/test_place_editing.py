"""Correcting a partner place: the update_place action and the partner edit page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from amity.cities import domain
from amity.cities.models import DatePrecision, Place, RelationshipKind
from amity.cities.world_cities import find_world_city
from tests.factories import PartnershipFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def _stored(place: Place) -> tuple:
    place = Place.objects.get(pk=place.pk)
    return (
        place.name_en,
        place.name_zh,
        place.country,
        place.continent,
        place.latitude,
        place.longitude,
        place.population,
        place.time_zone,
    )


# --- the domain action --------------------------------------------------------------------------


def test_update_place_corrects_names_population_and_time_zone():
    place = PlaceFactory(name_en="Dunedin", name_zh="但尼丁")

    domain.update_place(place, name_zh=" 达尼丁 ", population=134_100, time_zone="Pacific/Auckland")

    assert _stored(place)[1:] == ("达尼丁", "NZ", "OC", -45.87, 170.5, 134_100, "Pacific/Auckland")


def test_update_place_new_country_derives_the_continent_again():
    # A place filed under the wrong country: Vientiane is in Laos (Asia), not New Zealand.
    place = PlaceFactory(name_en="Vientiane", country="NZ", continent="OC")

    domain.update_place(place, country="la", latitude=17.97, longitude=102.6, time_zone="")

    assert _stored(place)[2:6] == ("LA", "AS", 17.97, 102.6)


def test_update_place_clears_both_coordinates():
    place = PlaceFactory()

    domain.update_place(place, latitude=None, longitude=None)

    assert _stored(place)[4:6] == (None, None)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"latitude": None}, "latitude"),
        ({"longitude": None}, "longitude"),
        ({"latitude": 91.0}, "latitude"),
        ({"country": "XX"}, "country"),
        ({"name_en": "  "}, "name_en"),
        ({"population": -1}, "population"),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"kind": "planet"}, "kind"),
        ({"continent": "EU"}, "continent"),
    ],
)
def test_update_place_bad_change_names_the_field_and_changes_nothing(changes, field):
    place = PlaceFactory(name_en="Dunedin")
    before = _stored(place)

    with pytest.raises(ValidationError) as excinfo:
        domain.update_place(place, **changes)

    assert list(excinfo.value.message_dict) == [field]
    assert _stored(place) == before
    # The caller's instance is restored too, so a re-rendered page shows the saved values.
    assert (place.name_en, place.latitude, place.country) == ("Dunedin", -45.87, "NZ")


@pytest.mark.parametrize("name", ["Christchurch", "CHRISTCHURCH"])
def test_update_place_refuses_the_name_of_another_place_of_the_same_country(name):
    PlaceFactory(name_en="Christchurch", country="NZ")
    place = PlaceFactory(name_en="Dunedin", country="NZ")

    with pytest.raises(ValidationError) as excinfo:
        domain.update_place(place, name_en=name)

    assert list(excinfo.value.message_dict) == ["name_en"]
    assert Place.objects.filter(name_en__iexact="Christchurch").count() == 1


def test_update_place_may_change_the_letter_case_of_its_own_name():
    place = PlaceFactory(name_en="dunedin", country="NZ")

    domain.update_place(place, name_en="Dunedin")

    assert Place.objects.get(pk=place.pk).name_en == "Dunedin"


def test_find_or_create_place_finds_the_place_whatever_the_letter_case():
    place = PlaceFactory(name_en="Dunedin", country="NZ", kind="city")

    assert domain.find_or_create_place(name_en="DUNEDIN", country="nz", kind="city") == place


# --- the partner edit page ----------------------------------------------------------------------


def _edit_url(partnership) -> str:
    with translation.override("en"):
        return reverse("cities:partner-update", args=[partnership.pk])


def _form_data(partnership, **place) -> dict[str, object]:
    data = {
        "place-name_en": partnership.place.name_en,
        "place-name_zh": partnership.place.name_zh,
        "place-place_kind": partnership.place.kind,
        "place-country": partnership.place.country,
        "place-latitude": partnership.place.latitude,
        "place-longitude": partnership.place.longitude,
        "place-population": partnership.place.population,
        "place-time_zone": partnership.place.time_zone,
        "kind": partnership.kind,
        "status": partnership.status,
        "level": partnership.level,
        "established_on": "1994-10-21",
        "established_precision": DatePrecision.DAY,
    }
    data.update({f"place-{name}": value for name, value in place.items()})
    return {name: value for name, value in data.items() if value is not None}


def test_edit_page_shows_the_place_fields_and_the_city_look_up(organiser_client):
    partnership = PartnershipFactory(place=PlaceFactory(name_en="Dunedin", name_zh="但尼丁"))

    html = organiser_client.get(_edit_url(partnership)).content.decode()

    assert 'name="place-name_zh" value="但尼丁"' in html
    assert 'id="city-search"' in html
    assert 'name="place-time_zone" value="Pacific/Auckland"' in html


def test_edit_page_saves_place_and_relationship_together(organiser_client):
    partnership = PartnershipFactory(place=PlaceFactory(name_en="Dunedin", name_zh="但尼丁"))
    dunedin = find_world_city("Dunedin", "NZ")
    data = _form_data(partnership, name_zh="达尼丁", geonames_id=dunedin.geonames_id)
    data["kind"] = RelationshipKind.FRIENDLY_EXCHANGE

    response = organiser_client.post(_edit_url(partnership), data)

    partnership.refresh_from_db()
    assert response.status_code == 302
    assert (partnership.kind, partnership.place.name_zh, partnership.place.geonames_id) == (
        RelationshipKind.FRIENDLY_EXCHANGE,
        "达尼丁",
        dunedin.geonames_id,
    )


def test_edit_page_drops_a_geonames_id_of_another_country(organiser_client):
    partnership = PartnershipFactory(place=PlaceFactory(name_en="Dunedin", country="NZ"))
    hamburg = find_world_city("Hamburg", "DE")

    organiser_client.post(
        _edit_url(partnership), _form_data(partnership, geonames_id=hamburg.geonames_id)
    )

    partnership.place.refresh_from_db()
    assert partnership.place.geonames_id is None


def test_edit_page_bad_place_shows_the_error_and_changes_nothing(organiser_client):
    partnership = PartnershipFactory(
        place=PlaceFactory(name_en="Dunedin"), status="active", notes=""
    )
    before = _stored(partnership.place)
    data = _form_data(partnership, time_zone="Mars/Olympus_Mons")
    data["notes"] = "should not be saved"

    response = organiser_client.post(_edit_url(partnership), data)

    partnership.refresh_from_db()
    assert response.status_code == 422
    assert "is not an IANA time zone" in response.content.decode()
    assert (_stored(partnership.place), partnership.notes) == (before, "")


def test_edit_page_one_coordinate_only_is_refused(organiser_client):
    partnership = PartnershipFactory(place=PlaceFactory(name_en="Dunedin"))
    data = _form_data(partnership)
    del data["place-longitude"]

    response = organiser_client.post(_edit_url(partnership), data)

    assert response.status_code == 422
    assert "Give both latitude and longitude, or neither." in response.content.decode()
    assert _stored(partnership.place)[4:6] == (-45.87, 170.5)


def test_edit_page_bad_relationship_leaves_the_place_unchanged(organiser_client):
    partnership = PartnershipFactory(place=PlaceFactory(name_en="Dunedin", name_zh="但尼丁"))
    data = _form_data(partnership, name_zh="达尼丁")
    data["ended_on"] = "x"  # not a relationship field of the form: ignored
    data["level"] = "district"  # a district-level relationship without its district

    response = organiser_client.post(_edit_url(partnership), data)

    assert response.status_code == 422
    assert _stored(partnership.place)[1] == "但尼丁"


@pytest.mark.parametrize("role", ["anonymous", "enterprise", "delegate"])
def test_edit_page_is_refused_to_other_roles(client, role, enterprise_user, delegate):
    partnership = PartnershipFactory(place=PlaceFactory(name_en="Dunedin", name_zh="但尼丁"))
    user = {"anonymous": None, "enterprise": enterprise_user, "delegate": delegate}[role]
    if user is not None:
        client.force_login(user)

    response = client.post(_edit_url(partnership), _form_data(partnership, name_zh="达尼丁"))

    assert response.status_code in {302, 403}
    assert _stored(partnership.place)[1] == "但尼丁"
