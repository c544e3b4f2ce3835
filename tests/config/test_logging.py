"""The server log: a refused request is one line, a server error keeps its traceback."""

import logging

import pytest

from tests.factories.accounts import DelegateFactory

pytestmark = pytest.mark.django_db


def test_an_ordinary_403_is_logged_without_a_traceback(client, caplog):
    client.force_login(DelegateFactory())

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/en/partners/import/")

    records = [r for r in caplog.records if r.name == "django.request"]
    assert response.status_code == 403
    assert [(r.getMessage(), r.exc_info) for r in records] == [
        ("Forbidden (Permission denied): /en/partners/import/", None)
    ]
