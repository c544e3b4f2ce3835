"""Login and its rate limit: failures per username and address are counted for a window."""

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.factories import PASSWORD, OrganiserFactory

LOGIN_URL = "/en/accounts/login/"


def _login(client, username: str, password: str):
    return client.post(LOGIN_URL, {"username": username, "password": password})


@pytest.mark.django_db
def test_login_with_the_right_password_redirects(client):
    user = OrganiserFactory()

    response = _login(client, user.username, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_login_wrong_password_shows_the_form_again(client):
    user = OrganiserFactory()

    response = _login(client, user.username, "wrong")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_after_too_many_failures_is_429(client):
    user = OrganiserFactory()
    for _ in range(settings.AMITY_LOGIN_RATE_LIMIT):
        _login(client, user.username, "wrong")

    response = _login(client, user.username, "wrong")

    assert response.status_code == 429


@pytest.mark.django_db
def test_login_blocked_even_for_the_right_password_until_the_window_passes(client):
    user = OrganiserFactory()
    for _ in range(settings.AMITY_LOGIN_RATE_LIMIT):
        _login(client, user.username, "wrong")

    blocked = _login(client, user.username, PASSWORD)
    # The counters expire with the window; clearing them stands for the 15 minutes passing.
    cache.clear()
    after_window = _login(client, user.username, PASSWORD)

    assert blocked.status_code == 429
    assert "_auth_user_id" in client.session
    assert after_window.status_code == 302


@pytest.mark.django_db
def test_login_failures_under_the_limit_do_not_block(client):
    user = OrganiserFactory()
    for _ in range(settings.AMITY_LOGIN_RATE_LIMIT - 1):
        _login(client, user.username, "wrong")

    response = _login(client, user.username, PASSWORD)

    assert response.status_code == 302


@pytest.mark.django_db
def test_login_limit_also_counts_per_address_across_usernames(client):
    users = OrganiserFactory.create_batch(settings.AMITY_LOGIN_RATE_LIMIT + 1)
    for user in users[:-1]:
        _login(client, user.username, "wrong")

    response = _login(client, users[-1].username, PASSWORD)

    assert response.status_code == 429
