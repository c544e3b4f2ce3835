"""Who may do what, declared once and used by pages, the admin and the API alike.

Every domain builds its rules from these predicates, so "my organisation" and "my delegation"
are one predicate each: ``is_member_of`` (an organisation, or anything with an
``organisation_id``) and ``is_delegate_of`` (a place, or anything with a ``place_id``).
"""

import rules

from amity.accounts.models import Role


@rules.predicate
def is_organiser(user) -> bool:
    return bool(getattr(user, "is_organiser", False))


@rules.predicate
def is_enterprise_member(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.role == Role.ENTERPRISE
        and user.organisation_id is not None
    )


@rules.predicate
def is_delegate(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.role == Role.DELEGATE
        and user.partner_place_id is not None
    )


def _organisation_id(obj) -> int | None:
    if obj is None:
        return None
    if obj._meta.label == "accounts.Organisation":
        return obj.pk
    return getattr(obj, "organisation_id", None)


def _place_id(obj) -> int | None:
    if obj is None:
        return None
    if obj._meta.label == "cities.Place":
        return obj.pk
    return getattr(obj, "place_id", None)


@rules.predicate
def is_member_of(user, obj) -> bool:
    """The user is an enterprise member of this organisation (or of the object's)."""
    organisation_id = _organisation_id(obj)
    return (
        organisation_id is not None
        and is_enterprise_member(user)
        and user.organisation_id == organisation_id
    )


@rules.predicate
def is_delegate_of(user, obj) -> bool:
    """The user is a delegate of this partner place (or of the object's place)."""
    place_id = _place_id(obj)
    return place_id is not None and is_delegate(user) and user.partner_place_id == place_id


@rules.predicate
def is_ordinary_member(user, person) -> bool:
    """The person is an enterprise member or delegate other than the user: organisers manage
    these; organisers and administrators are managed by an administrator."""
    return (
        person is not None
        and person.pk != user.pk
        and not person.is_superuser
        and person.role in (Role.ENTERPRISE, Role.DELEGATE)
    )


rules.add_perm("accounts.manage_users", is_organiser)
rules.add_perm("accounts.view_people", is_organiser)
rules.add_perm("accounts.invite_person", is_organiser)
rules.add_perm("accounts.deactivate_person", is_organiser & is_ordinary_member)
rules.add_perm("accounts.view_organisation", is_organiser | is_member_of)
# A person's data on request: exported and erased by organisers, for the people they manage.
rules.add_perm("accounts.export_personal_data", is_organiser & is_ordinary_member)
rules.add_perm("accounts.erase_personal_data", is_organiser & is_ordinary_member)
rules.add_perm("accounts.add_organisation", is_organiser)
rules.add_perm("accounts.change_organisation", is_organiser)
rules.add_perm("accounts.view_organisations", is_organiser)
