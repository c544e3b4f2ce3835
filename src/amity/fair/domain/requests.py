"""Meeting requests: send, accept, decline, withdraw, expire; an organiser's direct meeting.

Caps are counted under row locks on both participants (taken in id order, so two actions on
one pair cannot deadlock); the database's partial unique index is the last word on "one open
request per pair", and its violation becomes the same message as the check before it.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.accounts.models import User
from amity.audit.tracking import record_as_they_stand
from amity.fair.domain.notices import tell_participant
from amity.fair.models import (
    OPEN_STATES,
    Fair,
    Mark,
    MarkKind,
    MeetingRequest,
    Participant,
    ParticipantStatus,
    RequestPriority,
    RequestState,
)


def _lock(*participants: Participant) -> dict[int, Participant]:
    ids = sorted({p.pk for p in participants})
    locked = Participant.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    return {p.pk: p for p in locked}


def meeting_count(participant: Participant) -> int:
    return MeetingRequest.objects.filter(
        Q(sender=participant) | Q(receiver=participant), state=RequestState.ACCEPTED
    ).count()


def meeting_cap(participant: Participant, fair: Fair) -> int:
    return min(participant.max_meetings, fair.max_meetings)


def _check_room(participant: Participant, fair: Fair, field: str) -> None:
    if meeting_count(participant) >= meeting_cap(participant, fair):
        raise ValidationError(
            {
                field: _("%(name)s already has as many meetings as it can hold (%(cap)s).")
                % {"name": participant.name_en, "cap": meeting_cap(participant, fair)}
            }
        )


def _open_between(a: Participant, b: Participant) -> MeetingRequest | None:
    return MeetingRequest.objects.filter(
        Q(sender=a, receiver=b) | Q(sender=b, receiver=a), state__in=OPEN_STATES
    ).first()


def _pair_taken() -> ValidationError:
    return ValidationError(
        {"receiver": _("There is already an open request or a meeting between you two.")}
    )


def _check_can_send(sender: Participant, receiver: Participant, fair: Fair) -> None:
    if sender.pk == receiver.pk:
        raise ValidationError({"receiver": _("You cannot ask yourself for a meeting.")})
    if receiver.fair_id != sender.fair_id:
        raise ValidationError({"receiver": _("This participant is not at the same fair.")})
    if sender.status != ParticipantStatus.APPROVED:
        raise ValidationError({"sender": _("Your participation is not approved yet.")})
    if receiver.status != ParticipantStatus.APPROVED:
        raise ValidationError({"receiver": _("This participant is not approved yet.")})
    if fair.request_deadline and timezone.now() >= fair.request_deadline:
        raise ValidationError({"fair": _("The deadline for meeting requests has passed.")})
    if Mark.objects.filter(participant=receiver, target=sender, kind=MarkKind.NO_THANKS).exists():
        raise ValidationError(
            {"receiver": _("%(name)s does not wish to meet you.") % {"name": receiver.name_en}}
        )
    if _open_between(sender, receiver):
        raise _pair_taken()
    pending = MeetingRequest.objects.filter(sender=sender, state=RequestState.PENDING).count()
    if pending >= fair.max_pending_requests:
        raise ValidationError(
            {
                "sender": _(
                    "You already have %(count)s requests waiting for an answer, the most "
                    "this fair allows; withdraw one or wait for answers."
                )
                % {"count": pending}
            }
        )
    _check_room(sender, fair, "sender")
    _check_room(receiver, fair, "receiver")


@transaction.atomic
def send_request(
    *, sender: Participant, receiver: Participant, note: str = "", is_demo: bool = False
) -> MeetingRequest:
    locked = _lock(sender, receiver)
    sender, receiver = locked[sender.pk], locked[receiver.pk]
    fair = sender.fair
    _check_can_send(sender, receiver, fair)
    must_meet = Mark.objects.filter(
        participant=sender, target=receiver, kind=MarkKind.MUST_MEET
    ).exists()
    request = MeetingRequest(
        fair=fair,
        sender=sender,
        receiver=receiver,
        note=(note or "").strip(),
        priority=RequestPriority.MUST_MEET if must_meet else RequestPriority.ACCEPTED,
        expires_at=timezone.now() + timedelta(days=fair.request_expiry_days),
        is_demo=is_demo,
    )
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError:
        raise _pair_taken() from None
    tell_participant(receiver, "request_received", sender)
    return request


def _locked_request(request: MeetingRequest) -> tuple[MeetingRequest, Participant, Participant]:
    locked = _lock(request.sender, request.receiver)
    fresh = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    return fresh, locked[fresh.sender_id], locked[fresh.receiver_id]


def _require_pending(request: MeetingRequest) -> None:
    if request.state != RequestState.PENDING:
        raise ValidationError(
            {
                "state": _("This request is %(state)s, not pending.")
                % {"state": request.get_state_display()}
            }
        )


@transaction.atomic
def accept_request(request: MeetingRequest) -> MeetingRequest:
    request, sender, receiver = _locked_request(request)
    _require_pending(request)
    if request.expires_at and request.expires_at <= timezone.now():
        raise ValidationError({"state": _("This request has expired.")})
    fair = request.fair
    _check_room(receiver, fair, "receiver")
    _check_room(sender, fair, "sender")
    request.state = RequestState.ACCEPTED
    request.responded_at = timezone.now()
    request.save(update_fields=["state", "responded_at", "updated_at"])
    tell_participant(sender, "request_accepted", receiver)
    return request


@transaction.atomic
def decline_request(request: MeetingRequest, reason: str = "") -> MeetingRequest:
    request, sender, receiver = _locked_request(request)
    _require_pending(request)
    request.state = RequestState.DECLINED
    request.decline_reason = (reason or "").strip()
    request.responded_at = timezone.now()
    request.save(update_fields=["state", "decline_reason", "responded_at", "updated_at"])
    tell_participant(sender, "request_declined", receiver)
    return request


@transaction.atomic
def withdraw_request(request: MeetingRequest) -> MeetingRequest:
    request, sender, receiver = _locked_request(request)
    _require_pending(request)
    request.state = RequestState.WITHDRAWN
    request.save(update_fields=["state", "updated_at"])
    tell_participant(receiver, "request_withdrawn", sender)
    return request


def expire_requests(now=None) -> int:
    """Expire every pending request past its time; returns how many expired."""
    now = now or timezone.now()
    due = list(
        MeetingRequest.objects.filter(state=RequestState.PENDING, expires_at__lte=now)
        .select_related("sender", "receiver")
        .order_by("pk")
    )
    expired = 0
    for request in due:
        with transaction.atomic():
            updated = MeetingRequest.objects.filter(
                pk=request.pk, state=RequestState.PENDING
            ).update(state=RequestState.EXPIRED, updated_at=now)
            if updated:
                record_as_they_stand(MeetingRequest, [request.pk])
                expired += 1
                tell_participant(request.sender, "request_expired", request.receiver)
                tell_participant(request.receiver, "request_expired", request.sender)
    return expired


@transaction.atomic
def create_meeting(
    *, by: User, first: Participant, second: Participant, note: str = "", is_demo: bool = False
) -> MeetingRequest:
    """An organiser arranges a meeting directly: accepted at once, caps still hold."""
    if not by.is_organiser:
        raise ValidationError(_("Only organisers arrange meetings directly."))
    if first.pk == second.pk:
        raise ValidationError({"second": _("A participant cannot meet itself.")})
    locked = _lock(first, second)
    first, second = locked[first.pk], locked[second.pk]
    if first.fair_id != second.fair_id:
        raise ValidationError({"second": _("This participant is not at the same fair.")})
    if _open_between(first, second):
        raise _pair_taken()
    fair = first.fair
    _check_room(first, fair, "first")
    _check_room(second, fair, "second")
    meeting = MeetingRequest(
        fair=fair,
        sender=first,
        receiver=second,
        state=RequestState.ACCEPTED,
        priority=RequestPriority.ORGANISER,
        by_organiser=True,
        created_by=by,
        note=(note or "").strip(),
        responded_at=timezone.now(),
        is_demo=is_demo,
    )
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError:
        raise _pair_taken() from None
    tell_participant(first, "meeting_created", second)
    tell_participant(second, "meeting_created", first)
    return meeting
