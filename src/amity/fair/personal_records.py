"""The fair's part of a person's data (see ``amity.accounts.personal_data``): the
representatives they were (name, title, e-mail, phone) and the participants whose contact
details were theirs.

What counts stays: which firm took part, its requests, meetings and outcomes.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from amity.accounts.personal_data import ERASED, PersonalData, register, scrub_history
from amity.fair.models import Participant, Representative

REPRESENTATIVE_PERSONAL = {"name": ERASED, "title": "", "email": "", "phone": ""}
CONTACT_PERSONAL = {"contact_email": "", "contact_phone": ""}


def representations_of(person) -> QuerySet[Representative]:
    """By account, or by e-mail address where the representative had none."""
    mine = Q(user=person)
    if person.email:
        mine |= Q(email__iexact=person.email)
    return Representative.objects.filter(mine).select_related("participant__fair__event")


def contacts_of(person) -> QuerySet[Participant]:
    if not person.email:
        return Participant.objects.none()
    return Participant.objects.filter(contact_email__iexact=person.email).select_related(
        "fair__event"
    )


def export_fair_data(person) -> list[dict]:
    rows = [
        {
            "fair": r.participant.fair.event.name_en,
            "as": "representative",
            "participant": r.participant.name_en,
            **{name: getattr(r, name) for name in REPRESENTATIVE_PERSONAL},
        }
        for r in representations_of(person).order_by("participant__fair_id", "id")
    ]
    rows += [
        {
            "fair": p.fair.event.name_en,
            "as": "contact",
            "participant": p.name_en,
            **{name: getattr(p, name) for name in CONTACT_PERSONAL},
        }
        for p in contacts_of(person).order_by("fair_id", "id")
    ]
    return rows


def erase_fair_data(person) -> int:
    representatives = list(
        representations_of(person)
        .exclude(name=ERASED, email="", user=None)
        .values_list("id", flat=True)
    )
    Representative.objects.filter(id__in=representatives).update(
        **REPRESENTATIVE_PERSONAL, user=None
    )
    scrub_history(Representative, representatives, {**REPRESENTATIVE_PERSONAL, "user": None})
    contacts = list(contacts_of(person).values_list("id", flat=True))
    Participant.objects.filter(id__in=contacts).update(**CONTACT_PERSONAL)
    scrub_history(Participant, contacts, CONTACT_PERSONAL)
    return len(representatives) + len(contacts)


def register_all() -> None:
    register(
        PersonalData(
            key="fair.representatives",
            label=_("Matching fair: representatives and contact details"),
            export=export_fair_data,
            erase=erase_fair_data,
        )
    )
