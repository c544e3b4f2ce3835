"""Settings for the test suite: fast hashing, eager tasks, in-memory cache and files."""

import tempfile
from pathlib import Path

from amity.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="amity-test-media-"))
ALLOWED_HOSTS = ["*"]
# WhiteNoise warns (an error under -W error) when STATIC_ROOT does not exist yet.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="amity-test-static-"))
