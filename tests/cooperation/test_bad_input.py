"""Bad input is refused with a message naming the field, and nothing is saved; the database
constraints refuse it too when a path forgets the check."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from amity.cooperation import domain
from amity.cooperation.models import IndicatorValue, Milestone, Transfer
from tests.factories.cities import PlaceFactory
from tests.factories.cooperation import (
    IndicatorFactory,
    PracticeFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def test_milestone_ending_before_it_starts_is_refused_naming_the_end():
    project = ProjectFactory()

    with pytest.raises(ValidationError) as error:
        domain.add_milestone(
            project,
            title_en="Implementation plan",
            starts_on=datetime.date(2023, 9, 1),
            ends_on=datetime.date(2023, 8, 1),
        )

    assert list(error.value.message_dict) == ["ends_on"]
    assert Milestone.objects.count() == 0


def test_milestone_ending_before_it_starts_is_refused_by_the_database():
    project = ProjectFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.create(
            project=project,
            title_en="x",
            starts_on=datetime.date(2023, 9, 1),
            ends_on=datetime.date(2023, 8, 1),
        )


def test_indicator_value_without_a_date_is_refused_naming_the_date():
    indicator = IndicatorFactory()

    with pytest.raises(ValidationError) as error:
        domain.record_value(indicator, measured_on=None, value=12.5)

    assert list(error.value.message_dict) == ["measured_on"]
    assert IndicatorValue.objects.count() == 0


def test_indicator_value_without_a_date_is_refused_by_the_database():
    indicator = IndicatorFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(indicator=indicator, measured_on=None, value=1)


def test_transfer_from_a_city_to_itself_is_refused_naming_the_city():
    place = PlaceFactory()
    practice = PracticeFactory(place=place)

    with pytest.raises(ValidationError) as error:
        domain.record_transfer(practice, to_place=place, stage="interest")

    assert list(error.value.message_dict) == ["to_place"]
    assert Transfer.objects.count() == 0


def test_transfer_from_the_home_city_to_itself_is_refused():
    practice = PracticeFactory(place=None)

    with pytest.raises(ValidationError):
        domain.record_transfer(practice, to_place=None, stage="interest")

    assert Transfer.objects.count() == 0


@pytest.mark.parametrize("home_twice", [False, True])
def test_transfer_to_itself_is_refused_by_the_database(home_twice):
    place = None if home_twice else PlaceFactory()
    practice = PracticeFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Transfer.objects.create(practice=practice, from_place=place, to_place=place, stage="pilot")


def test_transfer_from_the_home_city_to_a_partner_is_recorded():
    practice = PracticeFactory(place=None)
    johannesburg = PlaceFactory(name_en="Johannesburg")

    transfer = domain.record_transfer(
        practice, to_place=johannesburg, stage="adopted", since=datetime.date(2011, 1, 1)
    )

    assert (transfer.from_place, transfer.to_place, transfer.since_precision) == (
        None,
        johannesburg,
        "day",
    )


def test_project_ending_before_it_starts_is_refused_and_not_saved():
    with pytest.raises(ValidationError) as error:
        domain.create_project(
            title_en="Corridor",
            starts_on=datetime.date(2022, 1, 28),
            ends_on=datetime.date(2021, 1, 1),
        )

    assert list(error.value.message_dict) == ["ends_on"]
