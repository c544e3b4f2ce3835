"""The API's shared error handling (amity.api): what every domain's routes answer."""

import json

import pytest
from django.test import Client
from ninja import NinjaAPI
from ninja.testing import TestClient

from amity.api import InputSchema, error_responses
from amity.api.errors import install_error_handlers

pytestmark = pytest.mark.django_db

PARTNERSHIPS = "/api/v1/registry/partnerships"


def post_json(client, path: str, body: str, **headers):
    return client.post(path, body, content_type="application/json", headers=headers)


@pytest.mark.parametrize(
    ("language", "detail"), [("en", "authentication required"), ("zh-hans", "需要登录")]
)
def test_anonymous_write_is_401_in_the_requests_language_not_a_csrf_403(language, detail):
    client = Client(enforce_csrf_checks=True)

    response = post_json(client, PARTNERSHIPS, "{}", **{"Accept-Language": language})

    assert (response.status_code, response.json()) == (401, {"detail": detail})


def test_a_logged_in_session_without_its_csrf_token_is_403(organiser):
    client = Client(enforce_csrf_checks=True)
    client.force_login(organiser)

    response = post_json(client, PARTNERSHIPS, "{}", **{"Accept-Language": "zh-hans"})

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_a_body_that_is_not_json_is_422_naming_the_body(organiser_client):
    response = post_json(organiser_client, PARTNERSHIPS, '{"kind": ')

    assert response.status_code == 422
    assert response.json()["errors"] == {"body": ["is not valid JSON"]}


def test_a_malformed_body_names_each_bad_field_in_the_requests_language(organiser_client):
    body = json.dumps({"place": {"name_en": 7, "country": "NZ"}, "established_on": "soon"})

    response = post_json(organiser_client, PARTNERSHIPS, body, **{"Accept-Language": "zh-hans"})

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "place.name_en": ["必须是文本"],
        "kind": ["为必填项"],
        "established_on": ["必须是日期（YYYY-MM-DD）"],
    }


def test_a_body_that_is_a_list_is_422(organiser_client, django_user_model):
    response = post_json(organiser_client, PARTNERSHIPS, "[]")

    assert response.status_code == 422


def test_an_unknown_field_is_422_not_ignored(organiser_client):
    body = json.dumps({"place": {"name_en": "Dunedin", "country": "NZ"}, "kind": "partner", "x": 1})

    response = post_json(organiser_client, PARTNERSHIPS, body)

    assert response.json()["errors"] == {"x": ["is not a field of this request"]}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"offset": "9223372036854775808"}, "offset"),
        ({"limit": "9223372036854775808"}, "limit"),
        ({"limit": "100000"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"q": "x" * 101}, "q"),
    ],
)
def test_list_bounds_are_422_naming_the_parameter(client, query, field):
    response = client.get(PARTNERSHIPS, query)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]


def test_an_unknown_api_address_answers_json_404(client):
    response = client.get("/api/v1/no/such/thing", headers={"Accept-Language": "zh-hans"})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "/api/v1/no/such/thing" in response.json()["detail"]


def test_a_server_error_answers_json_500_and_is_logged_with_its_traceback(caplog):
    api = NinjaAPI(urls_namespace="test-500")
    install_error_handlers(api)

    @api.get("/broken", auth=None)
    def broken(request):
        raise RuntimeError("a bug")

    response = TestClient(api).get("/broken")

    assert response.status_code == 500
    assert set(response.json()) == {"detail"}
    assert "a bug" not in response.content.decode()
    assert [r.exc_info[1].args for r in caplog.records if r.name == "amity.api"] == [("a bug",)]


def test_input_schemas_refuse_nan_and_infinity():
    class Point(InputSchema):
        latitude: float

    api = NinjaAPI(urls_namespace="test-nan")
    install_error_handlers(api)

    @api.post("/points", auth=None)
    def add(request, payload: Point):
        return {"latitude": payload.latitude}

    client = TestClient(api)
    responses = [
        client.post("/points", data=body, content_type="application/json")
        for body in ('{"latitude": NaN}', '{"latitude": Infinity}', '{"latitude": 1.5}')
    ]

    assert [r.status_code for r in responses] == [422, 422, 200]


def test_error_responses_document_each_error_body():
    documented = error_responses(401, 403, 422)

    assert {code: schema.__name__ for code, schema in documented.items()} == {
        401: "ErrorOut",
        403: "ErrorOut",
        422: "FieldErrorsOut",
    }


def test_the_openapi_schema_documents_the_error_responses(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    create = paths["/api/v1/registry/partnerships"]["post"]["responses"]
    patch = paths["/api/v1/registry/places/{place_id}"]["patch"]["responses"]
    assert {"201", "401", "403", "409", "422"} <= set(create)
    assert {"200", "401", "403", "404", "409", "422"} <= set(patch)


@pytest.mark.parametrize(
    ("path", "query", "field"),
    [
        (PARTNERSHIPS, {"country": "\x00"}, "country"),
        (PARTNERSHIPS + ".xlsx", {"field": "x\x00"}, "field"),
        (PARTNERSHIPS, {"q": "Dune\x00din"}, "q"),
    ],
)
def test_a_nul_character_in_a_filter_is_422_naming_it(client, path, query, field):
    response = client.get(path, query)

    assert response.status_code == 422
    assert response.json()["errors"] == {field: ["must not contain a NUL character"]}
