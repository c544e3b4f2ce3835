"""Named actions on accounts. Pages, the API and other domains call these."""

from amity.accounts.domain.invitations import (
    accept_invitation,
    invitation_link,
    invite_person,
    user_for_invitation,
)
from amity.accounts.domain.people import (
    Standing,
    deactivate_person,
    people,
    reactivate_person,
    role_label,
    standing,
)

__all__ = [
    "Standing",
    "accept_invitation",
    "deactivate_person",
    "invitation_link",
    "invite_person",
    "people",
    "reactivate_person",
    "role_label",
    "standing",
    "user_for_invitation",
]
