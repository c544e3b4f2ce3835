"""Factories for accounts: organisations and users of every role.

Every factory password is ``password`` so tests can log in with the client.
"""

import factory
from factory.django import DjangoModelFactory

from amity.accounts.models import Organisation, Role, User
from tests.factories.cities import PlaceFactory

PASSWORD = "password"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name_en = factory.Sequence(lambda n: f"Enterprise {n}")
    name_zh = factory.Sequence(lambda n: f"企业{n}")
    country = "CN"
    city_name = "Shanghai"


class UserFactory(DjangoModelFactory):
    """A user without a role, as a visitor who just signed up."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    role = ""
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        # set_password only hashes; the post-generation save stores the hash.
        if create:
            self.save()


class OrganiserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"organiser{n}")
    role = Role.ORGANISER


class EnterpriseUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"enterprise{n}")
    role = Role.ENTERPRISE
    organisation = factory.SubFactory(OrganisationFactory)


class DelegateFactory(UserFactory):
    username = factory.Sequence(lambda n: f"delegate{n}")
    role = Role.DELEGATE
    partner_place = factory.SubFactory(PlaceFactory)
