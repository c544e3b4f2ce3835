"""Actions on partnerships: recording and changing a relationship with the home city."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from amity.cities.domain.invariants import (
    field_code_problems,
    normalise_dates,
    require_choice,
    validate_partnership,
)
from amity.cities.models import (
    CooperationField,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Place,
    RelationshipKind,
)

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


def default_status_for(kind: str) -> str:
    """A new relationship is active, except one that so far only has a letter of intent."""
    if kind == RelationshipKind.LETTER_OF_INTENT:
        return PartnershipStatus.LOI_SIGNED
    return PartnershipStatus.ACTIVE


def _set_fields(partnership: Partnership, codes: Iterable[str]) -> None:
    wanted = set(codes)
    fields = list(CooperationField.objects.filter(code__in=wanted))
    for field, message in field_code_problems(wanted, (f.code for f in fields)):
        raise ValidationError({field: message})
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
    require_choice("kind", kind, RelationshipKind.values)
    partnership = Partnership(
        place=place,
        kind=kind,
        status=status or default_status_for(kind),
        level=level,
        home_district=(home_district or "").strip(),
        established_on=established_on,
        established_precision=established_precision,
        ended_on=ended_on,
        summary_en=summary_en,
        summary_zh=summary_zh,
        notes=notes,
        is_demo=is_demo,
    )
    normalise_dates(partnership)
    validate_partnership(partnership)
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
    normalise_dates(partnership)
    validate_partnership(partnership)
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
