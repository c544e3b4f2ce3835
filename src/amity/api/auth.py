"""API authentication: the browser session (with CSRF) or a personal token."""

from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyHeader, SessionAuth
from ninja.utils import check_csrf


class OptionalSessionAuth(SessionAuth):
    """Session auth that lets anonymous visitors through; each endpoint applies the rules.

    CSRF protects a logged-in session, so it is checked only for one: an anonymous write gets
    the endpoint's 401, not a CSRF 403.
    """

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        exempt = getattr(request, "_ninja_csrf_exempt", False)
        if self.csrf and not exempt and check_csrf(request):
            raise HttpError(403, _("CSRF check failed: send the page's CSRF token (X-CSRFToken)"))
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
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
