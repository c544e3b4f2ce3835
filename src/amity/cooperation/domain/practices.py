"""Verbs of practices and their transfers between cities."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from amity.cities.models import CooperationField
from amity.cooperation.domain.checks import save_valid, with_source
from amity.cooperation.domain.invariants import (
    normalise_transfer,
    validate_practice,
    validate_transfer,
)
from amity.cooperation.models import Practice, Transfer


@transaction.atomic
def create_practice(*, fields: Iterable[CooperationField] = (), **values: Any) -> Practice:
    with_source(values)
    practice = Practice(**values)
    validate_practice(practice)
    save_valid(practice)
    practice.fields.set(fields)
    return practice


@transaction.atomic
def update_practice(
    practice: Practice, *, fields: Iterable[CooperationField] | None = None, **values: Any
) -> Practice:
    for name, value in with_source(values).items():
        setattr(practice, name, value)
    validate_practice(practice)
    save_valid(practice)
    if fields is not None:
        practice.fields.set(fields)
    return practice


def _check_transfer(transfer: Transfer) -> None:
    normalise_transfer(transfer)
    validate_transfer(transfer)


@transaction.atomic
def record_transfer(practice: Practice, **values: Any) -> Transfer:
    """Practice ``practice`` taken up by ``to_place`` from ``from_place`` (empty: home city)."""
    with_source(values)
    values.setdefault("from_place", practice.place)
    transfer = Transfer(practice=practice, **values)
    _check_transfer(transfer)
    return save_valid(transfer)


@transaction.atomic
def update_transfer(transfer: Transfer, **values: Any) -> Transfer:
    for name, value in with_source(values).items():
        setattr(transfer, name, value)
    _check_transfer(transfer)
    return save_valid(transfer)
