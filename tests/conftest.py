"""Fixtures shared by the Django test packages (the engine tests need none of these)."""

import pytest
from django.core.cache import cache
from django.utils import translation

from amity.cities.fields_of_cooperation import FIELDS_OF_COOPERATION
from amity.cities.models import CooperationField
from tests.catalogue import compile_translations
from tests.factories import DelegateFactory, EnterpriseUserFactory, OrganiserFactory

# The permission matrices' roles and objects (tests/permissions/matrix.py).
from tests.permissions.matrix import world  # noqa: F401


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    compile_translations()


@pytest.fixture(autouse=True)
def _english_unless_a_test_says_otherwise():
    # A request through LocaleMiddleware leaves its language active in the thread; without
    # this, a test after a Chinese page would see Chinese messages.
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    # Cached values (the database cache in production) must not leak from one test to the next.
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


@pytest.fixture
def cooperation_fields(db):
    """The controlled list of fields of cooperation, as migration 0002 seeds it.

    A transactional test's flush deletes rows that data migrations seeded, so transactional
    tests that need the list ask for this fixture.
    """
    for code, name_en, name_zh in FIELDS_OF_COOPERATION:
        CooperationField.objects.get_or_create(
            code=code, defaults={"name_en": name_en, "name_zh": name_zh}
        )
