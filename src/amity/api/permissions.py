"""The API asks the same django-rules permissions as the pages."""

from django.http import HttpRequest
from ninja.errors import HttpError


def require_perm(request: HttpRequest, perm: str, obj: object | None = None) -> None:
    if request.user.has_perm(perm, obj):
        return
    if not request.user.is_authenticated:
        raise HttpError(401, "authentication required")
    raise HttpError(403, f"permission denied: {perm}")
