"""Version numbers for cached copies: a number per scope in the shared cache (Redis in
production, so every app server agrees), raised whenever what the scope shows changes.

A cached copy carries the number in its key, so it is never served after a change: the next
reader finds no copy under the new number and renders one. Copies under old numbers are left
to expire. A number that was evicted starts again from the clock, in milliseconds, never from
1, so a copy under an old number cannot become current again.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db import transaction


class CacheVersion:
    """The version numbers of one kind of cached copy, e.g. the registry's pages or one
    fair's calendars (``scope`` tells the fairs apart)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def _key(self, scope: object) -> str:
        return f"{self.name}:version" if scope is None else f"{self.name}:{scope}:version"

    def current(self, scope: object = None) -> int:
        # A reader in this transaction may now cache what it sees: the next change in the
        # transaction must raise the number again (see ``changed``).
        _waiting().pop((self.name, scope), None)
        key = self._key(scope)
        version = cache.get(key)
        if version is None:
            cache.add(key, time.time_ns() // 1_000_000, timeout=None)
            version = cache.get(key, 1)
        return version

    def _raise(self, scope: object) -> None:
        key = self._key(scope)
        try:
            cache.incr(key)
        except ValueError:  # evicted (or never read): a fresh number from the clock
            self.current(scope)

    def changed(self, scope: object = None) -> None:
        """Every copy of ``scope`` is out of date: the number is raised now and again once the
        current transaction commits (a reader between the two would cache the old state under
        the first new number).

        Another change in the same transaction, with nobody in it reading the number between
        the two, needs nothing more: other connections see neither change before the commit,
        whose raise covers both. Without this a bulk write that sends a signal per row wrote
        the cache twice per row (12,000 re-placed meetings: 50 s)."""
        connection = transaction.get_connection()
        waiting = _waiting()
        key = (self.name, scope)
        if connection.in_atomic_block and _pending(connection, waiting.get(key)):
            return
        self._raise(scope)
        waiting[key] = callback = lambda: self._raise(scope)
        transaction.on_commit(callback)


def _waiting() -> dict:
    """This connection's commit-time raises, by (name, scope)."""
    return transaction.get_connection().__dict__.setdefault("amity_version_raises", {})


def _pending(connection, callback) -> bool:
    """Whether ``callback`` is among the current transaction's commit hooks (a rollback, of the
    transaction or of the savepoint that added it, drops it from there)."""
    if callback is None:
        return False
    return any(hook is callback for _ids, hook, _robust in connection.run_on_commit)
