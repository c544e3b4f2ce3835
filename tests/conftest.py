"""Fixtures shared by the Django test packages (the engine tests need none of these)."""

import pytest
from django.core.cache import cache

from tests.catalogue import compile_translations
from tests.factories import DelegateFactory, EnterpriseUserFactory, OrganiserFactory


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    compile_translations()


@pytest.fixture(autouse=True)
def _clear_cache():
    # The login rate limit counts failures in the cache; one test's failures must not block
    # the next test's logins.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organiser(db):
    return OrganiserFactory()


@pytest.fixture
def enterprise_user(db):
    return EnterpriseUserFactory()


@pytest.fixture
def delegate(db):
    return DelegateFactory()


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client
