"""Settings shared by every environment, read from environment variables.

The embedded default (no variable set) is a SQLite file, eager Celery, files on local disk and
e-mail on the console. `DATABASE_URL` and `REDIS_URL` switch to PostgreSQL and a Redis broker.
"""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from .api import *  # noqa: F403
from .apps import *  # noqa: F403
from .authentication import *  # noqa: F403
from .caches import CACHE_URL, CACHES, REDIS_URL  # noqa: F401
from .environment import BASE_DIR, SITE_URL, env  # noqa: F401

# GENERAL ------------------------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
# Without DEBUG the key is required: a missing SECRET_KEY stops the process at start-up.
SECRET_KEY = env("SECRET_KEY") if not DEBUG else env("SECRET_KEY", default="insecure-local-development-key")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
SITE_NAME = env("SITE_NAME", default="Open Government Partnership portal")

# APPS ---------------------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.sites",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "allauth",
    "allauth.account",
    "django_countries",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "axes",
    "simple_history",
    "parler",
]
# The project's apps, one direction: common (infrastructure) <- accounts <- commitments <- consultations and
# irm_reports (independent of each other) <- partnership (what combines them). docs/ARCHITECTURE.md.
LOCAL_APPS = [
    "common",
    "notifications",
    "accounts",
    "commitments",
    "consultations",
    "irm_reports",
    "grants",
    "support",
    "cycle",
    "monitoring",
    "drafting",
    "peers",
    "analytics",
    "partnership",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "common.middleware.ContentVersionMiddleware",
    "common.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (the NUL check reads forms): an oversized body is refused unread.
    "common.middleware.RequestBodyLimitMiddleware",
    "common.middleware.RejectNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's middleware, with the constant policy built once (common/csp.py).
    "common.csp.ConstantCSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "common.middleware.StaffSessionExpiryMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ogp_portal.urls"
WSGI_APPLICATION = "ogp_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "common.context_processors.site",
            ],
        },
    },
]
# Django's default field and widget templates written in Python, others rendered as before (common/form_rendering.py).
FORM_RENDERER = "common.form_rendering.FormRenderer"

# DATABASE -----------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A page's queries are short and many run at once: extra processes for one query cost more than they
    # save on a loaded server (docs/PERFORMANCE.md, sixth round). DB_MAX_PARALLEL_WORKERS gives them back.
    # JIT compilation off (DB_JIT to turn it on): it pays for queries that run for seconds, not a page's; the
    # planner's costs of the IRM figures (correlated subqueries) made it compile for 10 s a query that runs in 0.2 s.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _parallel = f"-c max_parallel_workers_per_gather={env.int('DB_MAX_PARALLEL_WORKERS', default=0)}"
    _jit = "" if env.bool("DB_JIT", default=False) else "-c jit=off"
    _options["options"] = " ".join(filter(None, [_options.get("options", ""), _parallel, _jit]))
else:
    # SQLite: wait for a writer instead of failing at once; WAL lets readers run beside it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The statements compiled once per process are prepared on the connection (common/prepared.py); off behind a
# pooler that shares sessions between clients.
PREPARED_STATEMENTS = env.bool("DB_PREPARED_STATEMENTS", default=True)

# INTERNATIONALISATION -----------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
# Translations of content (common/translations.py): read from one prefetch per list, never from parler's cache.
PARLER_ENABLE_CACHING = False
PARLER_DEFAULT_LANGUAGE_CODE = "en"
LOCALE_PATHS = [BASE_DIR / "locale"]
# OGP members outside ISO 3166: Kosovo takes the user-assigned code XK (XKX) that the EU and the World Bank use.
COUNTRIES_OVERRIDE = {"XK": {"name": _("Kosovo"), "alpha3": "XKX"}}
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# STATIC AND MEDIA FILES ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Every stored file is private (proposal attachments, IRM report PDFs, imported sheets): no web server
# publishes MEDIA_ROOT; views check the permission, then serve the file (common/files.py).
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Behind nginx: the internal location that aliases MEDIA_ROOT (e.g. /_private/); views answer with
# X-Accel-Redirect and nginx streams the file. Empty: Django streams it (embedded default).
PRIVATE_FILES_ACCEL_PREFIX = env("PRIVATE_FILES_ACCEL_PREFIX", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Without collectstatic (development, tests), whitenoise serves straight from the apps' folders.
WHITENOISE_USE_FINDERS = DEBUG or env.bool("WHITENOISE_USE_FINDERS", default=False)
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS

# E-MAIL -------------------------------------------------------------------------------------------
# EMAIL_URL (smtp://user:password@host:587/?tls=True) configures SMTP; the default prints e-mails.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
EMAIL_BACKEND = env("EMAIL_BACKEND", default=EMAIL_BACKEND)  # noqa: F821 (set just above)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "media" / "outbox"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="OGP portal <no-reply@ogp-portal.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# CELERY (the broker and the caches: settings/caches.py) ------------------------------------------
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    # Embedded default: no broker, tasks run in-process when they are sent.
    # A host named in the URL: kombu otherwise warns that it falls back to one on every first send.
    CELERY_BROKER_URL = "memory://localhost/"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_TASK_EAGER_PROPAGATES = True
    # Long jobs (report renderings, large imports) run in a thread, out of the request that asked for
    # them: the page shows their progress (common.queue.enqueue_job_on_commit).
    JOBS_IN_BACKGROUND_WHEN_EAGER = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 10 * 60
# Short socket timeouts and few retries: with Redis unreachable, queuing a task fails within about a
# second (the work is already recorded in the database, and a periodic sweep queues it later).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
CELERY_REDIS_SOCKET_TIMEOUT = 5
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
}
# A worker waits for the broker as long as it is away, rather than exiting after a number of tries.
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request that queues a task must not hang when the broker is down (see enqueue_on_commit).
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BEAT_SCHEDULE = {
    "email-outbox-sweep": {"task": "common.tasks.email_outbox_sweep_task", "schedule": 300.0},
    # Worker jobs of every kind (report renderings, imports) left without a sign of life: one sweep.
    "jobs-sweep": {"task": "common.tasks.jobs_sweep_task", "schedule": 120.0},
    "headline-figures": {"task": "commitments.tasks.headline_figures_refresh_task", "schedule": 600.0},
    # The cycle calendar computed again, the compliance check and the cycle's reminders (each idempotent).
    "cycle-daily": {"task": "cycle.tasks.cycle_daily_task", "schedule": 21600.0},
    # Similar commitments of other members (peers): those whose text changed without a signal (bulk imports).
    "similar-commitments": {"task": "peers.tasks.similar_commitments_refresh_task", "schedule": 600.0},
    "consultation-response-reminders": {
        "task": "consultations.tasks.response_reminders_task",
        "schedule": 3600.0,
    },
    "monitoring-answer-reminders": {"task": "monitoring.tasks.answer_reminders_task", "schedule": 3600.0},
    # Followers of a commitment told of its milestones newly overdue (once per milestone).
    "overdue-milestones": {"task": "commitments.tasks.overdue_milestones_notify_task", "schedule": 3600.0},
    # The open-data archive of the whole public record (partnership.services), every night.
    "open-data-build": {
        "task": "partnership.tasks.open_data_scheduled_build_task",
        "schedule": crontab(hour=3, minute=15),
    },
    # Notification digests (notifications/digests.py): the daily one every morning, the weekly one on Mondays.
    "notification-digests-daily": {
        "task": "notifications.tasks.notification_daily_digests_task",
        "schedule": crontab(hour=6, minute=0),
    },
    "notification-digests-weekly": {
        "task": "notifications.tasks.notification_weekly_digests_task",
        "schedule": crontab(hour=6, minute=30, day_of_week="mon"),
    },
}
# Outbox e-mails still pending this long after they were written are queued again (message lost):
# the one sweep of every e-mail the portal writes.
EMAIL_OUTBOX_SWEEP_SECONDS = env.int("EMAIL_OUTBOX_SWEEP_SECONDS", default=120)
# A report queued or rendering without progress for this long is re-queued (its worker or message was lost).
IRM_RENDER_STALE_SECONDS = env.int("IRM_RENDER_STALE_SECONDS", default=600)
# Imports of OGP's data sheet (admin upload): up to this size they run in the request, above it in a worker.
IRM_IMPORT_SYNC_MAX_BYTES = env.int("IRM_IMPORT_SYNC_MAX_BYTES", default=256 * 1024)
IRM_IMPORT_MAX_BYTES = env.int("IRM_IMPORT_MAX_BYTES", default=50 * 1024 * 1024)
IRM_IMPORT_STALE_SECONDS = env.int("IRM_IMPORT_STALE_SECONDS", default=900)
# An open-data archive build without progress for this long is re-queued (its worker was lost).
OPEN_DATA_BUILD_STALE_SECONDS = env.int("OPEN_DATA_BUILD_STALE_SECONDS", default=1800)

# LOGGING ------------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # WeasyPrint and fontTools log every layout step and font at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Django adds its own console handler to "django" (unformatted), which also propagates to the root's:
        # every message twice. One handler, the root's (runserver's request lines included).
        "django": {"level": "INFO"},
        # A worker logs each task it ran; tasks run in-process in the embedded default, where those lines
        # would bury the console of `make run` (hundreds while the demo loads). Failures still show.
        "celery.app.trace": {"level": "INFO" if REDIS_URL else "WARNING"},
    },
}

# PORTAL -------------------------------------------------------------------------------------------
PAGE_SIZE = 25

# Reverse proxies in front of the web process that append to X-Forwarded-For (nginx: 1). The client's
# address, for rate limits, API throttles and the sign-in lockout, is the PROXY_COUNT-th from the right;
# 0: X-Forwarded-For is ignored (common.ratelimit.client_ip).
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
# REQUEST BODIES ------------------------------------------------------------------------------------
# Refused with 413 before they are read (common.middleware.RequestBodyLimitMiddleware). Every request
# gets the small limit; the upload views get more for who may upload there. nginx allows 60 MB at most.
REQUEST_BODY_MAX_BYTES = env.int("REQUEST_BODY_MAX_BYTES", default=1024 * 1024)
REQUEST_BODY_UPLOAD_MAX_BYTES = env.int(
    "REQUEST_BODY_UPLOAD_MAX_BYTES",
    default=CONSULTATION_ATTACHMENT_MAX_BYTES * CONSULTATION_ATTACHMENT_MAX_COUNT + REQUEST_BODY_MAX_BYTES,
)
REQUEST_BODY_IMPORT_MAX_BYTES = env.int("REQUEST_BODY_IMPORT_MAX_BYTES", default=IRM_IMPORT_MAX_BYTES + 1024 * 1024)
