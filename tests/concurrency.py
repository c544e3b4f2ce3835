"""Running domain actions at the same moment on separate database connections.

Each action runs in its own thread (so on its own connection); a barrier releases them together,
so the second really meets the first's row lock or constraint. Such tests run on PostgreSQL:
SQLite's in-memory test database answers "table is locked" at once instead of letting the second
writer wait, so they skip there with ``needs_waiting_writer`` (its constraints still guard it).
"""

import threading
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

needs_waiting_writer = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="needs a database server that lets the second writer wait",
)


def at_once(*actions: Callable[[], object]) -> tuple[list, list[ValidationError]]:
    """Run ``actions`` together; their results, and the ValidationErrors they raised."""
    results, errors = [], []
    barrier = threading.Barrier(len(actions))

    def run(action) -> None:
        try:
            barrier.wait()
            results.append(action())
        except ValidationError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors
