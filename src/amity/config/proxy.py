"""The client's address behind a reverse proxy, from a header only that proxy sets.

Behind the proxy every request comes from the proxy's address (REMOTE_ADDR), so the login
lock would count the whole office as one client. ``AMITY_CLIENT_IP_HEADER`` names the header
the proxy writes (``X-Forwarded-For`` or ``X-Real-IP``); in X-Forwarded-For the client is the
entry ``AMITY_PROXY_COUNT`` places from the right (1: the one our proxy appended; anything to
its left was sent by the client and may be forged). Without the setting, REMOTE_ADDR is used.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    header = settings.AMITY_CLIENT_IP_HEADER
    if not header:
        return remote
    value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    entries = [entry for entry in value.split(",") if entry.strip()]
    count = settings.AMITY_PROXY_COUNT
    if not entries or len(entries) < count:
        return remote
    return _valid(entries[-count]) or remote
