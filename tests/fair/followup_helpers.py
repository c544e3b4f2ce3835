"""A small fair with one meeting in the first slot and pairs still waiting to meet."""

from amity.fair.domain.schedule import add_meeting
from amity.fair.models import RequestState, Table
from tests.factories.accounts import EnterpriseUserFactory
from tests.factories.fair import MeetingRequestFactory
from tests.fair.schedule_helpers import small_fair


def waiting_fair():
    """p0 meets p1 in slot 0 at table 1; p0–p2, p0–p3, p2–p3 and p1–p4 are accepted and
    unscheduled; every participant has one enterprise member."""
    fair, people, requests, slots = small_fair(participants=5, tables=2)
    for one, other in ((2, 3), (1, 4)):
        requests.append(
            MeetingRequestFactory(
                fair=fair, sender=people[one], receiver=people[other], state=RequestState.ACCEPTED
            )
        )
    table = Table.objects.get(fair=fair, number=1)
    meeting = add_meeting(requests[0], slot=slots[0], table=table)
    members = [EnterpriseUserFactory(organisation=p.organisation) for p in people]
    return fair, people, requests, slots, meeting, members
