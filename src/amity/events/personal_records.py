"""The events' part of a person's data (see ``amity.accounts.personal_data``): attendances
(badges, delegation memberships, registrations' people), and the delegation members'
retention: their names and contact details, and the delegation's travel and needs, are
erased ``AMITY_ERASE_DELEGATION_DATA_AFTER_DAYS`` after the event's last day.

What counts stays: who came in which role, checked in or not, from which partner city.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from amity.accounts.personal_data import ERASED, PersonalData, register, scrub_history
from amity.events.models import Attendee, Delegation, new_checkin_token

ATTENDEE_PERSONAL = {
    "name_en": ERASED,
    "name_zh": "",
    "name_native": "",
    "title_en": "",
    "title_zh": "",
    "email": "",
    "phone": "",
}
DELEGATION_PERSONAL = {
    "arrival_flight": "",
    "departure_flight": "",
    "hotel": "",
    "dietary_needs": "",
    "accessibility_needs": "",
    "protocol_notes": "",
}


def attendances_of(person) -> QuerySet[Attendee]:
    """The person's badges: by account, or by e-mail address where they had none yet."""
    mine = Q(user=person)
    if person.email:
        mine |= Q(email__iexact=person.email)
    return Attendee.objects.filter(mine).select_related(
        "event", "delegation__place", "registration__organisation"
    )


def export_attendances(person) -> list[dict]:
    rows = []
    for attendee in attendances_of(person).order_by("event__starts_on", "id"):
        row = {
            "event": attendee.event.name_en,
            "event_starts_on": attendee.event.starts_on,
            "role": attendee.role,
            **{name: getattr(attendee, name) for name in ATTENDEE_PERSONAL},
            "organisation_name": attendee.organisation_name,
            "checked_in_at": attendee.checked_in_at,
        }
        if attendee.delegation_id:
            row["delegation_of"] = attendee.delegation.place.name_en
            row.update({name: getattr(attendee.delegation, name) for name in DELEGATION_PERSONAL})
        if attendee.registration_id:
            row["registered_with"] = attendee.registration.organisation.name_en
        rows.append(row)
    return rows


def _anonymise(attendees: QuerySet[Attendee]) -> int:
    ids = list(attendees.exclude(name_en=ERASED, email="").values_list("id", flat=True))
    for pk in ids:
        # A new check-in code: a printed badge of the erased person opens nothing.
        Attendee.objects.filter(pk=pk).update(
            **ATTENDEE_PERSONAL, user=None, checkin_token=new_checkin_token()
        )
    scrub_history(Attendee, ids, {**ATTENDEE_PERSONAL, "user": None})
    return len(ids)


def erase_attendances(person) -> int:
    return _anonymise(attendances_of(person))


def expire_delegation_data(now: datetime.datetime) -> int:
    """Delegation members of events that ended more than the retention period ago."""
    days = settings.AMITY_ERASE_DELEGATION_DATA_AFTER_DAYS
    last_day = now.date() - datetime.timedelta(days=days)
    delegations = Delegation.objects.filter(event__ends_on__lt=last_day)
    erased = _anonymise(Attendee.objects.filter(delegation__in=delegations))
    needs = delegations.exclude(**DELEGATION_PERSONAL)
    ids = list(needs.values_list("id", flat=True))
    Delegation.objects.filter(id__in=ids).update(**DELEGATION_PERSONAL)
    scrub_history(Delegation, ids, DELEGATION_PERSONAL)
    return erased


def register_all() -> None:
    register(
        PersonalData(
            key="events.attendances",
            label=_("Attendances and delegation memberships"),
            export=export_attendances,
            erase=erase_attendances,
            expire=expire_delegation_data,
        )
    )
