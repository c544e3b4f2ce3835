"""Login rate limiting: count failed attempts per username and per client address.

Counting failures (not attempts) lets a user who types the password right log in at once,
while a password-guessing run is stopped after a handful of tries for the window.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _keys(request: HttpRequest, username: str) -> list[str]:
    address = request.META.get("REMOTE_ADDR", "unknown")
    return [f"login-fail:user:{username.strip().lower()}", f"login-fail:addr:{address}"]


def login_blocked(request: HttpRequest, username: str) -> bool:
    limit = settings.AMITY_LOGIN_RATE_LIMIT
    return any((cache.get(key) or 0) >= limit for key in _keys(request, username))


def record_failed_login(request: HttpRequest, username: str) -> None:
    window = settings.AMITY_LOGIN_RATE_WINDOW_SECONDS
    for key in _keys(request, username):
        # add() is atomic: only the first failure in a window creates the counter.
        if not cache.add(key, 1, timeout=window):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, timeout=window)


def clear_failed_logins(request: HttpRequest, username: str) -> None:
    cache.delete(_keys(request, username)[0])
