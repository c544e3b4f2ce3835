"""Every page and API operation is in some permission matrix, so a new route without a rule
fails here (issue 15).

Routes come from the URL resolver and the API's OpenAPI schema; the matrices are the
``COVERED_ROUTES`` sets of every ``tests/**/test_permission_matrix.py``. A route listed in a
matrix that no longer exists fails too (a renamed route must not leave a stale entry).
"""

from tests.permissions.routes import api_operations, covered_routes, url_routes

# Framework routes whose rules are the framework's own, listed once, each with its reason.
EXEMPT_NAMESPACES = {
    # The Django admin: its own staff login and model permissions; our ModelAdmins ask the
    # domain rules (tests/cities/test_admin.py, and the cities matrix's "admin" row).
    "admin",
    # The API's Django URL names: each operation is covered by its "METHOD /api/v1/…" name.
    "api",
}
EXEMPT_ROUTES = {
    # Django's i18n view: switches the language of anyone's session.
    "set_language",
    # The API's catch-all: any other address under /api/ answers a JSON 404.
    "<unnamed> ^api/(?P<rest>.*)$",
}
EXEMPT_PREFIXES = (
    # The admin's unnamed redirects (object id without /change/, the catch-all).
    "<unnamed> en/admin/",
)


def _exempt(route: str) -> bool:
    namespace = route.split(":", 1)[0] if ":" in route and " " not in route else ""
    return (
        namespace in EXEMPT_NAMESPACES
        or route in EXEMPT_ROUTES
        or route.startswith(EXEMPT_PREFIXES)
    )


def all_routes() -> set[str]:
    return {route for route in url_routes() if not _exempt(route)} | api_operations()


def test_every_route_is_in_a_permission_matrix():
    covered = set().union(*covered_routes().values())

    uncovered = sorted(all_routes() - covered)

    assert not uncovered, "routes in no tests/**/test_permission_matrix.py:\n" + "\n".join(
        uncovered
    )


def test_every_covered_route_exists():
    existing = set(url_routes()) | api_operations()

    stale = {
        module: sorted(routes - existing)
        for module, routes in covered_routes().items()
        if routes - existing
    }

    assert not stale, stale


def test_the_matrices_are_found():
    assert {"cities/test_permission_matrix.py", "accounts/test_permission_matrix.py"} <= set(
        covered_routes()
    )
