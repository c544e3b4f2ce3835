"""``InIds``: a filter by a list of ids passed as one parameter, so a list longer than
PostgreSQL's 65,535 parameters per statement works on both databases."""

import pytest
from django.db.models import F

from amity.accounts.models import User
from amity.id_lists import InIds
from tests.factories.accounts import OrganiserFactory

pytestmark = pytest.mark.django_db


def test_it_keeps_and_leaves_out_the_listed_rows_like_in():
    first, second, third = OrganiserFactory.create_batch(3)
    listed = [first.pk, third.pk]
    kept = User.objects.filter(InIds(F("pk"), listed))
    left = User.objects.exclude(InIds(F("pk"), listed))
    assert set(kept) == set(User.objects.filter(pk__in=listed)) == {first, third}
    assert set(left) == {second}


def test_an_empty_list_keeps_nothing_and_leaves_out_nothing():
    person = OrganiserFactory()
    assert list(User.objects.filter(InIds(F("pk"), []))) == []
    assert list(User.objects.exclude(InIds(F("pk"), []))) == [person]


def test_a_list_longer_than_the_parameter_limit_of_postgresql():
    person = OrganiserFactory()
    unknown = range(10**9, 10**9 + 70_000)
    assert list(User.objects.filter(InIds(F("pk"), [*unknown, person.pk]))) == [person]
    assert list(User.objects.exclude(InIds(F("pk"), unknown))) == [person]
