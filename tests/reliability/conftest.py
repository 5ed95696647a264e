"""Fault injection: a private Redis the tests stop and restart, the portal served by gunicorn, and a
small cookie-keeping HTTP client that goes through the real forms (CSRF token, session cookie).

Every process a test starts is stopped by the fixture that started it, whatever the test's outcome.
"""

import contextlib
import email
import email.policy
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import ROOT, database_url, require, wait_for


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _stop(process: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM to the process group, SIGKILL if it lingers."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        except ProcessLookupError:
            pass
    with contextlib.suppress(ProcessLookupError):  # children left behind (pool processes, gunicorn workers)
        os.killpg(process.pid, signal.SIGKILL)


class PrivateRedis:
    """A redis-server of the test's own, without persistence: a restart loses every queued message."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder = folder
        self.process = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        log = open(self.folder / "redis.log", "a")  # noqa: SIM115 (the child keeps it; closed below)
        self.process = subprocess.Popen(
            command, cwd=self.folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        if not wait_for(lambda: _port_open(self.port), timeout=10, interval=0.05):
            pytest.fail("The private redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)
            self.process = None


@pytest.fixture
def private_redis(tmp_path):
    require(shutil.which("redis-server") is not None, "needs the redis-server binary")
    redis = PrivateRedis(tmp_path)
    redis.start()
    try:
        yield redis
    finally:
        redis.stop()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def portal_env(redis_url: str, **extra) -> dict:
    """Environment of a portal process (web or worker) on the test database and the given Redis."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local",
        "DEBUG": "0",
        "SECRET_KEY": "fault-injection-tests-only-secret-key-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WHITENOISE_USE_FINDERS": "1",
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "0",
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


class Gunicorn:
    def __init__(self, env: dict, folder: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / "gunicorn.log"
        log = open(self.log_path, "w")  # noqa: SIM115 (the child keeps it; closed below)
        command = [sys.executable, "-m", "gunicorn", "ogp_portal.wsgi", "--workers", "2", "--timeout", "60"]
        self.process = subprocess.Popen(
            [*command, "--bind", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def log(self) -> str:
        return self.log_path.read_text()[-4000:]


@pytest.fixture
def gunicorn_for(transactional_db, tmp_path):
    """gunicorn_for(redis_url) serves the portal on a free port; it is stopped after the test."""
    require(connection.vendor == "postgresql", "the web server shares the test database: needs PostgreSQL")
    servers = []

    def start(redis_url: str, **extra_env) -> Gunicorn:
        server = Gunicorn(portal_env(redis_url, **extra_env), tmp_path)
        servers.append(server)
        if not wait_for(lambda: server.process.poll() is not None or _port_open(server.port), timeout=30):
            pytest.fail(f"gunicorn did not start:\n{server.log()}")
        if server.process.poll() is not None:
            pytest.fail(f"gunicorn exited at start-up:\n{server.log()}")
        return server

    try:
        yield start
    finally:
        for server in servers:
            _stop(server.process)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class WebClient:
    """One person's browser: cookies (session, CSRF) kept between requests; redirects not followed."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)

    def _open(self, request) -> tuple[int, dict, str]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def get(self, path: str) -> tuple[int, dict, str]:
        return self._open(urllib.request.Request(self.base + path))  # noqa: S310 (http://127.0.0.1 only)

    def post(self, path: str, data: dict) -> tuple[int, dict, str]:
        token = next((c.value for c in self.cookies if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST")  # noqa: S310
        return self._open(request)

    def login(self, email_address: str, password: str) -> None:
        status, _headers, _page = self.get("/accounts/login/")
        assert status == 200
        status, headers, page = self.post("/accounts/login/", {"login": email_address, "password": password})
        assert status == 302, page[-2000:]

    def form_value(self, path: str, field: str) -> str:
        status, _headers, page = self.get(path)
        assert status == 200, page[-2000:]
        match = re.search(rf'name="{field}"[^>]*value="([^"]*)"', page) or re.search(
            rf'value="([^"]*)"[^>]*name="{field}"', page
        )
        assert match, f"no {field} in the form of {path}"
        return match.group(1)


def give_web_password(*users) -> str:
    """Set a password the web server can check (this process hashes with MD5, which it does not know)."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    password = "fault-injection-password"  # noqa: S105 (test accounts only)
    encoded = PBKDF2PasswordHasher().encode(password, PBKDF2PasswordHasher().salt(), iterations=1000)
    for user in users:
        type(user).objects.filter(pk=user.pk).update(password=encoded)
    return password


def send_tasks(broker_url: str, tasks: list[tuple[str, tuple]]) -> None:
    """Publish tasks by name to the given broker (the workers' Redis, not the test process's)."""
    from celery.exceptions import AlwaysEagerIgnored

    from ogp_portal.celery import app

    with app.connection_for_write(broker_url) as conn, warnings.catch_warnings():
        warnings.simplefilter("ignore", AlwaysEagerIgnored)  # this process's tests run eagerly; not these
        for name, args in tasks:
            app.send_task(name, args=args, connection=conn, ignore_result=True)


def run_beat_once(broker_url: str) -> None:
    """What celery beat does when every periodic task falls due: publish each of them once."""
    send_tasks(broker_url, [(entry["task"], ()) for entry in settings.CELERY_BEAT_SCHEDULE.values()])


def delivered_emails(outbox: Path) -> list[email.message.EmailMessage]:
    """Every message the file-based e-mail backend wrote (one file per connection, one message each)."""
    messages = []
    for path in sorted(outbox.glob("*.log")):
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip():
                messages.append(email.message_from_string(chunk.strip(), policy=email.policy.default))
    return messages


def text_of(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()
