"""Named actions on events. Pages, the API, imports, the admin and other domains call these.

Each action validates its input (ValidationError keyed by field name) and runs in a
transaction, so a failed action leaves nothing half-written.
"""

from amity.events.domain.attendees import (
    ATTENDEE_FIELDS,
    add_attendee,
    register_organisation,
    update_attendee,
)
from amity.events.domain.delegations import (
    invite_delegation_head,
    register_delegation,
    update_delegation,
)
from amity.events.domain.links import link_partnerships
from amity.events.domain.programme import add_speaker, save_event, save_session

__all__ = [
    "ATTENDEE_FIELDS",
    "add_attendee",
    "add_speaker",
    "invite_delegation_head",
    "link_partnerships",
    "register_delegation",
    "register_organisation",
    "save_event",
    "save_session",
    "update_attendee",
    "update_delegation",
]
