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

__all__ = ["ATTENDEE_FIELDS", "add_attendee", "register_organisation", "update_attendee"]
