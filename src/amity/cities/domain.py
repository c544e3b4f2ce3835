"""Named actions on the registry. Pages, the API, the importer and the demo all call these.

Each action validates its input (ValidationError keyed by field name) and runs in a
transaction, so a failed action leaves nothing half-written.
"""

import datetime
import zoneinfo
from collections.abc import Iterable
from functools import cache

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from amity.cities.models import (
    Agreement,
    AgreementKind,
    Citation,
    Contact,
    ContactKind,
    CooperationField,
    DatePrecision,
    Exchange,
    ExchangeKind,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Place,
    PlaceKind,
    RelationshipKind,
    Source,
)
from amity.cities.world_cities import WorldCity, continent_of_country

# Fields of a partnership that update_partnership may change.
PARTNERSHIP_CHANGES = frozenset(
    {
        "kind",
        "status",
        "level",
        "home_district",
        "established_on",
        "established_precision",
        "ended_on",
        "summary_en",
        "summary_zh",
        "notes",
        "is_demo",
    }
)

# Fields of a place that update_place may change; the continent follows the country.
PLACE_CHANGES = frozenset(
    {
        "kind",
        "name_en",
        "name_zh",
        "country",
        "latitude",
        "longitude",
        "population",
        "time_zone",
        "geonames_id",
    }
)


def continent_for_country(code: str) -> str:
    """The continent code (AF, AS, EU, NA, OC, SA, AN) of an ISO 3166-1 alpha-2 country."""
    continent = continent_of_country(code or "")
    if continent is None:
        raise ValidationError(
            {
                "country": _("'%(value)s' is not an ISO 3166-1 alpha-2 country code")
                % {"value": code}
            }
        )
    return continent


def default_status_for(kind: str) -> str:
    """A new relationship is active, except one that so far only has a letter of intent."""
    if kind == RelationshipKind.LETTER_OF_INTENT:
        return PartnershipStatus.LOI_SIGNED
    return PartnershipStatus.ACTIVE


def _require_choice(field: str, value: str, choices: Iterable[str]) -> None:
    allowed = list(choices)
    if value not in allowed:
        raise ValidationError(
            {
                field: _("'%(value)s' is not one of %(allowed)s")
                % {"value": value, "allowed": ", ".join(allowed)}
            }
        )


def _full_clean(instance, exclude: Iterable[str] = ()) -> None:
    # Model validation covers lengths, ranges and choices; unique checks run in the database.
    instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)


@transaction.atomic
def find_or_create_place(
    *,
    name_en: str,
    country: str,
    kind: str = PlaceKind.CITY,
    name_zh: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    population: int | None = None,
    time_zone: str = "",
    world_city: WorldCity | None = None,
) -> Place:
    """The place with this English name, country and kind, created if it is new.

    A world city picked from the look-up supplies coordinates, population and time zone that
    the caller did not give.
    """
    country = (country or "").upper()
    place = Place.objects.filter(name_en=name_en.strip(), country=country, kind=kind).first()
    if place is not None:
        return place
    place = Place(
        name_en=name_en.strip(),
        name_zh=name_zh.strip(),
        country=country,
        kind=kind,
        continent=continent_for_country(country),
        latitude=latitude,
        longitude=longitude,
        population=population,
        time_zone=time_zone,
    )
    if world_city is not None:
        place.latitude = world_city.latitude if latitude is None else latitude
        place.longitude = world_city.longitude if longitude is None else longitude
        place.population = world_city.population if population is None else population
        place.time_zone = time_zone or world_city.time_zone
        place.geonames_id = world_city.geonames_id
    validate_place(place)
    place.save()
    return place


def validate_place(place: Place) -> None:
    """Raise ValidationError (keyed by field) if the place breaks a rule of the registry."""
    if (place.latitude is None) != (place.longitude is None):
        missing = "latitude" if place.latitude is None else "longitude"
        raise ValidationError({missing: _("give both coordinates or neither")})
    if place.time_zone and place.time_zone not in _time_zones():
        raise ValidationError(
            {
                "time_zone": _("'%(value)s' is not an IANA time zone such as Europe/Berlin")
                % {"value": place.time_zone}
            }
        )
    _full_clean(place)


@cache
def _time_zones() -> frozenset[str]:
    # available_timezones() walks the zoneinfo directory on every call.
    return frozenset(zoneinfo.available_timezones())


@transaction.atomic
def update_place(place: Place, **changes: object) -> Place:
    """Correct a place's names, country, kind, coordinates, population or time zone.

    The continent is derived again when the country changes. Coordinates come in pairs, so a
    change that leaves only one of them set is refused, as is a name, country and kind that
    another place already has (the registry would then hold the same city twice).
    """
    unknown = set(changes) - PLACE_CHANGES
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), _("cannot be changed here")))
    for name in ("name_en", "name_zh", "time_zone"):
        if isinstance(changes.get(name), str):
            changes[name] = changes[name].strip()
    if "country" in changes:
        changes["country"] = str(changes["country"] or "").upper()
        changes["continent"] = continent_for_country(changes["country"])
    # A refused change must not linger on the caller's instance either (a page re-rendered
    # after the error would show the rejected values as if they were saved).
    before = {name: getattr(place, name) for name in changes}
    try:
        for name, value in changes.items():
            setattr(place, name, value)
        validate_place(place)
        twin = Place.objects.filter(name_en=place.name_en, country=place.country, kind=place.kind)
        if twin.exclude(pk=place.pk).exists():
            raise ValidationError(
                {"name_en": _("another place already has this name, country and kind")}
            )
    except ValidationError:
        for name, value in before.items():
            setattr(place, name, value)
        raise
    place.save()
    return place


def _check_dates(partnership: Partnership) -> None:
    if partnership.established_on is None:
        partnership.established_precision = ""
    elif not partnership.established_precision:
        partnership.established_precision = DatePrecision.DAY
    if (
        partnership.established_on
        and partnership.ended_on
        and partnership.ended_on < partnership.established_on
    ):
        raise ValidationError({"ended_on": _("the end date is before the established date")})
    if partnership.level == PartnershipLevel.DISTRICT and not partnership.home_district:
        raise ValidationError(
            {"home_district": _("a district-level partnership names its district")}
        )


def _set_fields(partnership: Partnership, codes: Iterable[str]) -> None:
    wanted = set(codes)
    fields = list(CooperationField.objects.filter(code__in=wanted))
    unknown = wanted - {field.code for field in fields}
    if unknown:
        raise ValidationError(
            {"fields": _("unknown field codes: %(codes)s") % {"codes": ", ".join(sorted(unknown))}}
        )
    partnership.fields.set(fields)


@transaction.atomic
def record_partnership(
    *,
    place: Place,
    kind: str,
    status: str | None = None,
    level: str = PartnershipLevel.MUNICIPAL,
    home_district: str = "",
    established_on: datetime.date | None = None,
    established_precision: str = "",
    ended_on: datetime.date | None = None,
    fields: Iterable[str] = (),
    summary_en: str = "",
    summary_zh: str = "",
    notes: str = "",
    is_demo: bool = False,
) -> Partnership:
    """Record a new relationship between the home city and a place."""
    _require_choice("kind", kind, RelationshipKind.values)
    partnership = Partnership(
        place=place,
        kind=kind,
        status=status or default_status_for(kind),
        level=level,
        home_district=home_district.strip(),
        established_on=established_on,
        established_precision=established_precision,
        ended_on=ended_on,
        summary_en=summary_en,
        summary_zh=summary_zh,
        notes=notes,
        is_demo=is_demo,
    )
    _check_dates(partnership)
    _full_clean(partnership)
    if Partnership.objects.filter(
        place=place, level=partnership.level, home_district=partnership.home_district
    ).exists():
        raise ValidationError(
            {"place": _("%(place)s already has a partnership at this level") % {"place": place}}
        )
    partnership.save()
    _set_fields(partnership, fields)
    return partnership


@transaction.atomic
def update_partnership(
    partnership: Partnership, *, fields: Iterable[str] | None = None, **changes: object
) -> Partnership:
    """Change the given attributes (and the fields of cooperation when `fields` is given)."""
    unknown = set(changes) - PARTNERSHIP_CHANGES
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), _("cannot be changed here")))
    for name, value in changes.items():
        setattr(partnership, name, value)
    if isinstance(partnership.home_district, str):
        partnership.home_district = partnership.home_district.strip()
    _check_dates(partnership)
    _full_clean(partnership)
    # Moving a partnership to a level (or district) the place already has a partnership at
    # would break the unique constraint: say so instead of failing in the database.
    clash = Partnership.objects.filter(
        place=partnership.place_id,
        level=partnership.level,
        home_district=partnership.home_district,
    ).exclude(pk=partnership.pk)
    if clash.exists():
        raise ValidationError(
            {
                "level": _("%(place)s already has a partnership at this level")
                % {"place": partnership.place}
            }
        )
    partnership.save()
    if fields is not None:
        _set_fields(partnership, fields)
    return partnership


def _source(title: str, url: str = "") -> Source:
    title = title.strip()
    if not title:
        raise ValidationError({"source_title": _("a source needs a title")})
    source, _created = Source.objects.get_or_create(title=title, defaults={"url": url})
    return source


@transaction.atomic
def cite_fact(
    partnership: Partnership,
    fact: str,
    value: str,
    source_title: str,
    note: str = "",
    url: str = "",
) -> Citation:
    """Record that a source states a fact; a conflicting statement is kept beside the others."""
    _require_choice("fact", fact, Citation.Fact.values)
    citation, _created = Citation.objects.update_or_create(
        partnership=partnership,
        fact=fact,
        source=_source(source_title, url),
        value=value.strip(),
        defaults={"note": note.strip()},
    )
    return citation


@transaction.atomic
def add_agreement(
    partnership: Partnership,
    *,
    kind: str,
    title: str,
    signed_on: datetime.date | None = None,
    signatories: str = "",
    summary: str = "",
    document: File | None = None,
    source_title: str = "",
    is_demo: bool = False,
) -> Agreement:
    _require_choice("kind", kind, AgreementKind.values)
    if signed_on and partnership.ended_on and signed_on > partnership.ended_on:
        raise ValidationError({"signed_on": _("the partnership had already ended")})
    agreement = Agreement(
        partnership=partnership,
        kind=kind,
        title=title.strip(),
        signed_on=signed_on,
        signatories=signatories,
        summary=summary,
        source=_source(source_title) if source_title else None,
        is_demo=is_demo,
    )
    if document is not None:
        agreement.document = document
    _full_clean(agreement, exclude=["document"] if document is None else [])
    agreement.save()
    return agreement


@transaction.atomic
def record_exchange(
    partnership: Partnership,
    *,
    kind: str,
    title_en: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    title_zh: str = "",
    description: str = "",
    delegation_head: str = "",
    delegation_size: int | None = None,
    source_title: str = "",
    is_demo: bool = False,
) -> Exchange:
    """Put a visit, an event or an anniversary on the partnership's timeline."""
    _require_choice("kind", kind, ExchangeKind.values)
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("the exchange ends before it starts")})
    exchange = Exchange(
        partnership=partnership,
        kind=kind,
        title_en=title_en.strip(),
        title_zh=title_zh.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
        delegation_head=delegation_head,
        delegation_size=delegation_size,
        source=_source(source_title) if source_title else None,
        is_demo=is_demo,
    )
    _full_clean(exchange)
    exchange.save()
    return exchange


@transaction.atomic
def add_contact(
    partnership: Partnership,
    *,
    name: str,
    kind: str = ContactKind.REPRESENTATIVE,
    position: str = "",
    organisation: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
    languages: Iterable[str] = (),
    protocol_notes: str = "",
    is_demo: bool = False,
) -> Contact:
    """Add a person or office to a partnership; languages are BCP 47 codes such as "en"."""
    _require_choice("kind", kind, ContactKind.values)
    codes = [code.strip() for code in languages if code.strip()]
    if any(not code.replace("-", "").isalnum() for code in codes):
        raise ValidationError({"languages": _("use language codes such as en, zh, lo")})
    contact = Contact(
        partnership=partnership,
        kind=kind,
        name=name.strip(),
        position=position,
        organisation=organisation,
        email=email,
        phone=phone,
        address=address,
        languages=", ".join(codes),
        protocol_notes=protocol_notes,
        is_demo=is_demo,
    )
    _full_clean(contact)
    contact.save()
    return contact
