"""Typed readers for the JSON formats' fields: each raises ``ProblemError`` naming the field.

``where`` is the field's path as the user wrote it (``meetings.priority (meeting m7)``), so the
CLI's one-line message points at the value to fix.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from amity.engine.scheduling.model import ProblemError


def as_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProblemError(f"{where}: expected an object")
    return value


def as_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ProblemError(f"{where}: expected a list")
    return value


def as_str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ProblemError(f"{where}: expected a non-empty string")
    return value


def as_int(value: Any, where: str, minimum: int = 0) -> int:
    # bool is an int in Python; "true" is never a sensible count.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ProblemError(f"{where}: expected an integer")
    if value < minimum:
        raise ProblemError(f"{where}: must be at least {minimum}, got {value}")
    return value


def unique_ids(items: list[dict[str, Any]], section: str) -> list[str]:
    ids = [as_str(item.get("id"), f"{section}[{n}].id") for n, item in enumerate(items)]
    for value, count in Counter(ids).items():
        if count > 1:
            raise ProblemError(f"{section}.id: duplicate id {value}")
    return ids


def slot_set(value: Any, where: str, known: set[str]) -> frozenset[str] | None:
    if value is None:
        return None
    result = []
    for n, sid in enumerate(as_list(value, where)):
        sid = as_str(sid, f"{where}[{n}]")
        if sid not in known:
            raise ProblemError(f"{where}: unknown slot {sid}")
        result.append(sid)
    return frozenset(result)


def languages(value: Any, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    return frozenset(as_str(x, f"{where}[{n}]") for n, x in enumerate(as_list(value, where)))
