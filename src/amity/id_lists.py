"""``column IN (many ids)`` as one query parameter, for id lists of any length.

Django writes ``__in=[...]`` with a parameter per id; PostgreSQL takes at most 65,535 in one
statement, so a filter by the participants of a large fair (two lists of 20,000) fails there.
``InIds(F("sender_id"), ids)`` passes the whole list as one value: an array on PostgreSQL
(``= ANY(%s)``), a JSON text on SQLite (``IN (SELECT value FROM json_each(%s))``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.db.models import Lookup


class InIds(Lookup):
    """Whether the column's value is one of the given integer ids. Use it in ``filter()`` or
    ``exclude()``: ``queryset.exclude(InIds(F("sender_id"), unable))``."""

    lookup_name = "in_ids"
    prepare_rhs = False

    def __init__(self, lhs, ids: Iterable[int]) -> None:
        super().__init__(lhs, [int(pk) for pk in ids])

    def get_db_prep_lookup(self, value, connection):
        if connection.vendor == "postgresql":
            return "%s", [value]
        return "%s", [json.dumps(value)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]
        return f"{lhs} IN (SELECT value FROM json_each({rhs}))", [*lhs_params, *rhs_params]
