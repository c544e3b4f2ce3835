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


def profile_settings(names: list[str], **env: str) -> subprocess.CompletedProcess:
    code = (
        "import json, amity.config.settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {names!r}}}, default=str))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "AMITY_SECRET_KEY": "", **env},
        capture_output=True,
        text=True,
    )


PRODUCTION_ENV = {
    "AMITY_PROFILE": "production",
    "AMITY_SECRET_KEY": "a-long-random-key-from-the-environment",
    "DATABASE_URL": "postgres://amity@db.internal:5432/amity",
    "REDIS_URL": "redis://queue.internal:6379/2",
}


def test_the_production_profile_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**PRODUCTION_ENV, "AMITY_SECRET_KEY": "", "AMITY_VAR_DIR": str(tmp_path)}

    result = profile_settings(["SECRET_KEY"], **env)

    assert result.returncode != 0
    assert "needs AMITY_SECRET_KEY" in result.stderr
    # No key was generated on disk as a fallback.
    assert not (tmp_path / "secret-key").exists()


def test_the_production_profile_refuses_sqlite(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"}

    result = profile_settings(["DATABASES"], **env, AMITY_VAR_DIR=str(tmp_path))

    assert result.returncode != 0
    assert "needs DATABASE_URL=postgres://" in result.stderr


def test_an_unknown_profile_is_refused_by_name(tmp_path):
    result = profile_settings(["DEBUG"], AMITY_PROFILE="staging", AMITY_VAR_DIR=str(tmp_path))

    assert result.returncode != 0
    assert "AMITY_PROFILE='staging'" in result.stderr


def test_the_production_profile_uses_postgres_redis_rq_and_hashed_static_files(tmp_path):
    names = ["DATABASES", "TASKS", "RQ_QUEUES", "CACHES", "STORAGES", "INSTALLED_APPS"]
    names += ["WHITENOISE_USE_FINDERS", "SESSION_COOKIE_SECURE", "SECURE_HSTS_SECONDS", "DEBUG"]
    result = profile_settings(names, **PRODUCTION_ENV, AMITY_DEBUG="1", AMITY_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)

    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert values["DATABASES"]["default"]["HOST"] == "db.internal"
    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert values["RQ_QUEUES"]["default"]["URL"] == "redis://queue.internal:6379/2"
    assert {"django_rq", "django_tasks_rq"} <= set(values["INSTALLED_APPS"])
    assert values["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert values["WHITENOISE_USE_FINDERS"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["DEBUG"] is False


def test_the_embedded_default_keeps_sqlite_and_the_database_task_queue(tmp_path):
    result = profile_settings(["DATABASES", "TASKS"], AMITY_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)

    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
