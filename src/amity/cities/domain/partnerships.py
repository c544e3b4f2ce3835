"""Actions on partnerships: recording and changing a relationship with the home city."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from amity.cities.domain.checks import full_clean, require_choice
from amity.cities.models import (
    CooperationField,
    DatePrecision,
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
    require_choice("kind", kind, RelationshipKind.values)
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
    full_clean(partnership)
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
    full_clean(partnership)
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
