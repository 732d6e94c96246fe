"""Django settings. Everything that differs between machines comes from the environment:

- ``DATABASE_URL``: default ``sqlite:///<data dir>/goodfaith.sqlite3``; ``postgres://…`` for real use
- ``GOODFAITH_DATA_DIR``: where the SQLite file and generated secrets live (default ``./data``)
- ``GOODFAITH_SECRET_KEY``: required when ``GOODFAITH_DEBUG`` is off
- ``GOODFAITH_DEBUG``: ``1`` for development (default ``0``)
- ``GOODFAITH_ALLOWED_HOSTS``: comma-separated (default ``127.0.0.1,localhost``)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, got {value!r}")


DATA_DIR = Path(os.environ.get("GOODFAITH_DATA_DIR", Path.cwd() / "data")).resolve()
DEBUG = _flag("GOODFAITH_DEBUG")


def _secret_key() -> str:
    key = os.environ.get("GOODFAITH_SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "set GOODFAITH_SECRET_KEY (or GOODFAITH_DEBUG=1 for development)"
        )
    # development: one random key kept beside the SQLite file, never in the repository
    path = DATA_DIR / "dev-secret-key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = os.environ.get("GOODFAITH_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "goodfaith.web.cases",
    "goodfaith.web.staff",
    "goodfaith.web.documents",
    "goodfaith.web.tasks",
    "goodfaith.web.audit",
    "goodfaith.web.lists",
    "goodfaith.web.portal",
    "goodfaith.web.repair",
    "goodfaith.web.partners",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

# background jobs: the django-tasks database backend (works on SQLite and PostgreSQL)
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "goodfaith.web.audit.middleware.AuditAddressMiddleware",
    "axes.middleware.AxesMiddleware",
]

# login throttling (django-axes): 5 failures for one user name from one address lock it 15 minutes
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# public queries: per-client rate (django-ratelimit) on a per-process memory cache; a deployment
# with several servers points the cache at a shared store
PUBLIC_QUERY_RATE = os.environ.get("GOODFAITH_PUBLIC_QUERY_RATE", "30/m")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "staff/locked.html"

ROOT_URLCONF = "goodfaith.web.urls"
WSGI_APPLICATION = "goodfaith.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "goodfaith.web.staff.context.staff_nav",
            ]
        },
    }
]

_default_db = f"sqlite:///{DATA_DIR / 'goodfaith.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", _default_db), conn_max_age=600, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # one connection per request unless told otherwise (the public-query benchmark keeps them)
    _age = os.environ.get("GOODFAITH_SQLITE_CONN_MAX_AGE", "0")
    DATABASES["default"]["CONN_MAX_AGE"] = None if _age == "none" else int(_age)
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
            "timeout": 20,  # seconds a writer waits for another's transaction
        }
    )
    # tests use a file too (not shared-cache memory), so concurrent writers behave as in production
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:cases"
LOGOUT_REDIRECT_URL = "staff:login"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
