"""The role predicates every domain builds on: one predicate for "my organisation", one for
"my delegation", asked with the object."""

import pytest

from amity.accounts.rules import is_delegate_of, is_member_of
from tests.factories.accounts import (
    DelegateFactory,
    EnterpriseUserFactory,
    OrganisationFactory,
    OrganiserFactory,
    UserFactory,
)
from tests.factories.cities import PartnershipFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def test_is_member_of_holds_for_the_members_own_organisation_only():
    member = EnterpriseUserFactory()

    assert is_member_of(member, member.organisation)
    assert not is_member_of(member, OrganisationFactory())


def test_is_member_of_needs_an_active_enterprise_member():
    member = EnterpriseUserFactory(is_active=False)

    assert not is_member_of(member, member.organisation)
    assert not is_member_of(OrganiserFactory(), OrganisationFactory())


def test_is_delegate_of_holds_for_the_delegates_place_and_what_belongs_to_it():
    delegate = DelegateFactory()
    own = PartnershipFactory(place=delegate.partner_place)

    assert is_delegate_of(delegate, delegate.partner_place)
    assert is_delegate_of(delegate, own)
    assert not is_delegate_of(delegate, PlaceFactory())
    assert not is_delegate_of(EnterpriseUserFactory(), delegate.partner_place)


@pytest.mark.parametrize(
    ("target", "allowed"),
    [("enterprise", True), ("delegate", True), ("organiser", False), ("superuser", False)],
)
def test_organisers_may_deactivate_members_and_delegates_but_not_organisers(target, allowed):
    organiser = OrganiserFactory()
    person = {
        "enterprise": EnterpriseUserFactory,
        "delegate": DelegateFactory,
        "organiser": OrganiserFactory,
        "superuser": lambda: UserFactory(is_superuser=True),
    }[target]()

    assert organiser.has_perm("accounts.deactivate_person", person) is allowed


@pytest.mark.parametrize("factory", [EnterpriseUserFactory, DelegateFactory])
def test_members_and_delegates_may_deactivate_nobody(factory):
    assert not factory().has_perm("accounts.deactivate_person", EnterpriseUserFactory())


def test_an_organiser_may_not_deactivate_themself():
    organiser = OrganiserFactory()

    assert not organiser.has_perm("accounts.deactivate_person", organiser)
