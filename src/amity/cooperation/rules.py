"""Who may see and change cooperation records. Pages and the API ask these, with the object.

Organisers edit everything. A delegate of a partner city sees the projects their city takes
part in (published or not) and may add dated updates to them. Everyone else sees published
projects and practices, and the transfers of published practices.
"""

import rules

from amity.accounts.rules import is_delegate, is_enterprise_member, is_organiser


@rules.predicate
def is_published(user, obj) -> bool:
    return obj is not None and bool(obj.is_published)


@rules.predicate
def is_partner_delegate(user, project) -> bool:
    """The user is a delegate of a city that takes part in the project."""
    if project is None or not is_delegate(user):
        return False
    return project.partners.filter(partnership__place_id=user.partner_place_id).exists()


@rules.predicate
def practice_is_published(user, transfer) -> bool:
    return transfer is not None and bool(transfer.practice.is_published)


@rules.predicate
def is_looking_for_partners(user, practice) -> bool:
    return practice is not None and bool(practice.looking_for_partners)


rules.add_perm("cooperation.view_project", is_organiser | is_published | is_partner_delegate)
rules.add_perm("cooperation.add_project", is_organiser)
rules.add_perm("cooperation.change_project", is_organiser)
rules.add_perm("cooperation.add_update", is_organiser | is_partner_delegate)
rules.add_perm("cooperation.view_practice", is_organiser | is_published)
rules.add_perm("cooperation.add_practice", is_organiser)
rules.add_perm("cooperation.change_practice", is_organiser)
# An enterprise or a delegate asks for a meeting about it at the next fair (the fair's request).
rules.add_perm(
    "cooperation.ask_about_practice",
    (is_enterprise_member | is_delegate) & is_published & is_looking_for_partners,
)
rules.add_perm("cooperation.view_transfer", is_organiser | practice_is_published)
rules.add_perm("cooperation.add_transfer", is_organiser)
rules.add_perm("cooperation.change_transfer", is_organiser)
# The network and the lists are public; what they show is filtered by the same predicates.
rules.add_perm("cooperation.view_network", rules.always_allow)
rules.add_perm("cooperation.view_projects", rules.always_allow)
rules.add_perm("cooperation.view_practices", rules.always_allow)
# The admin: the organisers' back office (every action there, cooperation/admin.py).
rules.add_perm("cooperation.use_back_office", is_organiser)
# Who changed what, when (amity.audit): the office's own record.
rules.add_perm("cooperation.view_history", is_organiser)
# The yearly report is the office's own work product.
rules.add_perm("cooperation.view_report", is_organiser)
