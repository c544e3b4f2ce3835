"""Managing people: who has which role, and deactivating and reactivating accounts.

Organisers manage enterprise members and delegates (the rules in accounts/rules.py say who
may do what to whom); administrators manage organisers in the admin.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.accounts.models import Role, User


class Standing:
    """Where an account stands, for the people list."""

    ACTIVE = "active"
    INVITED = "invited"
    DEACTIVATED = "deactivated"


def standing(person: User) -> str:
    if person.deactivated_at is not None:
        return Standing.DEACTIVATED
    if not person.is_active and not person.has_usable_password():
        return Standing.INVITED
    return Standing.ACTIVE if person.is_active else Standing.DEACTIVATED


def people(*, role: str = "", standing_filter: str = "") -> QuerySet[User]:
    """Everyone with a role (and the administrators), with what the list shows, in one query."""
    found = User.objects.select_related("organisation", "partner_place").order_by(
        "role", "last_name", "first_name", "username"
    )
    if role:
        found = found.filter(role=role)
    if standing_filter == Standing.DEACTIVATED:
        found = found.filter(deactivated_at__isnull=False)
    elif standing_filter == Standing.INVITED:
        found = found.filter(deactivated_at__isnull=True, is_active=False)
    elif standing_filter == Standing.ACTIVE:
        found = found.filter(deactivated_at__isnull=True, is_active=True)
    return found


@transaction.atomic
def deactivate_person(person: User, *, by: User) -> User:
    """The person can no longer log in or use a token, and an open invitation stops working."""
    if person.pk == by.pk:
        raise ValidationError({"person": _("You cannot deactivate your own account.")})
    person = User.objects.select_for_update().get(pk=person.pk)
    if person.deactivated_at is None:
        person.deactivated_at = timezone.now()
        person.is_active = False
        person.save(update_fields=["deactivated_at", "is_active"])
    return person


@transaction.atomic
def reactivate_person(person: User) -> User:
    """Undo a deactivation: an account with a password is active again; one that never set a
    password is a pending invitation again (invite the person to send a fresh link)."""
    person = User.objects.select_for_update().get(pk=person.pk)
    person.deactivated_at = None
    person.is_active = person.has_usable_password()
    person.save(update_fields=["deactivated_at", "is_active"])
    return person


def role_label(person: User) -> str:
    if person.is_superuser:
        return _("Administrator")
    return person.get_role_display() or _("no role")


__all__ = [
    "Role",
    "Standing",
    "deactivate_person",
    "people",
    "reactivate_person",
    "role_label",
    "standing",
]
