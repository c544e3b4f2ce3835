"""The API asks the same django-rules permissions as the pages."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError


def require_perm(request: HttpRequest, perm: str, obj: object | None = None) -> None:
    if request.user.has_perm(perm, obj):
        return
    if not request.user.is_authenticated:
        raise HttpError(401, _("authentication required"))
    raise HttpError(403, _("permission denied: %(permission)s") % {"permission": perm})
