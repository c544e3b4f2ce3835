"""Registering a model for the audit log, and knowing who is acting.

The acting user is, in order: the one set with ``acting_as`` (background jobs, commands), or
the request's user (pages, and API calls: the token authentication sets ``request.user``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import simple_history
from django.db import connections, models, router
from django.utils import timezone
from simple_history.models import HistoricalRecords

_acting: ContextVar[Any] = ContextVar("amity_acting_user", default=None)

# Bulk writes insert history rows in batches this size (SQLite's parameter limit allows it).
BATCH = 500


@contextmanager
def acting_as(user) -> Iterator[None]:
    """Record changes made inside the block as made by ``user`` (None: nobody known)."""
    token = _acting.set(user if user is not None and user.is_authenticated else None)
    try:
        yield
    finally:
        _acting.reset(token)


def current_actor():
    """The user on whose behalf the current code runs, or None."""
    if (user := _acting.get()) is not None:
        return user
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _history_user(instance=None, request=None, **kwargs):
    return current_actor()


# How a page names a historical row of a model, when not by its name_en/name_zh or
# title_en/title_zh fields (``str()`` of a row may query its relations, once per row).
describers: dict[type[models.Model], Callable[[Any], str]] = {}


def track(
    model: type[models.Model],
    *,
    excluded_fields: Sequence[str] = (),
    describe: Callable[[Any], str] | None = None,
) -> None:
    """Keep a history of every save and delete of ``model`` (call once, from ``ready()``).

    Exclude derived columns and secrets (a check-in token must not outlive its rotation).
    ``describe(historical_row)`` names a row on pages (default: its name or title fields).
    """
    if describe is not None:
        describers[model] = describe
    simple_history.register(
        model,
        get_user=_history_user,
        excluded_fields=list(excluded_fields),
        # The history stays when the record is deleted: no cascade from the record.
        user_related_name="+",
    )


def record_bulk(
    model: type[models.Model], objects: Iterable[models.Model | dict], *, created: bool
) -> int:
    """History rows for records written by ``bulk_create``/``bulk_update`` (which send no
    signals), by the current actor; return how many.

    ``objects`` are saved instances with their primary keys, or dicts of their tracked
    columns (by attribute name, e.g. ``partnership_id``). The rows go in with one
    ``executemany`` per batch: building a model instance per history row would double the
    time of a 10,000-row import.
    """
    return _insert_history(model, objects, "+" if created else "~")


def delete_on_record(queryset: models.QuerySet) -> int:
    """Delete the records of ``queryset`` with one history row each ("deleted"), in bulk;
    return how many went.

    ``QuerySet.delete()`` sends a signal per row when the model is tracked, which costs an
    INSERT per row (12,000 re-placed meetings of a large fair: 15 s). This writes the history
    rows in batches and deletes with one statement, so no signal is sent: the caller says what
    the signals would have (a cache to refresh) and deletes rows that point at these first —
    the database's foreign keys refuse the transaction otherwise, and nothing is written.
    """
    model = queryset.model
    columns = [field.attname for field in model.history.model.tracked_fields]
    _insert_history(model, queryset.values(*columns).iterator(chunk_size=BATCH), "-")
    return queryset._raw_delete(queryset.db)


def _insert_history(
    model: type[models.Model], objects: Iterable[models.Model | dict], history_type: str
) -> int:
    history = model.history.model
    tracked = list(history.tracked_fields)
    connection = connections[router.db_for_write(history)]
    prepared = [_preparer(field, connection) for field in tracked]
    actor = current_actor()
    fixed = (
        connection.ops.adapt_datetimefield_value(timezone.now()),
        history_type,
        actor.pk if actor is not None else None,
    )
    key = tracked.index(model._meta.pk)
    rows = []
    for obj in objects:
        get = obj.get if isinstance(obj, dict) else functools.partial(getattr, obj)
        pairs = zip(tracked, prepared, strict=True)
        values = tuple(prepare(get(field.attname)) for field, prepare in pairs)
        if values[key] is not None:
            rows.append(values + fixed)
    if not rows:
        return 0
    meta = history._meta
    columns = [field.column for field in tracked] + [
        meta.get_field(name).column for name in ("history_date", "history_type", "history_user")
    ]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(meta.db_table),
        ", ".join(quote(column) for column in columns),
        ", ".join(["%s"] * len(columns)),
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])
    return len(rows)


def record_as_they_stand(
    model: type[models.Model], ids: Iterable[Any], *, created: bool = False
) -> int:
    """History rows for records just written with ``update()`` or ``bulk_create``, re-read as
    they now stand (by the current actor); return how many. Call it inside the write's
    transaction, after the write, so the history and the change commit together."""
    columns = [field.attname for field in model.history.model.tracked_fields]
    ids = list(ids)
    recorded = 0
    for start in range(0, len(ids), BATCH):
        rows = model._default_manager.filter(pk__in=ids[start : start + BATCH]).values(*columns)
        recorded += record_bulk(model, rows, created=created)
    return recorded


# Values the database driver takes as they are; other types go through the field.
_PLAIN = {
    "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "EmailField",
    "FloatField", "ForeignKey", "IntegerField", "PositiveBigIntegerField",
    "PositiveIntegerField", "PositiveSmallIntegerField", "SlugField", "SmallIntegerField",
    "TextField", "URLField",
}  # fmt: skip


def _preparer(field: models.Field, connection):
    if field.get_internal_type() in _PLAIN:
        return lambda value: value
    return functools.partial(_prepare_with_field, field, connection)


def _prepare_with_field(field: models.Field, connection, value):
    return field.get_db_prep_save(value, connection=connection)


def record_action(kind: str, subject: models.Model, **details: Any):
    """Put a domain action on record, by the current actor (see ``Action``)."""
    from amity.audit.models import Action

    return Action.objects.create(
        kind=kind,
        actor=current_actor(),
        subject_type=subject._meta.label,
        subject_id=str(subject.pk),
        details=details,
    )
