"""The accounts' part of a person's data (see ``personal_data``): the account itself, its
API tokens and who invited it."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.accounts.models import User
from amity.accounts.personal_data import PersonalData, register

ACCOUNT_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "role",
    "organisation_id",
    "partner_place_id",
    "preferred_language",
    "is_active",
    "date_joined",
    "last_login",
    "deactivated_at",
)


def export_account(person: User) -> list[dict]:
    row = {name: getattr(person, name) for name in ACCOUNT_FIELDS}
    row["organisation"] = str(person.organisation) if person.organisation_id else ""
    row["partner_place"] = str(person.partner_place) if person.partner_place_id else ""
    return [row]


def export_tokens(person: User) -> list[dict]:
    return list(person.api_tokens.values("name", "created_at", "last_used_at"))


def erase_account(person: User) -> int:
    """The account stays (others' records point at it) but names no one and opens nothing."""
    person.username = f"erased-{person.pk}"
    person.first_name = person.last_name = person.email = ""
    person.preferred_language = ""
    person.set_unusable_password()
    person.is_active = False
    person.deactivated_at = person.deactivated_at or timezone.now()
    person.save()
    return 1


def erase_tokens(person: User) -> int:
    deleted, _by_model = person.api_tokens.all().delete()
    return deleted


def register_all() -> None:
    register(
        PersonalData(
            key="accounts.account", label=_("Account"), export=export_account, erase=erase_account
        )
    )
    register(
        PersonalData(
            key="accounts.api_tokens",
            label=_("API tokens"),
            export=export_tokens,
            erase=erase_tokens,
        )
    )
