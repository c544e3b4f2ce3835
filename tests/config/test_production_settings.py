"""Settings behind HTTPS, and the headers the production server sends."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def settings_with(**env: str) -> dict:
    code = (
        "import json, amity.config.settings as s; print(json.dumps({n: getattr(s, n, None) "
        "for n in ['SECURE_HSTS_SECONDS', 'SECURE_PROXY_SSL_HEADER', 'SESSION_COOKIE_SECURE', "
        "'SECURE_SSL_REDIRECT']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_behind_https_the_site_sends_hsts_and_trusts_the_proxys_scheme_header(tmp_path):
    values = settings_with(AMITY_SECURE_COOKIES="1", AMITY_VAR_DIR=str(tmp_path))

    assert values == {
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SESSION_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
    }


def test_without_https_nothing_of_it_is_set(tmp_path):
    values = settings_with(AMITY_SECURE_COOKIES="", AMITY_VAR_DIR=str(tmp_path))

    assert values["SECURE_HSTS_SECONDS"] in (None, 0)
    assert values["SECURE_PROXY_SSL_HEADER"] is None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_production_server_does_not_name_itself(tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "python:amity.config.gunicorn_conf",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "amity.config.wsgi:application",
        ],
        env={
            **os.environ,
            "AMITY_VAR_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "amity.config.settings",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        response = None
        # Waiting for the server to listen, not timing it: up to a minute on a busy machine.
        for _ in range(600):
            try:
                response = urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/static/amity/favicon.svg", timeout=5
                )
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("gunicorn stopped")
                time.sleep(0.1)
        assert response is not None
        assert response.status == 200
        assert "Server" not in response.headers
    finally:
        server.terminate()
        server.wait(timeout=30)
