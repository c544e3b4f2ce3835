"""Gunicorn's settings for Amity: ``gunicorn -c python:amity.config.gunicorn_conf …``.

``amity serve`` uses this file; a production start should too. Gunicorn names itself in a
``Server: gunicorn`` header on every response and has no setting to leave it out; telling
every visitor which server (and so which known weaknesses) to try is needless, so the header
is dropped here, once, before the workers start.
"""

from gunicorn.http import wsgi

_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(self) -> list[str]:
    return [header for header in _default_headers(self) if not header.startswith("Server:")]


wsgi.Response.default_headers = _default_headers_without_server

# One line per request on standard output, as `amity serve` always printed.
accesslog = "-"

# Idle keep-alive connections wait in the gthread worker's poller, not in a thread. Gunicorn's
# default of 2 s closes them while a visitor reads a page; a client that sends its next POST on
# the connection as the server closes it gets no answer at all (seen as status-0 POST failures
# in benchmarks/load with 1–3 s think time), and clients retry only idempotent requests.
keepalive = 5
