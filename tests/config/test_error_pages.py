"""The error pages: translated, and the 500 page renders without any context."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_not_found_page_is_translated(client):
    response = client.get("/zh-hans/no-such-page/")

    assert response.status_code == 404
    assert "页面未找到" in response.content.decode()


def test_server_error_page_renders_without_any_context(rf):
    from django.views.defaults import server_error

    # No middleware runs here, so the language is set as LocaleMiddleware would set it.
    with translation.override("en"):
        response = server_error(rf.get("/en/"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
