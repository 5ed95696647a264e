"""Test suite: fast hashing, e-mail kept in memory, tasks run eagerly unless a test starts a worker.

`DATABASE_URL` and `REDIS_URL` still apply, so the same suite runs on SQLite and on PostgreSQL.
"""

import os
from urllib.parse import urlsplit

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

# `make test` runs two pytest-xdist workers ("gw0", "gw1"). pytest-django gives each its own PostgreSQL test
# database; here each also gets its own Redis database (the Celery broker of the tests that start a real worker:
# two workers on one queue would take each other's tasks) and its own media folder. REDIS_URL is rewritten in the
# environment, from the value the run started with, so the Celery workers the tests start inherit the same one.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER.startswith("gw") and os.environ.get("REDIS_URL"):
    _first = urlsplit(os.environ.setdefault("REDIS_URL_BEFORE_WORKERS", os.environ["REDIS_URL"]))
    _database = int(_first.path.strip("/") or 0) + int(XDIST_WORKER[2:])
    os.environ["REDIS_URL"] = _first._replace(path=f"/{_database}").geturl()

from .base import *  # noqa: E402, F403
from .base import BASE_DIR, env  # noqa: E402

ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "test-artifacts" / "media" / XDIST_WORKER)
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
# Jobs run in the test's own thread (a test of the embedded default's background jobs turns this on).
JOBS_IN_BACKGROUND_WHEN_EAGER = False
# Tests that need isolation from the demo cache get a fresh local-memory cache.
# One store for both aliases (the same LOCATION), so that clearing the cache clears the rate-limit counters too.
CACHES = {alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"} for alias in ("default", "limits")}
LANGUAGE_CODE = "en"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Throttling is tested on its own (tests/accounts/test_api.py); elsewhere it must not interfere.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute", "auth": "100000/minute"},
}
AXES_FAILURE_LIMIT = 5
