"""The rules every path checks before saving, with messages naming the field.

The database constraints say the same (see the models); these checks answer first, in the
reader's language, so a form or an API client learns which field is wrong.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _

from amity.cities.domain.timeline import find_or_create_source


def require_title(values: dict, stem: str = "title") -> None:
    if (
        not (values.get(f"{stem}_en") or "").strip()
        and not (values.get(f"{stem}_zh") or "").strip()
    ):
        raise ValidationError(
            {f"{stem}_en": _("Give the English or the Chinese version (or both).")}
        )


def require_order(starts: date | None, ends: date | None, *, end_field: str) -> None:
    if starts is not None and ends is not None and ends < starts:
        raise ValidationError({end_field: _("The end must not be before the start.")})


def save_valid(record: Model) -> Model:
    """Validate every field and constraint, then save (callers hold the transaction)."""
    record.full_clean()
    record.save()
    return record


def with_source(values: dict) -> dict:
    """``source_title`` / ``source_url`` (as forms and the API send them) as a ``source``."""
    title = (values.pop("source_title", "") or "").strip()
    url = (values.pop("source_url", "") or "").strip()
    if title:
        values["source"] = find_or_create_source(title, url)
    return values
