"""Registering and editing a participant's profile: the checks name the field."""

import pytest
from django.core.exceptions import ValidationError

from amity.fair.domain import add_opportunity, register_participant, update_profile
from amity.fair.models import Opportunity, Participant, ParticipantStatus
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.factories.cities import PlaceFactory
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def test_member_registers_own_organisation_with_a_world_city():
    fair = FairFactory(approval_required=True)
    member = EnterpriseUserFactory()

    participant = register_participant(
        fair=fair,
        organisation=member.organisation,
        by=member,
        city_name="dunedin",
        country="nz",
        sectors="7911, 85",
        languages=["EN"],
    )

    assert (participant.city_name, participant.country) == ("Dunedin", "NZ")
    assert participant.sectors == ["7911", "85"]
    assert participant.languages == ["en"]
    assert participant.status == ParticipantStatus.PENDING


def test_registry_place_fills_the_city():
    place = PlaceFactory()
    organiser = OrganiserFactory()
    member = EnterpriseUserFactory()

    participant = register_participant(
        fair=FairFactory(), organisation=member.organisation, by=organiser, place=place
    )

    assert (participant.city_name, participant.country) == (place.name_en, place.country)
    assert participant.status == ParticipantStatus.APPROVED


def test_unknown_sector_is_refused_naming_the_field():
    member = EnterpriseUserFactory()

    with pytest.raises(ValidationError) as error:
        register_participant(
            fair=FairFactory(),
            organisation=member.organisation,
            by=member,
            city_name="Shanghai",
            country="CN",
            sectors=["9999"],
        )

    assert "9999" in error.value.message_dict["sectors"][0]
    assert Participant.objects.count() == 0


def test_unknown_city_is_refused():
    member = EnterpriseUserFactory()

    with pytest.raises(ValidationError) as error:
        register_participant(
            fair=FairFactory(),
            organisation=member.organisation,
            by=member,
            city_name="Atlantis",
            country="NZ",
        )

    assert "city_name" in error.value.message_dict


def test_member_cannot_register_another_organisation():
    member = EnterpriseUserFactory()
    other = EnterpriseUserFactory()

    with pytest.raises(ValidationError) as error:
        register_participant(
            fair=FairFactory(), organisation=other.organisation, by=member, city_name="Shanghai"
        )

    assert "organisation" in error.value.message_dict


def test_blank_opportunity_is_refused_naming_the_title():
    participant = ParticipantFactory()

    with pytest.raises(ValidationError) as error:
        add_opportunity(participant, kind="offer", title="   ", text="")

    assert "title" in error.value.message_dict
    assert Opportunity.objects.count() == 0


def test_unknown_cooperation_type_is_refused():
    with pytest.raises(ValidationError) as error:
        add_opportunity(ParticipantFactory(), kind="offer", title="Buses", cooperation="piracy")

    assert "cooperation" in error.value.message_dict


def test_bad_update_changes_nothing():
    participant = ParticipantFactory(sectors=["4923"])

    with pytest.raises(ValidationError):
        update_profile(participant, description="New", sectors=["ZZ"])

    participant.refresh_from_db()
    assert (participant.description, participant.sectors) == ("A test enterprise.", ["4923"])


def test_a_typed_partner_city_links_the_registry_place():
    place = PlaceFactory(name_en="Dunedin", country="NZ")
    member = EnterpriseUserFactory()

    participant = register_participant(
        fair=FairFactory(),
        organisation=member.organisation,
        by=member,
        city_name="dunedin",
        country="NZ",
    )

    assert participant.place == place


def test_editing_the_city_replaces_the_registry_place():
    participant = ParticipantFactory(place=PlaceFactory(name_en="Dunedin", country="NZ"))

    update_profile(participant, city_name="Johannesburg", country="ZA")

    assert (participant.place, participant.city_name) == (None, "Johannesburg")
