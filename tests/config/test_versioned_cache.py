"""Cache version numbers: a change raises its scope's number at once and again at commit; many
changes in one transaction with no reader between them cost one raise now and one at commit."""

import pytest
from django.db import transaction

from amity.versioned_cache import CacheVersion

pytestmark = pytest.mark.django_db

VERSION = CacheVersion("test:versions")


def test_changes_in_one_transaction_raise_the_number_once_now_and_once_at_commit(
    django_capture_on_commit_callbacks,
):
    before = VERSION.current(7)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for _row in range(100):
            VERSION.changed(7)
        during = VERSION.current(7)
    assert len(callbacks) == 1
    assert before < during < VERSION.current(7)


def test_a_reader_between_two_changes_makes_the_second_raise_the_number_again():
    with transaction.atomic():
        VERSION.changed(8)
        read = VERSION.current(8)  # it may cache what it sees under this number
        VERSION.changed(8)
        assert VERSION.current(8) > read


def test_after_a_rolled_back_change_the_next_change_raises_the_number_again():
    before = VERSION.current(9)
    with transaction.atomic():
        try:
            with transaction.atomic():
                VERSION.changed(9)
                raise RuntimeError("the write fails")
        except RuntimeError:
            pass
        # Its commit-time raise went with the savepoint: this change must raise on its own.
        VERSION.changed(9)
        assert VERSION.current(9) == before + 2


def test_scopes_are_raised_apart():
    with transaction.atomic():
        first, second = VERSION.current(10), VERSION.current(11)
        VERSION.changed(10)
        VERSION.changed(11)
        VERSION.changed(10)
        assert VERSION.current(10) > first
        assert VERSION.current(11) > second
