"""Asking for a meeting about a practice "looking for partners" at the next matching fair.

The request itself is the fair's: this module finds the fair, the participants who can speak
for the practice's city and the asker's own participant, then calls the fair's one request
action (``send_request``), so caps, deadlines and "no thanks" marks hold as for any request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.accounts.rules import is_delegate, is_enterprise_member
from amity.cooperation.models import Practice
from amity.fair.domain.requests import send_request
from amity.fair.models import Fair, MeetingRequest, Participant, ParticipantStatus


def next_fair(today: date | None = None) -> Fair | None:
    """The matching fair that ends today or later and starts first."""
    today = today or timezone.localdate()
    return (
        Fair.objects.filter(event__ends_on__gte=today)
        .select_related("event")
        .order_by("event__starts_on", "pk")
        .first()
    )


def practice_hosts(practice: Practice, fair: Fair) -> QuerySet[Participant]:
    """The fair's approved participants from the practice's city (the home city when empty)."""
    participants = Participant.objects.filter(fair=fair, status=ParticipantStatus.APPROVED)
    if practice.place_id is not None:
        participants = participants.filter(place_id=practice.place_id)
    else:
        # Home-city participants are not registry places: they carry the city's name.
        participants = participants.filter(
            place__isnull=True,
            city_name__iexact=settings.AMITY_HOME_CITY,
            country=settings.AMITY_HOME_COUNTRY,
        )
    return participants.order_by("name_en", "pk")


def asking_participant(fair: Fair, user) -> Participant | None:
    """Whom the user asks as: their own organisation's participant at the fair.

    Only a member of the organisation speaks for it (as the fair's own request page has it);
    a delegate asks through the organisation their account belongs to.
    """
    if not (is_enterprise_member(user) or is_delegate(user)) or not user.organisation_id:
        return None
    return Participant.objects.filter(fair=fair, organisation_id=user.organisation_id).first()


def ask_about_practice(
    practice: Practice, *, user, receiver_id: int | None, note: str = ""
) -> MeetingRequest:
    """Send the fair's meeting request about ``practice``; every refusal names its field."""
    if not practice.looking_for_partners:
        raise ValidationError(
            {"practice": _("This practice is not looking for partners at the moment.")}
        )
    fair = next_fair()
    if fair is None:
        raise ValidationError(
            {"fair": _("There is no upcoming matching fair to meet at; ask again when one is set.")}
        )
    receiver = practice_hosts(practice, fair).filter(pk=receiver_id).first()
    if receiver is None:
        raise ValidationError(
            {"receiver": _("Choose one of the fair's participants from the practice's city.")}
        )
    sender = asking_participant(fair, user)
    if sender is None:
        raise ValidationError(
            {
                "sender": _(
                    "You have no participant at %(fair)s: register your organisation for the "
                    "fair first."
                )
                % {"fair": fair.name_en}
            }
        )
    title = practice.title_en or practice.title_zh
    about = _("About the practice “%(title)s”.") % {"title": title}
    return send_request(sender=sender, receiver=receiver, note=f"{about} {note.strip()}".strip())


@dataclass(frozen=True)
class MeetingOffer:
    """What a practice's page offers the reader: the fair, whom to meet, whom they ask as."""

    fair: Fair | None
    hosts: list[Participant]
    sender: Participant | None


def meeting_offer(practice: Practice, user) -> MeetingOffer | None:
    """None when the practice is not looking for partners (the page then offers nothing)."""
    if not practice.looking_for_partners:
        return None
    fair = next_fair()
    if fair is None:
        return MeetingOffer(None, [], None)
    return MeetingOffer(fair, list(practice_hosts(practice, fair)), asking_participant(fair, user))
