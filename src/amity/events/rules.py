"""Permissions of events and delegations, asked with the object by pages and the API alike.

The public sees published events and their programmes. A delegate sees and edits their own
delegation (the one of their partner place) and the events it goes to. Delegations' personal
data (phones, e-mails, needs, notes), registrations, badges and arrivals are organisers' work.
"""

import rules

from amity.accounts.rules import (
    is_delegate,
    is_delegate_of,
    is_enterprise_member,
    is_organiser,
)


@rules.predicate
def is_published(user, event) -> bool:
    return event is None or bool(event.is_published)


@rules.predicate
def has_delegation_to(user, event) -> bool:
    if event is None or not is_delegate(user):
        return False
    return event.delegations.filter(place_id=user.partner_place_id).exists()


rules.add_perm("events.view_event", is_organiser | is_published | has_delegation_to)
rules.add_perm("events.add_event", is_organiser)
rules.add_perm("events.change_event", is_organiser)
rules.add_perm("events.view_delegations", is_organiser)
rules.add_perm("events.add_delegation", is_organiser)
rules.add_perm("events.view_delegation", is_organiser | is_delegate_of)
rules.add_perm("events.change_delegation", is_organiser | is_delegate_of)
rules.add_perm("events.view_personal_data", is_organiser)
rules.add_perm("events.invite_delegation_head", is_organiser)
rules.add_perm("events.view_registrations", is_organiser)
rules.add_perm("events.print_badges", is_organiser)
rules.add_perm("events.view_arrivals", is_organiser)
rules.add_perm("events.print_invitation", is_organiser)
rules.add_perm("events.view_delegate_home", is_delegate)
# The same, for the menu (see base.html).
rules.add_rule("events.has_delegate_home", is_delegate)

# An enterprise member registers their own organisation for a published event.
rules.add_perm("events.register_organisation", (is_organiser | is_enterprise_member) & is_published)
