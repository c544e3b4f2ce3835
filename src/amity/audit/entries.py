"""A record's history as a page shows it: who, when, what, and each changed field before → after.

``history_entries((Partnership, Q(id=pk)), (Agreement, Q(partnership_id=pk)), …)`` reads the
historical rows of each source once (one query each, the acting user joined) and compares
each row with the previous row of the same record in Python.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import get_language, gettext, gettext_lazy, pgettext_lazy

from amity.audit.tracking import describers

ACTIONS = {
    "+": pgettext_lazy("audit log", "created"),
    "~": pgettext_lazy("audit log", "changed"),
    "-": pgettext_lazy("audit log", "deleted"),
}
NOBODY = gettext_lazy("the system")
EMPTY = "—"
# The newest entries shown on a page; older ones stay in the database and the admin.
DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Entry:
    when: datetime.datetime
    who: str
    action: str
    subject: str
    name: str
    changes: list[Change] = field(default_factory=list)


def shown(model_field: models.Field, value) -> str:
    """A stored value as a reader expects it (choices by label, dates localised)."""
    if value is None or value == "":
        return EMPTY
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if model_field.is_relation:
        return f"#{value}"
    return str(value)


def record_name(record, model: type[models.Model] | None = None) -> str:
    """The record's name: by the model's describer (see ``track``), else in the reader's
    language where it has one (``name_zh``/``title_zh``), else in English, else its id."""
    if model is not None and (describe := describers.get(model)) is not None:
        return describe(record)
    chinese = (get_language() or "").startswith("zh")
    for prefix in ("name", "title"):
        english, native = (
            getattr(record, f"{prefix}_en", None),
            getattr(record, f"{prefix}_zh", None),
        )
        if english is not None or native is not None:
            return (native if chinese and native else english or native or "") or f"#{record.id}"
    return f"#{record.id}"


def _actor(row) -> str:
    user = row.history_user
    if user is None:
        return str(NOBODY)
    return user.get_full_name() or user.get_username()


def _changes(tracked, before, after) -> list[Change]:
    changes = []
    for model_field in tracked:
        if model_field.primary_key:
            continue
        old = getattr(before, model_field.attname) if before is not None else None
        new = getattr(after, model_field.attname)
        if old != new and not (before is None and new in (None, "", False)):
            changes.append(
                Change(
                    str(model_field.verbose_name), shown(model_field, old), shown(model_field, new)
                )
            )
    return changes


def _entries_of(model: type[models.Model], condition: Q) -> list[Entry]:
    history = model.history.model
    rows = list(
        history.objects.filter(condition)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    subject = str(model._meta.verbose_name)
    entries = []
    previous_of_record = dict.fromkeys({row.id for row in rows})
    for row in rows:
        previous = previous_of_record[row.id]
        changes = [] if row.history_type == "-" else _changes(history.tracked_fields, previous, row)
        if row.history_type == "~" and previous is not None and not changes:
            # A save that changed nothing tracked (a re-import of the same file).
            previous_of_record[row.id] = row
            continue
        entries.append(
            Entry(
                when=row.history_date,
                who=_actor(row),
                action=str(ACTIONS.get(row.history_type, row.history_type)),
                subject=subject,
                name=record_name(row, model),
                changes=changes,
            )
        )
        previous_of_record[row.id] = row
    return entries


def history_entries(
    *sources: tuple[type[models.Model], Q], limit: int = DEFAULT_LIMIT
) -> list[Entry]:
    """The newest ``limit`` entries of the given records, newest first."""
    entries = [entry for model, condition in sources for entry in _entries_of(model, condition)]
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]


__all__ = ["Change", "Entry", "history_entries", "shown"]
