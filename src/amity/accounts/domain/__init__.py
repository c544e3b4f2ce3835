"""Named actions on accounts. Pages, the API and other domains call these."""

from amity.accounts.domain.invitations import (
    accept_invitation,
    invitation_link,
    invite_person,
    user_for_invitation,
)

__all__ = ["accept_invitation", "invitation_link", "invite_person", "user_for_invitation"]
