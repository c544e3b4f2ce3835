"""Login and its lock (django-axes): a username at one address, and an address, separately."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

from tests.factories import PASSWORD, OrganiserFactory

LOGIN_URL = "/en/accounts/login/"
ADMIN_LOGIN_URL = "/en/admin/login/"
LIMIT = settings.AMITY_LOGIN_RATE_LIMIT

pytestmark = pytest.mark.django_db


def _login(client, username: str, password: str, url: str = LOGIN_URL, **extra):
    return client.post(url, {"username": username, "password": password}, **extra)


def test_login_with_the_right_password_redirects(client):
    user = OrganiserFactory()

    response = _login(client, user.username, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_wrong_password_shows_the_form_again(client):
    user = OrganiserFactory()

    response = _login(client, user.username, "wrong")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_login_after_too_many_failures_is_429_in_the_readers_language(client):
    user = OrganiserFactory()
    for _ in range(LIMIT):
        _login(client, user.username, "wrong")

    response = _login(client, user.username, "wrong", url="/zh-hans/accounts/login/")

    assert response.status_code == 429
    assert "失败次数过多" in response.content.decode()


def test_a_locked_username_is_refused_even_with_the_right_password(client):
    user = OrganiserFactory()
    for _ in range(LIMIT):
        _login(client, user.username, "wrong")

    response = _login(client, user.username, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_failures_under_the_limit_do_not_lock_and_success_resets_them(client):
    user = OrganiserFactory()
    for _ in range(LIMIT - 1):
        _login(client, user.username, "wrong")
    assert _login(client, user.username, PASSWORD).status_code == 302
    client.logout()

    for _ in range(LIMIT - 1):
        _login(client, user.username, "wrong")

    assert _login(client, user.username, PASSWORD).status_code == 302


def test_one_persons_typos_do_not_lock_colleagues_at_the_same_address(client):
    typist, colleague = OrganiserFactory.create_batch(2)
    for _ in range(LIMIT + 3):
        _login(client, typist.username, "wrong")

    response = _login(client, colleague.username, PASSWORD)

    assert response.status_code == 302


def test_a_locked_username_may_still_log_in_from_another_address(client):
    user = OrganiserFactory()
    for _ in range(LIMIT):
        _login(client, user.username, "wrong", REMOTE_ADDR="203.0.113.7")

    response = _login(Client(), user.username, PASSWORD, REMOTE_ADDR="198.51.100.2")

    assert response.status_code == 302


@override_settings(AMITY_LOGIN_ADDRESS_LIMIT=8)
def test_an_address_guessing_over_many_usernames_is_locked_for_every_username(client):
    users = OrganiserFactory.create_batch(5)
    for user in users[:4]:
        for _ in range(2):
            _login(client, user.username, "wrong")

    response = _login(client, users[4].username, PASSWORD)

    assert response.status_code == 429


def test_the_admin_login_is_locked_too(client):
    user = OrganiserFactory(is_staff=True)
    statuses = [_login(client, user.username, "wrong", url=ADMIN_LOGIN_URL).status_code]
    statuses += [
        _login(client, user.username, "wrong", url=ADMIN_LOGIN_URL).status_code
        for _ in range(LIMIT)
    ]

    assert statuses[0] == 200
    assert statuses[-1] == 429
    assert _login(client, user.username, PASSWORD, url=ADMIN_LOGIN_URL).status_code == 429


def test_the_username_is_counted_in_any_letter_case(client):
    OrganiserFactory(username="aroha")
    for variant in ["Aroha", "AROHA", "aroha ", "aRoha", "arohA"][:LIMIT]:
        _login(client, variant, "wrong")

    assert _login(client, "aroha", PASSWORD).status_code == 429


@override_settings(AMITY_CLIENT_IP_HEADER="X-Forwarded-For")
def test_behind_the_proxy_each_client_address_counts_on_its_own(client):
    user = OrganiserFactory()
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(LIMIT):
        _login(client, user.username, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)

    # A forged entry on the left is ignored: the proxy appended the real address on the right.
    elsewhere = _login(
        Client(), user.username, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.2", **proxy
    )
    same = _login(Client(), user.username, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)

    assert (elsewhere.status_code, same.status_code) == (302, 429)


def test_the_test_clients_login_still_works(client):
    user = OrganiserFactory()

    assert client.login(username=user.username, password=PASSWORD)
