"""Who may do what, declared once and used by pages, the admin and the API alike."""

import rules


@rules.predicate
def is_organiser(user) -> bool:
    return bool(getattr(user, "is_organiser", False))


@rules.predicate
def is_enterprise_member(user) -> bool:
    return user.is_authenticated and user.role == "enterprise" and user.organisation_id is not None


@rules.predicate
def is_delegate(user) -> bool:
    return user.is_authenticated and user.role == "delegate"


rules.add_perm("accounts.manage_users", is_organiser)
