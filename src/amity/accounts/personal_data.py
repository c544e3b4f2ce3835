"""A person's data on request (China's PIPL, the EU's GDPR): export it, erase it.

Each domain that keeps personal data registers one ``PersonalData`` entry from its app's
``ready()``: an exporter (the person's records as rows of plain values), an eraser
(anonymise the person's records: clear names and contact details, keep what counts —
roles, attendance, dates — so that aggregates stay true) and, where the domain has a
retention period, an expirer (erase what has outlived it, for
``amity erase-expired-personal-data``). Fair and cooperation join with one module each.

Erasure is a domain action: one transaction, every domain's eraser, the personal fields of
the records' history rows too (the audit log must not keep what was erased), and one
``audit.Action`` naming who erased whom, with counts and no personal data.
"""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone

from amity.audit.tracking import acting_as, record_action

ERASED = "(erased)"
Rows = list[dict[str, object]]


@dataclass(frozen=True)
class PersonalData:
    key: str  # e.g. "events.attendances"
    label: object  # a lazy translated title of the export's section
    export: Callable[[models.Model], Rows]
    erase: Callable[[models.Model], int]  # returns how many records it anonymised
    # Erase what has outlived its retention (``now``); returns how many records.
    expire: Callable[[datetime.datetime], int] | None = None


_registry: dict[str, PersonalData] = {}


def register(entry: PersonalData) -> None:
    _registry[entry.key] = entry


def registered() -> list[PersonalData]:
    return list(_registry.values())


def export_person(person) -> dict[str, Rows]:
    """Every domain's records of the person, by section key."""
    return {entry.key: entry.export(person) for entry in registered()}


def erase_person(person, *, by) -> dict[str, int]:
    """Anonymise the person everywhere, all or nothing; put the erasure on record."""
    with transaction.atomic(), acting_as(by):
        # The domains above accounts first: they find the person's records by the account's
        # e-mail address, which the account's own eraser clears.
        counts = {entry.key: entry.erase(person) for entry in reversed(registered())}
        record_action("accounts.personal_data.erase", person, **counts)
    return counts


def erase_expired(now: datetime.datetime | None = None) -> dict[str, int]:
    """Each domain's retention applied at ``now``; each domain in its own transaction."""
    now = now or timezone.now()
    counts = {}
    for entry in registered():
        if entry.expire is not None:
            with transaction.atomic():
                counts[entry.key] = entry.expire(now)
    return counts


def scrub_history(model: type[models.Model], ids, values: dict[str, object]) -> None:
    """Overwrite the personal fields of the records' history rows with the erased values."""
    if hasattr(model, "history"):
        model.history.model.objects.filter(id__in=list(ids)).update(**values)


def as_json(data: dict[str, Rows]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode()


def as_xlsx(data: dict[str, Rows]) -> bytes:
    """One sheet per section, a header row of field names, text cells throughout."""
    from openpyxl import Workbook

    from amity.documents.spreadsheets import xlsx_text_row

    book = Workbook(write_only=True)
    for key, rows in data.items():
        sheet = book.create_sheet(title=key[:31])
        columns = list(dict.fromkeys(name for row in rows for name in row))
        sheet.append(xlsx_text_row(sheet, columns))
        for row in rows:
            sheet.append(xlsx_text_row(sheet, [row.get(name) for name in columns]))
    if not data:
        book.create_sheet(title="empty")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
