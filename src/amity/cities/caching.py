"""Cached renderings of the registry's public pages and API reads, dropped on every change.

The registry changes rarely and is read by everyone, so what a reader sees is rendered once per
*registry version* and reused: a number kept in the shared cache (Redis in production, so every
app server agrees) and raised after every transaction that changes a registry record (model
signals, plus the bulk writes of the importer, which send none). A cached copy therefore never
outlives the data it shows; ``FRAGMENT_SECONDS`` only bounds how long unused copies stay.

What differs between readers is kept out of the copies or in their keys: the language, the
address with its query, and whether the reader is an organiser. Organisers' partner pages
(contacts, notes) and anything with a CSRF token are never cached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from amity.versioned_cache import CacheVersion

REGISTRY = CacheVersion("registry")
FRAGMENT_SECONDS = 600


def registry_version() -> int:
    return REGISTRY.current()


def registry_changed(*args, **kwargs) -> None:
    """Every cached copy is out of date (see ``CacheVersion.changed``). Connected to the
    registry models' signals; called by bulk writers, whose writes send none."""
    REGISTRY.changed()


def _key(kind: str, *parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"registry:{kind}:{registry_version()}:{get_language()}:{digest[:32]}"


def cached_fragment(
    request: HttpRequest, template: str, vary_on: tuple, context: Callable[[], dict]
) -> SafeString:
    """The ``content`` partial of ``template``, from the cache or rendered with ``context()``
    (called only when it is not cached, so its queries run only then)."""
    key = _key(template, request.get_full_path(), *vary_on)
    html = cache.get(key)
    if html is None:
        html = render_to_string(f"{template}#content", context(), request)
        cache.set(key, html, FRAGMENT_SECONDS)
    return mark_safe(html)


# The API's public reads whose answer is the same for every anonymous caller.
CACHED_API_PREFIXES = ("/api/v1/registry/partnerships",)


class AnonymousRegistryApiCache:
    """Middleware: an anonymous GET of a registry list or record through the API is answered
    from the cache (the JSON of an earlier identical request in the same registry version).
    Callers with a session or a token always reach the view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._cacheable(request):
            return self.get_response(request)
        key = _key("api", request.get_full_path(), request.headers.get("Accept-Language", ""))
        stored = cache.get(key)
        if stored is not None:
            status, content_type, body = stored
            return HttpResponse(body, status=status, content_type=content_type)
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (200, response["Content-Type"], response.content), FRAGMENT_SECONDS)
        return response

    @staticmethod
    def _cacheable(request: HttpRequest) -> bool:
        return (
            request.method == "GET"
            and request.path.startswith(CACHED_API_PREFIXES)
            and "Authorization" not in request.headers
            # A session may be logged in; other cookies (CSRF, language) change no JSON (the
            # language is in the key).
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
