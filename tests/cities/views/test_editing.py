"""Adding and editing a partner on its pages, with the world-city look-up."""

import datetime

import pytest

from amity.cities.models import DatePrecision, Partnership, PartnershipStatus, RelationshipKind
from tests.cities.views.browsing import url
from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def test_world_city_search_offers_cities_with_their_coordinates(organiser_client):
    response = organiser_client.get(url("cities:world-city-search"), {"q": "Duned"})

    html = response.content.decode()
    assert 'data-name="Dunedin"' in html
    assert 'data-country="NZ"' in html
    assert 'data-time-zone="Pacific/Auckland"' in html


def test_add_partner_records_place_and_partnership(organiser_client):
    response = organiser_client.post(
        url("cities:partner-create"),
        {
            "place-name_en": "Dunedin",
            "place-name_zh": "达尼丁",
            "place-place_kind": "city",
            "place-country": "NZ",
            "place-latitude": "-45.87",
            "place-longitude": "170.50",
            "place-population": "114347",
            "place-time_zone": "Pacific/Auckland",
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.ACTIVE,
            "level": "municipal",
            "established_on": "1994-10-21",
            "established_precision": DatePrecision.DAY,
            "fields": ["tourism", "education-talent"],
        },
    )

    partnership = Partnership.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("cities:partner-detail", partnership.pk)
    assert (partnership.place.name_zh, partnership.place.continent) == ("达尼丁", "OC")
    assert sorted(partnership.fields.values_list("code", flat=True)) == [
        "education-talent",
        "tourism",
    ]


def test_add_partner_twice_shows_the_domain_error(organiser_client):
    existing = PartnershipFactory()
    place = existing.place

    response = organiser_client.post(
        url("cities:partner-create"),
        {
            "place-name_en": place.name_en,
            "place-place_kind": place.kind,
            "place-country": place.country,
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.ACTIVE,
            "level": "municipal",
            "established_precision": DatePrecision.DAY,
        },
    )

    assert response.status_code == 422
    assert "already has a partnership at this level" in response.content.decode()
    assert Partnership.objects.count() == 1


def test_edit_partner_changes_the_relationship(organiser_client):
    partnership = PartnershipFactory()

    response = organiser_client.post(
        url("cities:partner-update", partnership.pk),
        {
            "place-name_en": partnership.place.name_en,
            "place-place_kind": partnership.place.kind,
            "place-country": partnership.place.country,
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.DORMANT,
            "level": "municipal",
            "established_on": "1994-10-21",
            "established_precision": DatePrecision.MONTH,
            "notes": "Call before visiting.",
        },
    )

    partnership.refresh_from_db()
    assert response.status_code == 302
    assert (partnership.status, partnership.established_precision, partnership.notes) == (
        PartnershipStatus.DORMANT,
        DatePrecision.MONTH,
        "Call before visiting.",
    )


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_edit_page_gives_the_date_picker_an_iso_date_in_every_language(organiser_client, lang):
    partnership = PartnershipFactory(
        established_on=datetime.date(1994, 10, 21), ended_on=datetime.date(2020, 6, 30)
    )

    html = organiser_client.get(url("cities:partner-update", partnership.pk, lang=lang)).content

    assert b'name="established_on" value="1994-10-21"' in html
    assert b'name="ended_on" value="2020-06-30"' in html


def test_edit_partner_records_the_end_of_a_relationship(organiser_client):
    partnership = PartnershipFactory()

    organiser_client.post(
        url("cities:partner-update", partnership.pk),
        {
            "place-name_en": partnership.place.name_en,
            "place-place_kind": partnership.place.kind,
            "place-country": partnership.place.country,
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.ENDED,
            "level": "municipal",
            "established_on": "1994-10-21",
            "established_precision": DatePrecision.DAY,
            "ended_on": "2020-06-30",
        },
    )

    partnership.refresh_from_db()
    assert (partnership.status, partnership.ended_on) == (
        PartnershipStatus.ENDED,
        datetime.date(2020, 6, 30),
    )


def test_edit_partner_to_a_level_already_taken_shows_the_error(organiser_client):
    municipal = PartnershipFactory()
    district = PartnershipFactory(place=municipal.place, level="district", home_district="Huangpu")

    response = organiser_client.post(
        url("cities:partner-update", district.pk),
        {
            "place-name_en": district.place.name_en,
            "place-place_kind": district.place.kind,
            "place-country": district.place.country,
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.ACTIVE,
            "level": "municipal",
            "established_precision": DatePrecision.DAY,
        },
    )

    district.refresh_from_db()
    assert response.status_code == 422
    assert "already has a partnership at this level" in response.content.decode()
    assert district.level == "district"
