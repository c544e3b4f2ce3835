"""Failed logins lock a username at one address, and an address only after many more failures.

django-axes counts the failures (every login form goes through Django's ``authenticate``: our
login page and the admin's). One person's typos lock that person's username from that address
for the cool-off time (``AMITY_LOGIN_RATE_LIMIT`` failures); everyone else behind the same
address (an office behind one reverse proxy) can still log in, until the address as a whole
has failed ``AMITY_LOGIN_ADDRESS_LIMIT`` times — a password-guessing run over many usernames.
The client address comes from ``amity.config.proxy.client_address`` (a trusted proxy header).
"""

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


class LoginLockBackend(AxesStandaloneBackend):
    """Refuses a locked-out login before any password is checked.

    An authentication without a request (the test client's ``login()``, a shell) has no
    address to count and passes unchecked; every login form passes its request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class UserAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler with a second, looser limit per address across usernames."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        by_user_here = super().get_failures(request, credentials)
        if address_failures(request) >= settings.AMITY_LOGIN_ADDRESS_LIMIT:
            return max(by_user_here, get_failure_limit(request, credentials))
        return by_user_here


def address_failures(request: HttpRequest) -> int:
    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
    )
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


def username_of(request: HttpRequest, credentials: dict | None) -> str:
    """The username as axes counts it: "Alice" and "alice " are one person's attempts."""
    return str((credentials or {}).get("username") or "").strip().lower()


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The login page again, with a message in the reader's language, as 429."""
    from django.contrib.auth.forms import AuthenticationForm

    form = AuthenticationForm(request, initial={"username": username_of(request, credentials)})
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _("Too many failed attempts. Please wait %(minutes)s minutes and try again.") % {
        "minutes": minutes
    }
    context = {"form": form, "lockout_message": message, "next": request.POST.get("next", "")}
    return render(request, "accounts/login.html", context, status=429)
