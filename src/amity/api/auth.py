"""API authentication: the browser session (with CSRF) or a personal token."""

from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyHeader, SessionAuth
from ninja.utils import check_csrf

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class OptionalSessionAuth(SessionAuth):
    """Session auth that lets anonymous visitors through; each endpoint applies the rules.

    CSRF protects a logged-in session, so it is checked only for one. An anonymous request may
    read (each endpoint's rules decide what); an anonymous write is a 401 before its body is
    even read (not a CSRF 403, not a 422 about the body).
    """

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        exempt = getattr(request, "_ninja_csrf_exempt", False)
        if self.csrf and not exempt and check_csrf(request):
            raise HttpError(403, _("CSRF check failed: send the page's CSRF token (X-CSRFToken)"))
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        if not request.user.is_authenticated and request.method not in SAFE_METHODS:
            return None
        return request.user


class TokenAuth(APIKeyHeader):
    param_name = "Authorization"

    def authenticate(self, request, key):
        from amity.accounts.tokens import user_for_token

        if not key or not key.startswith("Token "):
            return None
        user = user_for_token(key.removeprefix("Token ").strip())
        if user is None:
            # A wrong token must not quietly fall back to anonymous access.
            raise HttpError(401, _("invalid or revoked token"))
        request.user = user
        return user


api_auth = [TokenAuth(), OptionalSessionAuth(csrf=True)]
