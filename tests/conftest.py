"""Shared fixtures: users by role, and the real services (PostgreSQL, Redis, Celery worker, Chromium).

A test that needs a service skips with its reason when the service is missing, except under
REQUIRE_SERVICES=1 (set by .ci/run), where a missing service fails the test.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from hypothesis import settings as hypothesis_settings

from tests.factories import ActionPlanFactory, MemberFactory, UserFactory

# Nothing in the suite is timed: hypothesis' default deadline (200 ms an example) failed a correct test on a
# loaded machine. Tests that need fewer or more examples still say so with their own settings.
hypothesis_settings.register_profile("portal", deadline=None)
hypothesis_settings.load_profile("portal")

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
ROOT = Path(__file__).resolve().parent.parent
# The project's own packages, lowest layer last: the project package, then the apps.
PROJECT_PACKAGES = (
    "ogp_portal",
    "partnership",
    "analytics",
    "cycle",
    "monitoring",
    "drafting",
    "support",
    "grants",
    "peers",
    "consultations",
    "irm_reports",
    "commitments",
    "accounts",
    "notifications",
    "common",
)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def require(available: bool, reason: str) -> None:
    """Skip (or, under REQUIRE_SERVICES=1, fail) when a service the test needs is missing."""
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} — required because REQUIRE_SERVICES=1")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached fragments and figures never leak from one test into the next (data is rolled back)."""
    from django.core.cache import cache

    from common import widgets

    cache.clear()
    widgets._kept_choices.clear()  # filter options kept in this process's memory, per content version
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language: a request leaves its language active in the thread."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


# Users by role ------------------------------------------------------------------------------------
@pytest.fixture
def member(db):
    return MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")


@pytest.fixture
def other_member(db):
    return MemberFactory(name="Paris", slug="paris", kind="local", country="FR")


@pytest.fixture
def participant(db):
    return UserFactory()


@pytest.fixture
def point_of_contact(member):
    return UserFactory(point_of_contact_of=member)


@pytest.fixture
def other_point_of_contact(other_member):
    return UserFactory(point_of_contact_of=other_member)


@pytest.fixture
def staff_user(db):
    return UserFactory(staff=True)


@pytest.fixture
def plan(member):
    return ActionPlanFactory(member=member, title="Madrid plan 2024–2026")


@pytest.fixture
def poc_client(client, point_of_contact):
    client.force_login(point_of_contact)
    return client


# Real services ------------------------------------------------------------------------------------
@pytest.fixture
def postgres(db):
    require(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")
    return connection


@pytest.fixture(scope="session")
def redis_url():
    url = os.environ.get("REDIS_URL", "")
    available = False
    if url:
        import redis

        try:
            available = redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.RedisError:
            available = False
    require(available, "needs Redis (set REDIS_URL to a running server)")
    return url


def database_url(name: str | None = None) -> str:
    """URL of the test database (or of another database on the same server)."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name or db['NAME']}"


def raw_postgres(name: str | None = None):
    """A separate psycopg2 connection in autocommit, outside Django's (for admin work or fault injection)."""
    import psycopg2

    conn = psycopg2.connect(database_url(name))
    conn.autocommit = True
    return conn


def start_celery_worker(redis_url: str, folder: Path, extra_env: dict | None = None, concurrency: int = 1) -> dict:
    """Start a real `celery worker` process (in its own process group) on the test database and Redis.

    Returns a dict with the worker's process, the folder its file-based e-mail backend writes to
    and its log file; stop it with stop_celery_worker().
    """
    from ogp_portal.celery import app

    outbox = folder / "outbox"
    outbox.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local",
        "DEBUG": "1",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **(extra_env or {}),
    }
    hostname = f"test-{os.getpid()}-{time.monotonic_ns()}@%h"
    log = open(folder / "worker.log", "w+")  # noqa: SIM115 (closed by stop_celery_worker)
    command = [sys.executable, "-m", "celery", "-A", "ogp_portal", "worker", "-c", str(concurrency)]
    process = subprocess.Popen(
        [*command, "-n", hostname, "-l", "info"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # a test may kill the worker and its pool children together
    )
    app.conf.task_always_eager = False
    worker = {"process": process, "outbox": outbox, "log": folder / "worker.log", "_log_file": log}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            stop_celery_worker(worker)
            pytest.fail(f"The Celery worker exited at start-up:\n{log.read()[-3000:]}")
        # The worker says so once it consumes (read from its log: its broker may not be this process's).
        log.seek(0)
        if f"{hostname.replace('%h', socket.gethostname())} ready." in log.read():
            return worker
        time.sleep(0.2)
    stop_celery_worker(worker)
    pytest.fail("The Celery worker did not answer within 60 s")


def stop_celery_worker(worker: dict) -> None:
    from ogp_portal.celery import app

    app.conf.task_always_eager = True
    process = worker["process"]
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    worker["_log_file"].close()


@pytest.fixture
def celery_worker_env():
    """Extra environment of the `celery_worker` process; a test module overrides it when it needs to."""
    return {}


@pytest.fixture
def celery_worker(transactional_db, redis_url, tmp_path, celery_worker_env):
    """A real `celery worker` process on the test database and Redis; tasks are sent to it.

    Yields a dict with the worker's process and the folder its file-based e-mail backend writes to.
    """
    require(connection.vendor == "postgresql", "the worker shares the test database: needs PostgreSQL")
    worker = start_celery_worker(redis_url, tmp_path, celery_worker_env)
    try:
        yield worker
    finally:
        stop_celery_worker(worker)


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.2):
    """Poll predicate until it returns a truthy value or the timeout passes; returns its last value."""
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = predicate()
    return value


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    require(Path(CHROMIUM).exists(), "needs Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "needs the playwright package")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop runs in this thread
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server, transactional_db):
    """make(locale="en-GB", width=1280, javascript=True): a page in a browser context of its own (its own cookies:
    one person each), closed after the test."""
    contexts = []

    def make(locale: str = "en-GB", *, width: int = 1280, javascript: bool = True):
        context = browser.new_context(
            locale=locale, viewport={"width": width, "height": 900}, java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield make
    for context in contexts:
        context.close()
