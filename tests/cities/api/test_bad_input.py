"""Input that once made the server fail or store nonsense: each a 422 naming the field, and
nothing written (the security test's findings 13–15)."""

import json

import pytest

from amity.cities.models import Citation, Partnership, Place, Source
from tests.factories.cities import PartnershipFactory

pytestmark = pytest.mark.django_db

PARTNERSHIPS = "/api/v1/registry/partnerships"


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Place, Partnership, Citation, Source))


def post(client, path: str, body: object | str):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(path, data, content_type="application/json")


def patch(client, path: str, body: object | str):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.patch(path, data, content_type="application/json")


def new_partner(**place) -> dict:
    return {"place": {"name_en": "Dunedin", "country": "NZ", **place}, "kind": "friendship_city"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (new_partner(population=10**25), "place.population"),
        (new_partner(population=2**63), "place.population"),
        (new_partner(geonames_id=2147483648), "place.geonames_id"),
        (new_partner(name_en="Bell\x00Town"), "place.name_en"),
        (new_partner(name_en="Bell\u0007Town"), "place.name_en"),
        (new_partner(name_en="x" * 100_000), "place.name_en"),
        (new_partner(latitude=-45.9), "place.longitude"),
        (
            '{"place": {"name_en": "Dunedin", "country": "NZ", "latitude": NaN, "longitude": 1},'
            ' "kind": "friendship_city"}',
            "place.latitude",
        ),
        (
            '{"place": {"name_en": "\\ud800", "country": "NZ"}, "kind": "friendship_city"}',
            "place.name_en",
        ),
        ({**new_partner(), "summary_en": None}, "summary_en"),
        (
            {**new_partner(), "source_title": "FAO", "source_url": "javascript:alert(1)"},
            "source_url",
        ),
    ],
)
def test_adding_a_partner_with_bad_input_is_422_naming_the_field(organiser_client, body, field):
    before = counts()

    response = post(organiser_client, PARTNERSHIPS, body)

    assert response.status_code == 422, response.content
    assert field in response.json()["errors"]
    assert counts() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"summary_en": None}, "summary_en"),
        ({"kind": None}, "kind"),
        ({"fields": None}, "fields"),
        ({"home_district": "x" * 121}, "home_district"),
        ("[]", "body"),
        ('"text"', "body"),
    ],
)
def test_patching_a_partnership_badly_is_422_and_changes_nothing(organiser_client, body, field):
    partnership = PartnershipFactory(summary_en="Kept.")

    response = patch(organiser_client, f"{PARTNERSHIPS}/{partnership.pk}", body)

    partnership.refresh_from_db()
    assert response.status_code == 422, response.content
    assert list(response.json()["errors"]) == [field]
    assert partnership.summary_en == "Kept."


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"fact": "established_on", "value": "banana", "source_title": "FAO"}, "value"),
        ({"fact": "kind", "value": "pen_pals", "source_title": "FAO"}, "value"),
        ({"fact": "location", "value": "north", "source_title": "FAO"}, "value"),
        ({"fact": "established_on", "value": "1" * 201, "source_title": "FAO"}, "value"),
        ({"fact": "general", "value": "", "source_title": "FAO", "note_en": "n" * 501}, "note_en"),
        ({"fact": "general", "value": "", "source_title": "T" * 301}, "source_title"),
        (
            {"fact": "general", "value": "", "source_title": "FAO", "url": "javascript:alert(1)"},
            "source_url",
        ),
        ({"fact": "general", "value": "", "source_title": "FAO", "url": "h" * 300}, "source_url"),
        ({"fact": "rumour", "value": "", "source_title": "FAO"}, "fact"),
    ],
)
def test_a_citation_goes_through_the_same_rules(organiser_client, body, field):
    partnership = PartnershipFactory()
    before = counts()

    response = post(organiser_client, f"{PARTNERSHIPS}/{partnership.pk}/citations", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["errors"]
    assert counts() == before


def test_a_citation_with_a_real_date_and_web_address_is_kept(organiser_client):
    partnership = PartnershipFactory()
    body = {
        "fact": "established_on",
        "value": "1994-10",
        "source_title": "FAO list",
        "url": "https://www.example.org/list",
    }

    response = post(organiser_client, f"{PARTNERSHIPS}/{partnership.pk}/citations", body)

    assert response.status_code == 201
    assert response.json()["source"]["url"] == "https://www.example.org/list"
