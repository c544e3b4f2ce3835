"""Validation shared by the registry's actions."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def require_choice(field: str, value: str, choices: Iterable[str]) -> None:
    allowed = list(choices)
    if value not in allowed:
        raise ValidationError(
            {
                field: _("'%(value)s' is not one of %(allowed)s")
                % {"value": value, "allowed": ", ".join(allowed)}
            }
        )


def full_clean(instance, exclude: Iterable[str] = ()) -> None:
    # Model validation covers lengths, ranges and choices; unique checks run in the database.
    instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
