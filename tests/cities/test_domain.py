"""The registry's named actions: valid input is recorded, invalid input names the field."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from amity.cities import domain
from amity.cities.models import Citation, Partnership
from amity.cities.world_cities import WorldCity
from tests.factories import PartnershipFactory, PlaceFactory


def _error_fields(excinfo: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return sorted(excinfo.value.message_dict)


def test_continent_for_country_follows_geonames():
    assert [domain.continent_for_country(c) for c in ("NZ", "la", "ZA", "US", "BR")] == [
        "OC",
        "AS",
        "AF",
        "NA",
        "SA",
    ]


def test_continent_for_country_unknown_code_names_the_country_field():
    with pytest.raises(ValidationError) as excinfo:
        domain.continent_for_country("XX")

    assert _error_fields(excinfo) == ["country"]


@pytest.mark.django_db
def test_find_or_create_place_takes_location_from_a_world_city():
    dunedin = WorldCity("Dunedin", "NZ", -45.87, 170.50, 132_800, "Pacific/Auckland", 2191562)

    place = domain.find_or_create_place(name_en="Dunedin", country="nz", world_city=dunedin)

    assert (place.country, place.continent, place.latitude, place.time_zone, place.geonames_id) == (
        "NZ",
        "OC",
        -45.87,
        "Pacific/Auckland",
        2191562,
    )


@pytest.mark.django_db
def test_find_or_create_place_returns_the_existing_place():
    existing = PlaceFactory(name_en="Dunedin", country="NZ")

    place = domain.find_or_create_place(name_en="Dunedin", country="NZ")

    assert place.pk == existing.pk


@pytest.mark.django_db
def test_find_or_create_place_rejects_a_single_coordinate():
    with pytest.raises(ValidationError) as excinfo:
        domain.find_or_create_place(name_en="Nowhere", country="NZ", latitude=10.0)

    assert _error_fields(excinfo) == ["longitude"]


@pytest.mark.django_db
def test_record_partnership_sets_fields_and_default_status():
    place = PlaceFactory()

    partnership = domain.record_partnership(
        place=place,
        kind="letter_of_intent",
        established_on=datetime.date(2025, 5, 1),
        established_precision="month",
        fields=["trade", "tourism"],
    )

    assert partnership.status == "loi_signed"
    assert sorted(partnership.fields.values_list("code", flat=True)) == ["tourism", "trade"]


@pytest.mark.django_db
def test_record_partnership_twice_for_one_place_is_refused():
    partnership = PartnershipFactory()

    with pytest.raises(ValidationError) as excinfo:
        domain.record_partnership(place=partnership.place, kind="friendship_city")

    assert _error_fields(excinfo) == ["place"]


@pytest.mark.django_db
def test_record_partnership_at_district_level_needs_the_district():
    with pytest.raises(ValidationError) as excinfo:
        domain.record_partnership(place=PlaceFactory(), kind="partner", level="district")

    assert _error_fields(excinfo) == ["home_district"]


@pytest.mark.django_db
def test_record_partnership_unknown_field_code_writes_nothing():
    with pytest.raises(ValidationError) as excinfo:
        domain.record_partnership(place=PlaceFactory(), kind="partner", fields=["robotics"])

    assert _error_fields(excinfo) == ["fields"]
    assert Partnership.objects.count() == 0


@pytest.mark.django_db
def test_record_partnership_unknown_kind_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        domain.record_partnership(place=PlaceFactory(), kind="pen_pals")

    assert _error_fields(excinfo) == ["kind"]


@pytest.mark.django_db
def test_update_partnership_end_before_start_is_refused():
    partnership = PartnershipFactory(established_on=datetime.date(1994, 10, 21))

    with pytest.raises(ValidationError) as excinfo:
        domain.update_partnership(partnership, ended_on=datetime.date(1990, 1, 1))

    assert _error_fields(excinfo) == ["ended_on"]


@pytest.mark.django_db
def test_update_partnership_clearing_the_date_clears_its_precision():
    partnership = PartnershipFactory()

    domain.update_partnership(partnership, established_on=None, status="dormant")

    partnership.refresh_from_db()
    assert (partnership.established_on, partnership.established_precision, partnership.status) == (
        None,
        "",
        "dormant",
    )


@pytest.mark.django_db
def test_update_partnership_refuses_unknown_attributes():
    with pytest.raises(ValidationError) as excinfo:
        domain.update_partnership(PartnershipFactory(), place=None)

    assert _error_fields(excinfo) == ["place"]


@pytest.mark.django_db
def test_cite_fact_keeps_conflicting_values_from_two_sources():
    partnership = PartnershipFactory()

    domain.cite_fact(partnership, "established_on", "1986-05-29", "FAO list")
    domain.cite_fact(
        partnership, "established_on", "1985-06-29", "Yearbook 2007", note_en="table 7"
    )

    stated = sorted(partnership.citations.values_list("source__title_en", "value", "note_en"))
    assert stated == [("FAO list", "1986-05-29", ""), ("Yearbook 2007", "1985-06-29", "table 7")]


@pytest.mark.django_db
def test_cite_fact_again_updates_the_note_only():
    partnership = PartnershipFactory()
    domain.cite_fact(partnership, "kind", "friendship_city", "FAO list")

    domain.cite_fact(partnership, "kind", "friendship_city", "FAO list", note_en="2012 edition")

    assert list(Citation.objects.values_list("note_en", flat=True)) == ["2012 edition"]


@pytest.mark.django_db
def test_cite_fact_without_source_title_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        domain.cite_fact(PartnershipFactory(), "kind", "partner", "  ")

    assert _error_fields(excinfo) == ["source_title"]


@pytest.mark.django_db
def test_add_agreement_records_source():
    agreement = domain.add_agreement(
        PartnershipFactory(),
        kind="mou",
        title_en="Memorandum on port cooperation",
        signed_on=datetime.date(2023, 12, 1),
        source_title="China Daily report",
    )

    assert (agreement.kind, agreement.source.title_en) == ("mou", "China Daily report")


@pytest.mark.django_db
def test_add_agreement_after_the_partnership_ended_is_refused():
    partnership = PartnershipFactory(ended_on=datetime.date(2000, 1, 1))

    with pytest.raises(ValidationError) as excinfo:
        domain.add_agreement(
            partnership, kind="renewal", title_en="Renewal", signed_on=datetime.date(2001, 1, 1)
        )

    assert _error_fields(excinfo) == ["signed_on"]


@pytest.mark.django_db
def test_record_exchange_ending_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        domain.record_exchange(
            PartnershipFactory(),
            kind="incoming_visit",
            title_en="Visit",
            starts_on=datetime.date(2023, 12, 1),
            ends_on=datetime.date(2023, 11, 30),
        )

    assert _error_fields(excinfo) == ["ends_on"]


@pytest.mark.django_db
def test_record_exchange_on_the_timeline():
    partnership = PartnershipFactory()

    domain.record_exchange(
        partnership,
        kind="event",
        title_en="Cooperation forum",
        starts_on=datetime.date(2023, 12, 1),
        delegation_size=5,
    )

    assert list(partnership.exchanges.values_list("title_en", "delegation_size")) == [
        ("Cooperation forum", 5)
    ]


@pytest.mark.django_db
def test_add_contact_stores_language_codes():
    contact = domain.add_contact(PartnershipFactory(), name="Souksavanh", languages=["lo", " en "])

    assert contact.languages == "lo, en"


@pytest.mark.django_db
def test_add_contact_with_a_bad_email_names_the_field():
    with pytest.raises(ValidationError) as excinfo:
        domain.add_contact(PartnershipFactory(), name="Someone", email="not-an-address")

    assert _error_fields(excinfo) == ["email"]


@pytest.mark.django_db
def test_update_partnership_to_a_level_the_place_already_has_names_the_level():
    municipal = PartnershipFactory()
    district = PartnershipFactory(place=municipal.place, level="district", home_district="Huangpu")

    with pytest.raises(ValidationError) as excinfo:
        domain.update_partnership(district, level="municipal", home_district="")

    assert _error_fields(excinfo) == ["level"]
    district.refresh_from_db()
    assert (district.level, district.home_district) == ("district", "Huangpu")
