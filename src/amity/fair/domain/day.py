"""The fair's day: check-in by badge code, held / no-show marks, and each side's outcome."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.events.models import Attendee
from amity.fair.calendar_cache import meetings_written
from amity.fair.domain.freed_slots import offer_freed_slot, withdraw_freed_slot
from amity.fair.models import (
    Fair,
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    OutcomeRating,
    Participant,
)


def check_in(fair: Fair, code: str) -> tuple[Attendee, Participant | None]:
    """Check in the badge whose QR code is ``code``; a code of another event is refused."""
    code = (code or "").strip()
    attendee = (
        Attendee.objects.select_related("registration", "user").filter(checkin_token=code).first()
    )
    if attendee is None:
        raise ValidationError({"code": _("No badge has this code.")})
    if attendee.event_id != fair.event_id:
        raise ValidationError({"code": _("This badge belongs to another event.")})
    if attendee.checked_in_at is None:
        Attendee.objects.filter(pk=attendee.pk, checked_in_at__isnull=True).update(
            checked_in_at=timezone.now()
        )
        attendee.refresh_from_db(fields=["checked_in_at"])
    return attendee, participant_of(fair, attendee)


def participant_of(fair: Fair, attendee: Attendee) -> Participant | None:
    organisation_ids = []
    if attendee.registration_id:
        organisation_ids.append(attendee.registration.organisation_id)
    if attendee.user_id and attendee.user.organisation_id:
        organisation_ids.append(attendee.user.organisation_id)
    return Participant.objects.filter(fair=fair, organisation_id__in=organisation_ids).first()


def search_attendees(fair: Fair, text: str) -> list[Attendee]:
    """The manual fallback when a badge does not scan: by name, in either script."""
    text = (text or "").strip()
    if len(text) < 2:
        return []
    return list(
        Attendee.objects.filter(event_id=fair.event_id)
        .filter(Q(name_en__icontains=text) | Q(name_zh__icontains=text))
        .order_by("name_en")[:20]
    )


MARKABLE = {MeetingStatus.HELD, MeetingStatus.NO_SHOW, MeetingStatus.SCHEDULED}


def mark_meeting(meeting: Meeting, status: str) -> Meeting:
    """Held or no-show (or back to scheduled after a slip of the finger)."""
    if status not in MARKABLE:
        raise ValidationError({"status": _("Mark a meeting held or no-show.")})
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting cannot be marked."))
    with transaction.atomic():
        if status != MeetingStatus.HELD and meeting.outcomes.exists():
            raise ValidationError(_("This meeting already has an outcome; it was held."))
        was = meeting.status
        if was == MeetingStatus.NO_SHOW and status != was:
            # First, so a slot already given to a replacement refuses before anything changes.
            withdraw_freed_slot(meeting)
        changes = {"status": status, "updated_at": timezone.now()}
        if MeetingStatus.NO_SHOW in (was, status) and was != status:
            # The feed drops a no-show from calendars (and brings it back when undone); a
            # calendar applies an entry's change only with a higher SEQUENCE.
            changes["sequence"] = F("sequence") + 1
        Meeting.objects.filter(pk=meeting.pk).update(**changes)
        meetings_written(meeting.fair_id, [meeting.pk])
        meeting.status = status
        if "sequence" in changes:
            meeting.refresh_from_db(fields=["sequence"])
        if status == MeetingStatus.NO_SHOW and was != status:
            offer_freed_slot(meeting)
    return meeting


def record_outcome(
    meeting: Meeting, participant: Participant, rating: str, note: str = ""
) -> MeetingOutcome:
    """One side's answer; only a held meeting has an outcome. A second answer replaces it."""
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Only a meeting that was held can have an outcome."))
    if participant.pk not in (meeting.request.sender_id, meeting.request.receiver_id):
        raise ValidationError(_("Only the two sides of a meeting record its outcome."))
    if rating not in OutcomeRating.values:
        raise ValidationError({"rating": _("Choose one of the outcomes.")})
    outcome, _created = MeetingOutcome.objects.update_or_create(
        meeting=meeting, participant=participant, defaults={"rating": rating, "note": note[:2000]}
    )
    return outcome


def record_outcome_as(meeting: Meeting, user, rating: str, note: str = "") -> MeetingOutcome:
    """``record_outcome`` for the side ``user`` answers for: their organisation's participant."""
    side = Participant.objects.filter(
        pk__in=[meeting.request.sender_id, meeting.request.receiver_id],
        organisation_id=getattr(user, "organisation_id", None) or 0,
    ).first()
    if side is None:
        raise ValidationError(_("Only the two sides of a meeting record its outcome."))
    return record_outcome(meeting, side, rating, note)
