"""A small HTTP client for the end-to-end flow: a session cookie, CSRF, forms and JSON.

Standard library only, so the flow needs nothing but the server it talks to.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass


@dataclass
class Response:
    status: int
    url: str
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One visitor: keeps its cookies; never follows redirects by itself (steps check them)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.cookies if c.name == name), None)

    def request(
        self, method: str, path: str, *, data: bytes | None = None, headers=None
    ) -> Response:
        url = path if path.startswith("http") else self.base_url + path
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        request.add_header("Accept-Language", "en")
        if method != "GET" and (token := self.cookie("csrftoken")):
            request.add_header("X-CSRFToken", token)
            request.add_header("Referer", self.base_url + "/")
        try:
            with self.opener.open(request, timeout=60) as answer:
                return Response(answer.status, answer.url, dict(answer.headers), answer.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, url, dict(error.headers), error.read())

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post_form(self, path: str, fields: dict[str, str], files=None) -> Response:
        """POST a form (multipart when ``files`` maps a field to (filename, bytes))."""
        fields = {"csrfmiddlewaretoken": self.cookie("csrftoken") or "", **fields}
        if not files:
            body = urllib.parse.urlencode(fields).encode()
            content_type = "application/x-www-form-urlencoded"
        else:
            body, content_type = multipart(fields, files)
        return self.request("POST", path, data=body, headers={"Content-Type": content_type})

    def csrf_from(self, path: str) -> None:
        """Load a page so the CSRF cookie is set (and check that it rendered)."""
        page = self.get(path)
        if page.status != 200 or not re.search(r"csrfmiddlewaretoken", page.text):
            raise AssertionError(f"GET {path}: {page.status}, no form with a CSRF token")


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
