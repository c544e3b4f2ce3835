"""A small fair ready to schedule: one morning of slots, tables, accepted requests."""

from datetime import UTC, datetime

from amity.fair.domain.schedule import sync_slots
from amity.fair.models import FairSession, RequestState, SessionPart, Table
from tests.factories.fair import FairFactory, MeetingRequestFactory, ParticipantFactory


def small_fair(*, participants: int = 4, tables: int = 2, slot_minutes: int = 20):
    """A fair with a 09:00–10:40 morning (4 slots of 20 + 5), ``tables`` tables and every
    pair of the first participant with the others accepted."""
    fair = FairFactory(slot_minutes=slot_minutes, pause_minutes=5)
    FairSession.objects.create(
        fair=fair,
        part=SessionPart.MORNING,
        starts_at=datetime(2027, 5, 10, 1, 0, tzinfo=UTC),
        ends_at=datetime(2027, 5, 10, 2, 40, tzinfo=UTC),
    )
    for number in range(1, tables + 1):
        Table.objects.create(fair=fair, number=number)
    people = ParticipantFactory.create_batch(participants, fair=fair)
    requests = [
        MeetingRequestFactory(
            fair=fair, sender=people[0], receiver=other, state=RequestState.ACCEPTED
        )
        for other in people[1:]
    ]
    slots = sync_slots(fair)
    return fair, people, requests, slots
