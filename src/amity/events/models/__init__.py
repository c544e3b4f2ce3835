"""Events, their venues, and the people who come: delegations, registrations, attendees."""

from amity.events.models.event import Event, EventKind, EventStatus, Venue
from amity.events.models.people import (
    Attendee,
    AttendeeRole,
    Delegation,
    InvitationStatus,
    Registration,
    RegistrationStatus,
    new_checkin_token,
)
from amity.events.models.programme import Session, SessionKind, Speaker

__all__ = [
    "Attendee",
    "AttendeeRole",
    "Delegation",
    "Event",
    "EventKind",
    "EventStatus",
    "InvitationStatus",
    "Registration",
    "RegistrationStatus",
    "Session",
    "SessionKind",
    "Speaker",
    "Venue",
    "new_checkin_token",
]
