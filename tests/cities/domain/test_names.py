"""Searching by any name of a place: GeoNames' alternate names, hand-added ones, in any letter
case, width or tone marks."""

import pytest
from django.core.exceptions import ValidationError

from amity.cities.domain import add_partner, update_place
from amity.cities.domain.names import add_alternate_name, remove_alternate_name
from amity.cities.domain.queries import PartnerFilters, filter_partnerships
from amity.cities.importing import import_partnerships
from amity.cities.models import NameOrigin

pytestmark = pytest.mark.django_db


def found(query: str) -> list[str]:
    return [p.place.name_en for p in filter_partnerships(PartnerFilters(q=query))]


@pytest.fixture
def dunedin():
    return add_partner(
        place={"name_en": "Dunedin", "name_zh": "达尼丁", "country": "NZ"},
        relationship={"kind": "friendship_city"},
    ).place


@pytest.mark.parametrize(
    "query",
    [
        "但尼丁",
        "达尼丁",
        "dunedin",
        "DUNEDIN",
        "ＤＵＮＥＤＩＮ",
        "Ōtepoti",
        "otepoti",
        "dān ní dīng",
    ],
)
def test_search_finds_a_place_by_any_of_its_names(dunedin, query):
    assert found(query) == ["Dunedin"]


def test_search_finds_nothing_for_a_name_the_place_does_not_have(dunedin):
    assert found("Hamburg") == []


def test_an_organisers_name_is_found_and_forgotten_when_removed(dunedin):
    entry = add_alternate_name(dunedin, "Edinburgh of the South")

    assert found("edinburgh of the") == ["Dunedin"]
    assert entry.origin == NameOrigin.ORGANISER
    remove_alternate_name(entry)
    assert found("edinburgh of the") == []


@pytest.mark.parametrize(
    ("name", "field"), [("", "name"), ("Dunedin", "name"), ("x" * 201, "name"), ("a\x07b", "name")]
)
def test_an_alternate_name_is_refused_when_empty_taken_too_long_or_invisible(dunedin, name, field):
    with pytest.raises(ValidationError) as refused:
        add_alternate_name(dunedin, name)

    assert list(refused.value.message_dict) == [field]


def test_a_renamed_place_is_found_by_its_new_name(dunedin):
    update_place(dunedin, name_zh="丹尼丁")

    assert found("丹尼丁") == ["Dunedin"]


def test_an_imported_city_is_found_by_its_geonames_names():
    csv = "partner,country_iso2,partner_kind,relationship\nHamburg,DE,city,friendship_city\n"
    import_partnerships(csv.encode(), "partners.csv")

    assert found("漢堡") == ["Hamburg"]
    assert found("hambourg") == ["Hamburg"]
