"""The language switch always leads to the same page in the chosen language."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("cookie", "page", "language", "expected"),
    [
        # After choosing Chinese once, the cookie says zh-hans; an English page still switches.
        ("zh-hans", "/en/network/", "zh-hans", "/zh-hans/network/"),
        ("en", "/zh-hans/network/", "en", "/en/network/"),
        (None, "/en/?continent=OC", "zh-hans", "/zh-hans/?continent=OC"),
        ("zh-hans", "/zh-hans/", "en", "/en/"),
    ],
)
def test_language_switch_goes_to_the_page_in_the_chosen_language(
    client, cookie, page, language, expected
):
    if cookie:
        client.cookies["django_language"] = cookie

    response = client.post("/i18n/setlang/", {"language": language, "next": page})

    assert (response.status_code, response["Location"]) == (302, expected)
    assert client.cookies["django_language"].value == language


def test_language_switch_refuses_a_foreign_next_address(client):
    response = client.post(
        "/i18n/setlang/", {"language": "zh-hans", "next": "https://evil.example/en/"}
    )

    assert response["Location"] == "/"
