"""Every route of the project: the URL conf's named patterns and the API schema's operations.

Names follow the permission-matrix convention (HELPERS.md): a page is ``"namespace:name"``, an
API operation ``"METHOD /api/v1/path"`` with the path as the OpenAPI schema writes it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

TESTS = Path(__file__).resolve().parent.parent
HTTP_METHODS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}


def _walk(patterns, namespace: str = "", prefix: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            space = ":".join(part for part in (namespace, inner) if part)
            yield from _walk(entry.url_patterns, space, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield name, prefix + str(entry.pattern)


def url_routes() -> dict[str, str]:
    """Page routes: their full name -> pattern. Unnamed patterns are named by their pattern."""
    routes = {}
    for name, pattern in _walk(get_resolver().url_patterns):
        routes[name or f"<unnamed> {pattern}"] = pattern
    return routes


def api_operations() -> set[str]:
    from amity.api.urls import api

    schema = api.get_openapi_schema()
    return {
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
        if method in HTTP_METHODS
    }


def matrix_modules() -> list[Path]:
    # A domain may split its matrix (tests/fair/test_permission_matrix_schedule.py).
    return sorted(TESTS.rglob("test_permission_matrix*.py"))


def covered_routes() -> dict[str, set[str]]:
    """Each matrix module's COVERED_ROUTES, by its path under tests/."""
    covered = {}
    for path in matrix_modules():
        relative = path.relative_to(TESTS.parent).with_suffix("")
        module = importlib.import_module(".".join(relative.parts))
        covered[str(path.relative_to(TESTS))] = set(module.COVERED_ROUTES)
    return covered
