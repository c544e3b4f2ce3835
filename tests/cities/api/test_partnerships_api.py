import pytest

from amity.accounts.tokens import create_api_token
from tests.factories import (
    ContactFactory,
    OrganiserFactory,
    PartnershipFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db

GOOD_CSV = (
    "partner,country_iso2,partner_kind,relationship,established_on,source\n"
    "Dunedin,NZ,city,friendship_city,1994-10-21,Shanghai FAO list of friendship cities\n"
)
BAD_CSV = GOOD_CSV + "Nowhere,XX,city,friendship_city,1994-13-01,Made up\n"


def test_partnership_list_anonymous_sees_the_registry(client):
    PartnershipFactory(place=PlaceFactory(name_en="Dunedin"))

    response = client.get("/api/v1/registry/partnerships")

    assert response.status_code == 200
    assert [item["place"]["name_en"] for item in response.json()["items"]] == ["Dunedin"]


def test_partnership_list_filters_by_continent(client):
    PartnershipFactory(place=PlaceFactory(name_en="Dunedin", country="NZ", continent="OC"))
    PartnershipFactory(place=PlaceFactory(name_en="Hamburg", country="DE", continent="EU"))

    response = client.get("/api/v1/registry/partnerships", {"continent": "EU"})

    assert [item["place"]["name_en"] for item in response.json()["items"]] == ["Hamburg"]


def test_partnership_list_queries_do_not_grow_with_rows(client, django_assert_num_queries):
    # The page, the count, the fields of cooperation and the places' other names.
    PartnershipFactory()
    with django_assert_num_queries(4):
        client.get("/api/v1/registry/partnerships")
    PartnershipFactory.create_batch(49)
    with django_assert_num_queries(4):
        response = client.get("/api/v1/registry/partnerships", {"limit": 100})
    assert response.json()["count"] == 50


def test_partnership_detail_hides_contacts_and_notes_from_visitors(client):
    partnership = PartnershipFactory(notes="Mayor prefers tea")
    ContactFactory(partnership=partnership, phone="+64 3 477 4000")

    body = client.get(f"/api/v1/registry/partnerships/{partnership.pk}").json()

    assert (body["contacts"], body["notes"]) == (None, None)
    assert "+64 3 477 4000" not in str(body)


def test_partnership_detail_shows_contacts_to_organisers(organiser_client):
    partnership = PartnershipFactory(notes="Mayor prefers tea")
    ContactFactory(partnership=partnership, phone="+64 3 477 4000")

    body = organiser_client.get(f"/api/v1/registry/partnerships/{partnership.pk}").json()

    assert [contact["phone"] for contact in body["contacts"]] == ["+64 3 477 4000"]
    assert body["notes"] == "Mayor prefers tea"


def test_partnership_detail_unknown_id_is_404_naming_the_id(client):
    response = client.get("/api/v1/registry/partnerships/999999")

    assert response.status_code == 404
    assert response.json() == {"detail": "no partnership with id 999999"}


def test_patch_of_an_unknown_place_is_404_naming_the_id(organiser_client):
    response = organiser_client.patch(
        "/api/v1/registry/places/424242", {"population": 1}, content_type="application/json"
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "no place with id 424242"}


def test_api_errors_follow_the_request_language(organiser_client, client, enterprise_user):
    chinese = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
    payload = {"place": {"name_en": "Atlantis", "country": "XX"}, "kind": "friendship_city"}

    invalid = organiser_client.post(
        "/api/v1/registry/partnerships", payload, content_type="application/json", **chinese
    )
    missing = client.get("/api/v1/registry/partnerships/999999", **chinese)
    client.force_login(enterprise_user)
    refused = client.post(
        "/api/v1/registry/partnerships", payload, content_type="application/json", **chinese
    )

    assert invalid.json()["detail"] == "输入有误，未作任何更改"
    assert missing.json()["detail"] == "没有编号为 999999 的友好关系"
    assert refused.json()["detail"].startswith("无权执行此操作")


def test_import_by_token_creates_partnerships(client):
    token = create_api_token(OrganiserFactory(), "test")

    response = client.post(
        "/api/v1/registry/partnerships/import",
        {"file": _upload("partners.csv", GOOD_CSV)},
        headers={"Authorization": f"Token {token}"},
    )

    assert response.status_code == 200
    assert response.json() == {"created": 1, "updated": 0, "unchanged": 0, "warnings": []}


def test_import_with_a_bad_row_names_it_and_imports_nothing(organiser_client):
    response = organiser_client.post(
        "/api/v1/registry/partnerships/import", {"file": _upload("partners.csv", BAD_CSV)}
    )

    assert response.status_code == 422
    assert {error["row"] for error in response.json()["errors"]} == {3}
    assert organiser_client.get("/api/v1/registry/partnerships").json()["count"] == 0


@pytest.mark.parametrize("role", ["anonymous", "enterprise", "delegate"])
def test_import_is_refused_to_other_roles(client, role, enterprise_user, delegate):
    user = {"anonymous": None, "enterprise": enterprise_user, "delegate": delegate}[role]
    if user is not None:
        client.force_login(user)

    response = client.post(
        "/api/v1/registry/partnerships/import", {"file": _upload("partners.csv", GOOD_CSV)}
    )

    assert response.status_code in {401, 403}


def test_session_post_without_csrf_token_is_refused(organiser):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(organiser)

    response = csrf_client.post(
        "/api/v1/registry/partnerships/import", {"file": _upload("partners.csv", GOOD_CSV)}
    )

    assert response.status_code == 403


def test_wrong_token_is_401_not_anonymous(client):
    response = client.get(
        "/api/v1/registry/partnerships", headers={"Authorization": "Token not-a-token"}
    )

    assert response.status_code == 401


def test_export_csv_contains_partner(client):
    PartnershipFactory(place=PlaceFactory(name_en="Dunedin"), notes="secret note")

    response = client.get("/api/v1/registry/partnerships.csv")

    assert response.status_code == 200
    assert "Dunedin" in response.content.decode()
    assert "secret note" not in response.content.decode()


def test_world_city_lookup_is_refused_to_visitors(client):
    assert client.get("/api/v1/registry/world-cities", {"q": "Dunedin"}).status_code == 401


def test_world_city_lookup_finds_city_for_organisers(organiser_client):

    names = [
        city["name"]
        for city in organiser_client.get(
            "/api/v1/registry/world-cities", {"q": "Dunedin", "country": "NZ"}
        ).json()
    ]

    assert names[0] == "Dunedin"


def test_openapi_schema_is_served(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert "/api/v1/registry/partnerships" in response.json()["paths"]


def _upload(name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_create_partnership_fills_coordinates_from_world_cities(organiser_client):
    payload = {
        "place": {"name_en": "Dunedin", "country": "NZ"},
        "kind": "friendship_city",
        "established_on": "1994-10-21",
        "fields": ["tourism", "education-talent"],
    }

    response = organiser_client.post(
        "/api/v1/registry/partnerships", payload, content_type="application/json"
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["place"]["continent"], round(body["place"]["latitude"])) == ("OC", -46)
    assert sorted(body["fields"]) == ["education-talent", "tourism"]


def test_create_partnership_with_unknown_country_names_the_field(organiser_client):
    payload = {"place": {"name_en": "Atlantis", "country": "XX"}, "kind": "friendship_city"}

    response = organiser_client.post(
        "/api/v1/registry/partnerships", payload, content_type="application/json"
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["place.country"]
    assert organiser_client.get("/api/v1/registry/partnerships").json()["count"] == 0


def test_create_partnership_is_refused_to_enterprise_members(client, enterprise_user):
    client.force_login(enterprise_user)
    payload = {"place": {"name_en": "Dunedin", "country": "NZ"}, "kind": "friendship_city"}

    response = client.post(
        "/api/v1/registry/partnerships", payload, content_type="application/json"
    )

    assert response.status_code == 403


def test_patch_partnership_with_end_before_start_changes_nothing(organiser_client):
    partnership = PartnershipFactory(status="active")

    response = organiser_client.patch(
        f"/api/v1/registry/partnerships/{partnership.pk}",
        {"status": "ended", "ended_on": "1900-01-01"},
        content_type="application/json",
    )

    partnership.refresh_from_db()
    assert response.status_code == 422
    assert "ended_on" in response.json()["errors"]
    assert (partnership.status, partnership.ended_on) == ("active", None)


def test_add_exchange_appears_on_the_timeline(organiser_client):
    partnership = PartnershipFactory()

    response = organiser_client.post(
        f"/api/v1/registry/partnerships/{partnership.pk}/exchanges",
        {"kind": "incoming_visit", "title_en": "Mayor's visit", "starts_on": "2023-11-16"},
        content_type="application/json",
    )
    detail = organiser_client.get(f"/api/v1/registry/partnerships/{partnership.pk}").json()

    assert response.status_code == 201
    assert [exchange["title_en"] for exchange in detail["exchanges"]] == ["Mayor's visit"]


def test_conflicting_citations_are_both_kept(organiser_client):
    partnership = PartnershipFactory()
    url = f"/api/v1/registry/partnerships/{partnership.pk}/citations"

    for value, source in [("1986-05-29", "FAO list 2012"), ("1985-06-29", "Yearbook 2007")]:
        organiser_client.post(
            url,
            {"fact": "established_on", "value": value, "source_title": source},
            content_type="application/json",
        )
    detail = organiser_client.get(f"/api/v1/registry/partnerships/{partnership.pk}").json()

    assert sorted(c["value"] for c in detail["citations"]) == ["1985-06-29", "1986-05-29"]


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_partnership_list_puts_undated_partners_last(client, sort):
    PartnershipFactory(
        place=PlaceFactory(name_en="Los Angeles"), established_on=None, established_precision=""
    )
    PartnershipFactory(place=PlaceFactory(name_en="Yokohama"))

    items = client.get("/api/v1/registry/partnerships", {"sort": sort}).json()["items"]

    assert [item["place"]["name_en"] for item in items][-1] == "Los Angeles"


def test_api_docs_page_uses_shipped_files_not_a_cdn(client):
    response = client.get("/api/v1/docs")

    html = response.content.decode()
    assert response.status_code == 200
    assert "swagger-ui-bundle.js" in html
    assert "https://" not in html
