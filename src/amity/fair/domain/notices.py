"""What the fair tells a participant's people, through ``amity.notifications``."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_noop

from amity.accounts.models import Role, User
from amity.fair.models import Participant
from amity.notifications.domain import notify

MESSAGES = {
    "approved": gettext_noop("%(name)s is approved for the fair: you can now ask for meetings."),
    "request_received": gettext_noop("%(other)s asks to meet you."),
    "request_accepted": gettext_noop("%(other)s accepted your meeting request."),
    "request_declined": gettext_noop("%(other)s declined your meeting request."),
    "request_withdrawn": gettext_noop("%(other)s withdrew its meeting request."),
    "request_expired": gettext_noop("The meeting request between you and %(other)s expired."),
    "meeting_created": gettext_noop("The organisers arranged a meeting with %(other)s."),
}


def people_of(participant: Participant) -> list[User]:
    """The organisation's enterprise members and the representatives with an account."""
    members = User.objects.filter(
        organisation_id=participant.organisation_id, role=Role.ENTERPRISE, is_active=True
    )
    represented = User.objects.filter(fair_representations__participant=participant, is_active=True)
    return list(members.union(represented))


def tell_participant(participant: Participant, what: str, other: Participant | None) -> None:
    try:
        url = reverse("fair:participant-home")
    except NoReverseMatch:
        url = ""
    params = {"name": participant.name_en, "name_zh": participant.name_zh}
    if other is not None:
        params |= {"other": other.name_en, "other_zh": other.name_zh}
    notify(people_of(participant), MESSAGES[what], url, **params)
