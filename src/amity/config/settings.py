"""Settings read from the environment, with defaults that are safe and need no set-up.

Two profiles (``AMITY_PROFILE``):
  embedded (default)  SQLite in ./var, background tasks in the database (``amity db_worker``),
                      static files straight from the package: ``make demo`` and a single PC
  production          PostgreSQL from DATABASE_URL (required), AMITY_SECRET_KEY (or SECRET_KEY)
                      required, tasks on Redis through RQ (REDIS_URL, default
                      redis://127.0.0.1:6379/0; ``amity worker``), the cache on the same Redis,
                      static files collected with hashed names (``amity collectstatic``),
                      secure cookies and HSTS unless AMITY_SECURE_COOKIES=0; never DEBUG

Environment variables:
  AMITY_PROFILE       embedded or production (above)
  DATABASE_URL        sqlite:///path/to/amity.sqlite3 or postgres://user@host/db
                      (default: SQLite in ./var/amity.sqlite3)
  AMITY_SECRET_KEY    required in production; without it a key is generated once into ./var/
  AMITY_DEBUG         1/true to enable debug pages (default off)
  AMITY_ALLOWED_HOSTS comma-separated host names (default: localhost,127.0.0.1)
  AMITY_HOME_CITY     the home city's English name (default Shanghai)
  AMITY_HOME_CITY_ZH  its Chinese name (default 上海)
  AMITY_HOME_COUNTRY  its ISO 3166-1 alpha-2 code (default CN)
  AMITY_HOME_LATITUDE, AMITY_HOME_LONGITUDE  where the map marks it (default: from GeoNames)
  AMITY_VAR_DIR       where the SQLite database, uploads and generated keys live (default ./var)
  AMITY_SITE_URL      the public address used in e-mailed links (default http://127.0.0.1:8000)
  AMITY_EMAIL_BACKEND Django e-mail backend (default: console); AMITY_EMAIL_HOST, _PORT, _USER,
                      _PASSWORD, _TLS and _FROM configure SMTP
  AMITY_LOGIN_RATE_LIMIT     failed logins of one username from one address before a lock
                             (default 5)
  AMITY_LOGIN_ADDRESS_LIMIT  failed logins from one address, any usernames (default 50)
  AMITY_LOGIN_LOCK_MINUTES   how long a lock lasts (default 15)
  AMITY_CLIENT_IP_HEADER     behind a reverse proxy: the header it sets with the client's
                             address (X-Forwarded-For or X-Real-IP); default none (REMOTE_ADDR)
  AMITY_PROXY_COUNT          proxies that append to X-Forwarded-For (default 1)
  AMITY_IMPORT_MAX_BYTES     largest import file from the web (default 10,000,000 bytes)
  AMITY_IMPORT_MAX_ROWS      most rows in such a file (default 50,000)
  AMITY_IMPORT_ROWS_IN_REQUEST  longer files are imported by a background job (default 2,000)
  AMITY_API_MAX_LIMIT        most items per API list request (default 200)
  AMITY_DOCUMENT_MAX_BYTES   largest agreement document (default 20,000,000 bytes)
  AMITY_IMAGE_MAX_BYTES      largest uploaded image (default 5,000,000 bytes)
  AMITY_ERASE_DELEGATION_DATA_AFTER_DAYS  delegation members' personal data is erased this
                             many days after the event's last day (default 180)
  AMITY_SECURE_COOKIES       1 behind HTTPS: secure cookies, HSTS (AMITY_HSTS_SECONDS, default a
                             year), the proxy's AMITY_PROXY_SSL_HEADER (default X-Forwarded-Proto)
                             and a redirect of plain HTTP (AMITY_SSL_REDIRECT, default 1)
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("AMITY_VAR_DIR", Path.cwd() / "var")).resolve()


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


AMITY_PROFILE = os.environ.get("AMITY_PROFILE", "embedded").strip().lower() or "embedded"
if AMITY_PROFILE not in {"embedded", "production"}:
    raise ImproperlyConfigured(
        f"AMITY_PROFILE={AMITY_PROFILE!r}: use 'embedded' (the default) or 'production'"
    )
PRODUCTION = AMITY_PROFILE == "production"


def _secret_key() -> str:
    if key := os.environ.get("AMITY_SECRET_KEY") or os.environ.get("SECRET_KEY"):
        return key
    if PRODUCTION:
        # Several app servers must share one key, and a key generated on one disk is not shared.
        raise ImproperlyConfigured(
            "AMITY_PROFILE=production needs AMITY_SECRET_KEY (or SECRET_KEY) in the environment"
        )
    # A zero-set-up install still gets a unique, persistent key instead of a shared default.
    key_file = VAR_DIR / "secret-key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


# Debug pages show settings and source: never in production, whatever the environment says.
DEBUG = env_flag("AMITY_DEBUG") and not PRODUCTION
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("AMITY_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("AMITY_CSRF_TRUSTED_ORIGINS", "")

AMITY_HOME_CITY = os.environ.get("AMITY_HOME_CITY", "Shanghai")
AMITY_HOME_CITY_ZH = os.environ.get("AMITY_HOME_CITY_ZH", "上海")
AMITY_HOME_COUNTRY = os.environ.get("AMITY_HOME_COUNTRY", "CN")
# Where the network map marks the home city; without them, GeoNames' city of that name.
AMITY_HOME_LATITUDE = (
    float(os.environ["AMITY_HOME_LATITUDE"]) if os.environ.get("AMITY_HOME_LATITUDE") else None
)
AMITY_HOME_LONGITUDE = (
    float(os.environ["AMITY_HOME_LONGITUDE"]) if os.environ.get("AMITY_HOME_LONGITUDE") else None
)
# The site's public address, for links in e-mails and calendar feeds made outside a request.
AMITY_SITE_URL = os.environ.get("AMITY_SITE_URL", "http://127.0.0.1:8000")
AMITY_INVITATION_DAYS = int(os.environ.get("AMITY_INVITATION_DAYS", "14"))

# E-mail: printed on the console unless an SMTP server is configured (the demo needs none).
EMAIL_BACKEND = os.environ.get(
    "AMITY_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("AMITY_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("AMITY_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("AMITY_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("AMITY_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_flag("AMITY_EMAIL_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("AMITY_EMAIL_FROM", "Amity <amity@localhost>")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    "django_htmx",
    # Listed so the API docs page uses the Swagger UI files shipped with Ninja, not a CDN.
    "ninja",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "simple_history",
    # Before the domains: their ready() registers their models' history in it.
    "amity.audit",
    "amity.accounts",
    "amity.jobs",
    "amity.notifications",
    "amity.documents",
    "amity.cities",
    "amity.events",
    "amity.fair",
    "amity.cooperation",
    "amity.demo",
    "amity.maintenance",
    "amity.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The audit log reads the acting user from the request (API tokens set request.user).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Inside the others, so every header they add is added to a cached answer too.
    "amity.cities.caching.AnonymousRegistryApiCache",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "amity.config.urls"
WSGI_APPLICATION = "amity.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "amity.config.context_processors.home_city",
            ],
        },
    }
]

if PRODUCTION and not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")):
    raise ImproperlyConfigured(
        "AMITY_PROFILE=production needs DATABASE_URL=postgres://user:password@host:5432/db"
    )
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'amity.sqlite3'}",
        conn_max_age=int(os.environ.get("AMITY_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the task worker share the file safely.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: a locked-out login is refused before any password is checked.
    "amity.accounts.lockout.LoginLockBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "my-home"
LOGOUT_REDIRECT_URL = "cities:partner-list"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The API's lists: at most this many items per request, and no offset beyond this.
AMITY_API_MAX_LIMIT = int(os.environ.get("AMITY_API_MAX_LIMIT", "200"))
AMITY_API_MAX_OFFSET = int(os.environ.get("AMITY_API_MAX_OFFSET", "1000000"))

# Imports from the web: larger or longer files are refused, long ones run in the background.
AMITY_IMPORT_MAX_BYTES = int(os.environ.get("AMITY_IMPORT_MAX_BYTES", str(10 * 1000 * 1000)))
AMITY_IMPORT_MAX_ROWS = int(os.environ.get("AMITY_IMPORT_MAX_ROWS", "50000"))
AMITY_IMPORT_ROWS_IN_REQUEST = int(os.environ.get("AMITY_IMPORT_ROWS_IN_REQUEST", "2000"))
# An agreement's attached file (organisers only).
AMITY_DOCUMENT_MAX_BYTES = int(os.environ.get("AMITY_DOCUMENT_MAX_BYTES", str(20 * 1000 * 1000)))

# Failed logins (django-axes, amity.accounts.lockout): a username at one address is locked
# after AMITY_LOGIN_RATE_LIMIT failures, the address as a whole after AMITY_LOGIN_ADDRESS_LIMIT.
AMITY_LOGIN_RATE_LIMIT = int(os.environ.get("AMITY_LOGIN_RATE_LIMIT", "5"))
AMITY_LOGIN_ADDRESS_LIMIT = int(os.environ.get("AMITY_LOGIN_ADDRESS_LIMIT", "50"))
AMITY_CLIENT_IP_HEADER = os.environ.get("AMITY_CLIENT_IP_HEADER", "")
AMITY_PROXY_COUNT = int(os.environ.get("AMITY_PROXY_COUNT", "1"))
AXES_FAILURE_LIMIT = AMITY_LOGIN_RATE_LIMIT
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AMITY_LOGIN_LOCK_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "amity.accounts.lockout.UserAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "amity.config.proxy.client_address"
AXES_USERNAME_CALLABLE = "amity.accounts.lockout.username_of"
AXES_LOCKOUT_CALLABLE = "amity.accounts.lockout.locked_out"
# Successful logins need no row of their own; failures are what the lock counts.
AXES_DISABLE_ACCESS_LOG = True

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "amity_cache",
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Our corrections to Django's locale formats (Chinese thousands separators).
FORMAT_MODULE_PATH = ["amity.config.formats"]
USE_I18N = True
TIME_ZONE = os.environ.get("AMITY_TIME_ZONE", "Asia/Shanghai")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
# Static files are served from the package without a collectstatic step; production may still
# run collectstatic for compressed, cache-busted copies.
WHITENOISE_USE_FINDERS = True
# Uploads: a file over 5 MB is spooled to disk, not held in memory; a request body without
# its files is at most 10 MB, with at most 1,000 fields and 20 files. Each kind of stored file
# has its own size and type limits (amity.documents.uploads).
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Stored uploads readable by the app's own user and group only.
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
# Delegation members' names, contact details, travel and needs are erased this many days
# after the event's last day (`amity erase-expired-personal-data`, run daily).
AMITY_ERASE_DELEGATION_DATA_AFTER_DAYS = int(
    os.environ.get("AMITY_ERASE_DELEGATION_DATA_AFTER_DAYS", "180")
)
AMITY_IMAGE_MAX_BYTES = int(os.environ.get("AMITY_IMAGE_MAX_BYTES", str(5 * 1000 * 1000)))

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A running job's sign of life (amity.jobs): written this often while its function works, and
# a job silent for AMITY_JOB_STALL_SECONDS is failed as abandoned (its worker died).
AMITY_JOB_HEARTBEAT_SECONDS = float(os.environ.get("AMITY_JOB_HEARTBEAT_SECONDS", "15"))
AMITY_JOB_STALL_SECONDS = float(os.environ.get("AMITY_JOB_STALL_SECONDS", "120"))

if PRODUCTION:
    # Tasks on Redis through RQ: several app servers enqueue, `amity worker` runs them. A job
    # may run up to AMITY_TASK_TIMEOUT seconds (a schedule run is minutes, not RQ's 3).
    REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {
            "URL": REDIS_URL,
            "DEFAULT_TIMEOUT": int(os.environ.get("AMITY_TASK_TIMEOUT", "3600")),
        }
    }
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    # One cache for every app server (a per-process cache would disagree between them).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ.get("AMITY_CACHE_URL", REDIS_URL),
            "KEY_PREFIX": "amity",
        }
    }
    # Collected once (`amity collectstatic`, which `amity serve --production` runs) with
    # content hashes in their names, so browsers may keep them for a year.
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    STATIC_ROOT = Path(os.environ.get("AMITY_STATIC_ROOT", VAR_DIR / "static")).resolve()
    WHITENOISE_USE_FINDERS = False
    # Only the hashed copies are served; source maps (the API docs' 10 MB of them) are kept for
    # developers' tools but not compressed: compressing them was most of collectstatic's minute.
    WHITENOISE_KEEP_ONLY_HASHED_FILES = True
    from whitenoise.compress import Compressor

    WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the meta tag, not the cookie
# On behind HTTPS; production assumes HTTPS unless told otherwise.
SESSION_COOKIE_SECURE = env_flag("AMITY_SECURE_COOKIES", default=PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if SESSION_COOKIE_SECURE:
    # Served over HTTPS (behind a reverse proxy that terminates TLS): browsers are told to use
    # HTTPS only (HSTS), and the proxy's header says which requests came in over HTTPS.
    SECURE_HSTS_SECONDS = int(os.environ.get("AMITY_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("AMITY_HSTS_INCLUDE_SUBDOMAINS")
    _proto_header = os.environ.get("AMITY_PROXY_SSL_HEADER", "X-Forwarded-Proto")
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proto_header.upper().replace("-", "_"), "https")
    SECURE_SSL_REDIRECT = env_flag("AMITY_SSL_REDIRECT", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline scripts or styles anywhere: everything is served from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_errors_without_traceback": {
            "()": "amity.config.log_filters.ClientErrorsWithoutTraceback"
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["client_errors_without_traceback"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("AMITY_LOG_LEVEL", "WARNING")},
}
