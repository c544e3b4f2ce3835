"""Named actions on the fair. Pages, the API, imports and the demo call these.

Each validates its input (ValidationError keyed by field) and runs in a transaction.
"""

from amity.fair.domain.marks import set_mark
from amity.fair.domain.profiles import (
    PROFILE_FIELDS,
    add_opportunity,
    add_representative,
    approve_participant,
    clean_languages,
    clean_sectors,
    delete_opportunity,
    register_participant,
    remove_representative,
    session_slots,
    set_unavailability,
    update_opportunity,
    update_profile,
)
from amity.fair.domain.requests import (
    accept_request,
    create_meeting,
    decline_request,
    expire_requests,
    meeting_cap,
    meeting_count,
    send_request,
    withdraw_request,
)
from amity.fair.domain.setup import (
    add_interpreter,
    add_session,
    add_table,
    create_fair,
    remove_interpreter,
    remove_session,
    remove_table,
    set_interpreter_languages,
    set_interpreter_sessions,
    update_fair,
)

__all__ = [
    "PROFILE_FIELDS",
    "accept_request",
    "add_interpreter",
    "add_opportunity",
    "add_representative",
    "add_session",
    "add_table",
    "approve_participant",
    "clean_languages",
    "clean_sectors",
    "create_fair",
    "create_meeting",
    "decline_request",
    "delete_opportunity",
    "expire_requests",
    "meeting_cap",
    "meeting_count",
    "register_participant",
    "remove_interpreter",
    "remove_representative",
    "remove_session",
    "remove_table",
    "send_request",
    "session_slots",
    "set_interpreter_languages",
    "set_interpreter_sessions",
    "set_mark",
    "set_unavailability",
    "update_fair",
    "update_opportunity",
    "update_profile",
    "withdraw_request",
]
