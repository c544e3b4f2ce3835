"""A participant's profile: registering, editing, approval, opportunities and representatives."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.accounts.models import Organisation, User
from amity.cities.models import Place
from amity.cities.world_cities import find_world_city
from amity.engine.matching import COOPERATION_TYPES
from amity.engine.matching.isic import ancestry, is_known, normalise_code
from amity.fair.models import (
    Fair,
    Opportunity,
    OpportunityKind,
    OrganisationSize,
    Participant,
    ParticipantStatus,
    Representative,
)

# The profile fields pages, the API and imports may set.
PROFILE_FIELDS = (
    "name_en",
    "name_zh",
    "place",
    "city_name",
    "country",
    "size",
    "sectors",
    "languages",
    "description",
    "max_meetings",
    "contact_email",
    "contact_phone",
    "website",
)
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def clean_sectors(raw: list[str] | str) -> list[str]:
    items = raw.replace(";", ",").split(",") if isinstance(raw, str) else list(raw)
    codes = [normalise_code(str(item)) for item in items if str(item).strip()]
    unknown = [code for code in codes if not is_known(code)]
    if unknown:
        raise ValidationError(
            {"sectors": _("Unknown ISIC sector code: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    return list(dict.fromkeys(codes))


def clean_languages(raw: list[str] | str) -> list[str]:
    items = raw.replace(";", ",").split(",") if isinstance(raw, str) else list(raw)
    codes = [str(item).strip().lower() for item in items if str(item).strip()]
    bad = [code for code in codes if not _LANGUAGE.match(code)]
    if bad:
        raise ValidationError(
            {
                "languages": _("Languages are ISO 639 codes such as en or zh, not %(codes)s.")
                % {"codes": ", ".join(bad)}
            }
        )
    return list(dict.fromkeys(codes))


def _apply_city(participant: Participant) -> None:
    """A registry place fills the city; otherwise the offline look-up must know the city."""
    if participant.place_id:
        place = participant.place or Place.objects.get(pk=participant.place_id)
        participant.city_name, participant.city_name_zh = place.name_en, place.name_zh
        participant.country = place.country
        participant.geonames_id = place.geonames_id
        return
    participant.country = (participant.country or "").strip().upper()
    registry = Place.objects.filter(
        name_en__iexact=participant.city_name.strip(), country=participant.country
    ).first()
    if registry is not None:
        # A partner city typed by name is linked to its registry record.
        participant.place = registry
        _apply_city(participant)
        return
    if not participant.city_name.strip():
        raise ValidationError({"city_name": _("Give the city.")})
    if not participant.country:
        raise ValidationError({"country": _("Give the country (two letters, e.g. NZ).")})
    city = find_world_city(participant.city_name, participant.country)
    if city is None:
        raise ValidationError(
            {
                "city_name": _("%(city)s is not a known city of %(country)s.")
                % {"city": participant.city_name, "country": participant.country}
            }
        )
    participant.city_name, participant.city_name_zh = city.name, city.name_zh
    participant.geonames_id = city.geonames_id


def _set_fields(participant: Participant, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in sorted(unknown)})
    if ("city_name" in fields or "country" in fields) and "place" not in fields:
        # A typed city replaces the linked registry place; _apply_city links it again.
        participant.place = None
    for name, value in fields.items():
        if name == "sectors":
            value = clean_sectors(value)
        elif name == "languages":
            value = clean_languages(value)
        elif name == "place":
            participant.place = value
            continue
        elif isinstance(value, str):
            value = value.strip()
        setattr(participant, name, value)
    if not participant.name_en:
        raise ValidationError({"name_en": _("Give the organisation's name in English.")})
    if participant.size and participant.size not in OrganisationSize.values:
        raise ValidationError({"size": _("Choose a size from the list.")})
    _apply_city(participant)
    fill_indexes(participant)
    participant.full_clean(
        exclude=["fair", "organisation", "place", "sectors", "languages"],
        validate_unique=False,
        validate_constraints=False,
    )


def fill_indexes(participant: Participant) -> None:
    codes = {level for code in participant.sectors for level in ancestry(code).values()}
    participant.sector_index = f" {' '.join(sorted(codes))} " if codes else ""
    languages = participant.languages
    participant.language_index = f" {' '.join(languages)} " if languages else ""


def _registration_open(fair: Fair) -> bool:
    now = timezone.now()
    return (fair.registration_opens_at is None or fair.registration_opens_at <= now) and (
        fair.registration_closes_at is None or now < fair.registration_closes_at
    )


def _mark_stale(fair_id: int) -> None:
    Fair.objects.filter(pk=fair_id).update(recommendations_stale=True)


@transaction.atomic
def register_participant(
    *, fair: Fair, organisation: Organisation, by: User, is_demo: bool = False, **fields: Any
) -> Participant:
    """The organisation's profile at ``fair``; organisers may register anyone at any time."""
    if not by.is_organiser:
        if by.organisation_id != organisation.pk:
            raise ValidationError({"organisation": _("You can register your own organisation.")})
        if not _registration_open(fair):
            raise ValidationError({"fair": _("Registration for this fair is not open.")})
    if Participant.objects.filter(fair=fair, organisation=organisation).exists():
        raise ValidationError({"organisation": _("This organisation is already registered.")})
    fields.setdefault("name_en", organisation.name_en)
    fields.setdefault("name_zh", organisation.name_zh)
    fields.setdefault("max_meetings", fair.max_meetings)
    approved = by.is_organiser or not fair.approval_required
    participant = Participant(
        fair=fair,
        organisation=organisation,
        is_demo=is_demo,
        status=ParticipantStatus.APPROVED if approved else ParticipantStatus.PENDING,
    )
    _set_fields(participant, fields)
    try:
        with transaction.atomic():
            participant.save()
    except IntegrityError:
        raise ValidationError(
            {"organisation": _("This organisation is already registered.")}
        ) from None
    _mark_stale(fair.pk)
    return participant


@transaction.atomic
def update_profile(participant: Participant, **fields: Any) -> Participant:
    _set_fields(participant, fields)
    participant.save()
    _mark_stale(participant.fair_id)
    return participant


@transaction.atomic
def approve_participant(participant: Participant) -> Participant:
    from amity.fair.domain.notices import tell_participant

    if participant.status != ParticipantStatus.APPROVED:
        participant.status = ParticipantStatus.APPROVED
        participant.save(update_fields=["status", "updated_at"])
        tell_participant(participant, "approved", None)
        _mark_stale(participant.fair_id)
    return participant


def _clean_opportunity(opportunity: Opportunity) -> None:
    opportunity.title = (opportunity.title or "").strip()
    opportunity.text = (opportunity.text or "").strip()
    if opportunity.kind not in OpportunityKind.values:
        raise ValidationError({"kind": _("Choose offer, request or cooperation.")})
    if not opportunity.title:
        raise ValidationError({"title": _("Give the opportunity a title.")})
    if opportunity.cooperation and opportunity.cooperation not in COOPERATION_TYPES:
        raise ValidationError({"cooperation": _("Choose a cooperation type from the list.")})
    if opportunity.kind == OpportunityKind.COOPERATION and not opportunity.cooperation:
        raise ValidationError({"cooperation": _("Choose the kind of cooperation.")})
    opportunity.full_clean(exclude=["participant"], validate_constraints=False)


@transaction.atomic
def add_opportunity(
    participant: Participant,
    *,
    kind: str,
    title: str,
    text: str = "",
    cooperation: str = "",
    is_demo: bool = False,
) -> Opportunity:
    opportunity = Opportunity(
        participant=participant,
        kind=kind,
        title=title,
        text=text,
        cooperation=cooperation,
        is_demo=is_demo,
    )
    _clean_opportunity(opportunity)
    opportunity.save()
    _mark_stale(participant.fair_id)
    return opportunity


@transaction.atomic
def update_opportunity(opportunity: Opportunity, **fields: str) -> Opportunity:
    unknown = set(fields) - {"kind", "title", "text", "cooperation"}
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in sorted(unknown)})
    for name, value in fields.items():
        setattr(opportunity, name, value or "")
    _clean_opportunity(opportunity)
    opportunity.save()
    _mark_stale(opportunity.participant.fair_id)
    return opportunity


@transaction.atomic
def delete_opportunity(opportunity: Opportunity) -> None:
    fair_id = opportunity.participant.fair_id
    opportunity.delete()
    _mark_stale(fair_id)


@transaction.atomic
def add_representative(
    participant: Participant,
    *,
    name: str,
    title: str = "",
    email: str = "",
    phone: str = "",
    user: User | None = None,
    is_demo: bool = False,
) -> Representative:
    representative = Representative(
        participant=participant,
        name=(name or "").strip(),
        title=(title or "").strip(),
        email=(email or "").strip(),
        phone=(phone or "").strip(),
        user=user,
        is_demo=is_demo,
    )
    if not representative.name:
        raise ValidationError({"name": _("Give the representative's name.")})
    representative.full_clean(exclude=["participant", "user"])
    representative.save()
    return representative


@transaction.atomic
def remove_representative(representative: Representative) -> None:
    representative.delete()


def session_slots(fair: Fair, sessions=None) -> list[tuple[Any, list]]:
    """Every session of the fair with the start of each of its slots (index = position)."""
    sessions = list(fair.sessions.all()) if sessions is None else sessions
    return [
        (session, session.slot_starts(fair.slot_minutes, fair.pause_minutes))
        for session in sessions
    ]


@transaction.atomic
def set_unavailability(participant: Participant, slots: list[tuple[int, int]]) -> int:
    """Replace the participant's unavailable slots by ``slots`` ((session id, slot index)).

    Every slot is available unless listed; the whole list is checked before anything changes.
    Returns the number of unavailable slots.
    """
    from amity.fair.models import Unavailability

    fair = participant.fair
    known = {session.pk: len(starts) for session, starts in session_slots(fair)}
    wanted = set()
    for session_id, index in slots:
        if session_id not in known:
            raise ValidationError(
                {"slots": _("Session %(id)s is not a session of this fair.") % {"id": session_id}}
            )
        if not 0 <= index < known[session_id]:
            raise ValidationError(
                {
                    "slots": _("Session %(id)s has no slot %(slot)s.")
                    % {"id": session_id, "slot": index}
                }
            )
        wanted.add((session_id, index))
    participant.unavailable_slots.all().delete()
    Unavailability.objects.bulk_create(
        Unavailability(participant=participant, session_id=session_id, slot=index)
        for session_id, index in sorted(wanted)
    )
    return len(wanted)
