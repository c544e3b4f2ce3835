"""Personal API tokens: shown once, stored as a hash, tied to an active user."""

import hashlib
import io

import pytest
from django.core.management import call_command

from amity.accounts.models import ApiToken
from amity.accounts.tokens import create_api_token, user_for_token
from tests.factories import OrganiserFactory


@pytest.mark.django_db
def test_token_finds_its_user_and_records_use():
    user = OrganiserFactory()
    key = create_api_token(user, "laptop")

    found = user_for_token(key)

    assert found == user
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.django_db
def test_token_is_stored_only_as_its_hash():
    key = create_api_token(OrganiserFactory(), "laptop")

    token = ApiToken.objects.get()

    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in token.key_hash


@pytest.mark.django_db
def test_token_of_a_deactivated_user_finds_nobody():
    user = OrganiserFactory()
    key = create_api_token(user, "laptop")
    user.is_active = False
    user.save()

    assert user_for_token(key) is None


@pytest.mark.django_db
def test_unknown_token_finds_nobody():
    assert user_for_token("not-a-token") is None


@pytest.mark.django_db
def test_create_api_token_command_prints_a_working_key():
    user = OrganiserFactory()
    out = io.StringIO()

    call_command("create_api_token", user.username, stdout=out)

    assert user_for_token(out.getvalue().strip()) == user


@pytest.mark.django_db
def test_api_accepts_the_token_in_the_authorization_header(client):
    key = create_api_token(OrganiserFactory(), "script")

    response = client.get(
        "/api/v1/registry/world-cities?q=Dunedin", headers={"Authorization": f"Token {key}"}
    )

    assert response.status_code == 200
