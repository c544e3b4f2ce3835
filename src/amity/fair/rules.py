"""Who may do what at a fair; pages and the API ask these with the object.

Private contact data of a participant (e-mail, phone, representatives' details) is for
organisers, the organisation's own members, and participants with an accepted meeting with it.
"""

import rules
from django.db.models import Q

from amity.accounts.rules import is_delegate, is_enterprise_member, is_member_of, is_organiser
from amity.fair.models import MeetingRequest, ParticipantStatus, RequestState


def _participant_of(obj):
    """The participant an object belongs to (a participant, an opportunity …)."""
    if obj is None:
        return None
    if obj._meta.label == "fair.Participant":
        return obj
    return getattr(obj, "participant", None)


@rules.predicate
def is_own_participant(user, obj) -> bool:
    participant = _participant_of(obj)
    return participant is not None and is_member_of(user, participant)


@rules.predicate
def is_approved(user, obj) -> bool:
    participant = _participant_of(obj)
    return participant is not None and participant.status == ParticipantStatus.APPROVED


@rules.predicate
def has_accepted_meeting_with(user, obj) -> bool:
    participant = _participant_of(obj)
    if participant is None or not is_enterprise_member(user):
        return False
    return MeetingRequest.objects.filter(
        Q(sender=participant, receiver__organisation_id=user.organisation_id)
        | Q(receiver=participant, sender__organisation_id=user.organisation_id),
        state=RequestState.ACCEPTED,
    ).exists()


@rules.predicate
def is_receiver_member(user, request) -> bool:
    return request is not None and is_member_of(user, request.receiver)


@rules.predicate
def is_sender_member(user, request) -> bool:
    return request is not None and is_member_of(user, request.sender)


@rules.predicate
def is_party_member(user, request) -> bool:
    return request is not None and (
        is_member_of(user, request.sender) or is_member_of(user, request.receiver)
    )


can_browse = is_organiser | is_enterprise_member | is_delegate

rules.add_perm("fair.view_fair", can_browse)
rules.add_perm("fair.manage_fair", is_organiser)
rules.add_perm("fair.register", is_organiser | is_enterprise_member)
rules.add_perm(
    "fair.view_participant", is_organiser | is_own_participant | (can_browse & is_approved)
)
rules.add_perm("fair.view_contact", is_organiser | is_own_participant | has_accepted_meeting_with)
rules.add_perm("fair.change_participant", is_organiser | is_own_participant)
rules.add_perm("fair.approve_participant", is_organiser)
# Acting as the participant: sending requests, marking others, seeing its suggestions.
rules.add_perm("fair.act_for_participant", is_own_participant)
rules.add_perm("fair.view_suggestions", is_organiser | is_own_participant)
rules.add_perm("fair.view_request", is_organiser | is_party_member)
rules.add_perm("fair.answer_request", is_receiver_member)
rules.add_perm("fair.withdraw_request", is_sender_member)

# Part 2: the schedule, agendas and the day.
rules.add_perm("fair.manage_schedule", is_organiser)
rules.add_perm("fair.view_agenda", is_organiser | is_own_participant)


@rules.predicate
def is_meeting_side_member(user, meeting) -> bool:
    return meeting is not None and is_party_member(user, meeting.request)


rules.add_perm("fair.mark_meeting", is_organiser | is_meeting_side_member)
rules.add_perm("fair.record_outcome", is_meeting_side_member)
rules.add_perm("fair.view_outcome", is_organiser | is_meeting_side_member)

# Follow-up: a freed-slot offer is accepted by either side of the pair it was made to.


@rules.predicate
def is_offer_side_member(user, offer) -> bool:
    return offer is not None and is_party_member(user, offer.request)


rules.add_perm("fair.accept_offer", is_organiser | is_offer_side_member)
