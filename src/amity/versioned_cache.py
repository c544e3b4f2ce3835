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
        the first new number)."""
        self._raise(scope)
        transaction.on_commit(lambda: self._raise(scope))
