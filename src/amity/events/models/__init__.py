"""Events, their venues, and the people who come: delegations, registrations, attendees."""

from amity.events.models.event import Event, EventKind, EventStatus, Venue
from amity.events.models.people import (
    Attendee,
    AttendeeRole,
    Delegation,
    Registration,
    RegistrationStatus,
    new_checkin_token,
)

__all__ = [
    "Attendee",
    "AttendeeRole",
    "Delegation",
    "Event",
    "EventKind",
    "EventStatus",
    "Registration",
    "RegistrationStatus",
    "Venue",
    "new_checkin_token",
]
