"""Events, delegations, registrations and attendees in the audit log (from ``ready()``)."""

from django.db.models import Q

from amity.audit.entries import Entry, history_entries
from amity.audit.tracking import track
from amity.events.models import Attendee, Delegation, Event, Registration

AUTOMATIC = ("created_at", "updated_at")


def register() -> None:
    track(Event, excluded_fields=AUTOMATIC)
    track(Delegation, excluded_fields=AUTOMATIC)
    track(Registration, excluded_fields=AUTOMATIC)
    # The check-in code is a secret printed on the badge: no copy of it outlives a new badge.
    track(Attendee, excluded_fields=(*AUTOMATIC, "checkin_token"))


def delegation_history(delegation: Delegation) -> list[Entry]:
    """The delegation and its members, for the delegation's page."""
    return history_entries(
        (Delegation, Q(id=delegation.pk)), (Attendee, Q(delegation_id=delegation.pk))
    )


def registration_history(registration: Registration) -> list[Entry]:
    return history_entries(
        (Registration, Q(id=registration.pk)), (Attendee, Q(registration_id=registration.pk))
    )


def event_history(event: Event) -> list[Entry]:
    return history_entries(
        (Event, Q(id=event.pk)),
        (Delegation, Q(event_id=event.pk)),
        (Registration, Q(event_id=event.pk)),
    )
