"""`make stack-smoke`: the production topology for real, and a journey through nginx with an HTTP client.

nginx (the committed configuration) on 127.0.0.1 with TLS in front of two gunicorn instances, two Celery
workers and one beat, PostgreSQL (a database created and dropped here), Redis (db 2) as the broker and a Redis
of the stack's own as the cache (compose's `cache` command, bounded and evicting). A participant
signs in, proposes with a PDF and downloads it; a researcher has a worker render a report and downloads
it; an anonymous visitor gets neither the unpublished PDF nor any stored file by a guessed /media/ path.

Deselected from `make test` (pyproject addopts: -m "not stack"); skips when nginx, PostgreSQL or Redis
is missing, unless REQUIRE_SERVICES=1.
"""

import json
import os
import re
import time
from urllib.parse import quote

import pytest

from tests.conftest import require
from tests.consultations.files import MINIMAL_PDF
from tests.stack.topology import Stack, cache_server_arguments, nginx_binary, redis_server_binary, with_database

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]

DATABASE = os.environ.get("STACK_SMOKE_DATABASE", "h_stack_smoke")
REDIS_DB = os.environ.get("STACK_SMOKE_REDIS_DB", "2")


def _postgres_admin():
    """A connection to the PostgreSQL server of DATABASE_URL (autocommit), or None."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None, ""
    import psycopg2

    try:
        connection = psycopg2.connect(with_database(url, "postgres"), connect_timeout=3)
    except psycopg2.Error:
        return None, ""
    connection.autocommit = True
    return connection, url


def _redis():
    url = os.environ.get("REDIS_URL", "")
    if not url:
        return None, ""
    import redis

    url = with_database(url, REDIS_DB)
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        return None, ""
    return client, url


@pytest.fixture
def services():
    require(nginx_binary() is not None, "needs nginx (apt-get install nginx; make system-deps)")
    require(redis_server_binary() is not None, "needs redis-server (the stack starts its cache with it)")
    admin, database_url = _postgres_admin()
    require(admin is not None, "needs PostgreSQL (set DATABASE_URL to a postgres:// server)")
    broker, redis_url = _redis()
    if broker is None:
        admin.close()
    require(broker is not None, "needs Redis (set REDIS_URL to a running server)")
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{DATABASE}"')
    broker.flushdb()
    try:
        yield {"database_url": with_database(database_url, DATABASE), "redis_url": redis_url, "admin": admin}
    finally:
        broker.flushdb()
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.close()


def _input(html: str, name: str) -> str:
    tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html).group(0)
    return re.search(r'value="([^"]*)"', tag).group(1)


class Browser:
    """A requests session that talks to nginx over TLS and sends what a browser's form sends."""

    def __init__(self, stack: Stack, certificate):
        import requests

        self.base = stack.url
        self.session = requests.Session()
        self.session.trust_env = False  # no proxy, and our certificate rather than REQUESTS_CA_BUNDLE
        self.session.verify = str(certificate)

    def get(self, path: str, **kwargs):
        return self.session.get(self.base + path, timeout=30, **kwargs)

    def submit(self, path: str, data: dict, *, files=None, form_path: str | None = None):
        """GET the form page (for its CSRF token), then POST the form as a browser would."""
        page = self.get(form_path or path)
        assert page.status_code == 200, (path, page.status_code)
        data = {"csrfmiddlewaretoken": _input(page.text, "csrfmiddlewaretoken"), **data}
        return self.session.post(
            self.base + path, data=data, files=files, headers={"Referer": page.url}, timeout=60
        ), page

    def sign_in(self, email: str, password: str) -> None:
        response, _ = self.submit("/accounts/login/", {"login": email, "password": password})
        assert response.status_code == 200 and "/accounts/login/" not in response.url, response.url


def test_the_production_topology_serves_the_journey_through_nginx(services, tmp_path):
    with Stack(tmp_path, database_url=services["database_url"], redis_url=services["redis_url"]) as stack:
        _journey(stack)


def _stored_name(stack: Stack, sql: str, *params) -> str:
    import psycopg2

    with psycopg2.connect(stack.database_url) as connection, connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _journey(stack: Stack) -> None:
    certificate = stack.folder / "nginx" / "cert.pem"
    people = json.loads(stack.python("-m", "tests.stack.seed", timeout=120).strip().splitlines()[-1])
    anonymous = Browser(stack, certificate)
    _pages_and_https(stack, anonymous)
    amina = Browser(stack, certificate)
    proposal = _propose_with_a_pdf(amina, people)
    _download_the_attachment(stack, proposal, amina, anonymous)
    ngozi = Browser(stack, certificate)
    report = _render_the_report(stack, ngozi, people)
    _unpublished_pdf_is_refused(stack, anonymous, report)
    _the_cache_is_apart_from_the_broker(stack)

    # Both gunicorns served requests; every process is still up (beat included).
    for name in ("web1", "web2"):
        assert "GET /" in stack.log(name), stack.tails()
    assert all(process.poll() is None for process in stack.processes.values()), stack.tails()


def _pages_and_https(stack: Stack, anonymous: Browser) -> None:
    """Pages and static files come through nginx; every request reached one of the two gunicorns."""
    home = anonymous.get("/")
    assert home.status_code == 200 and "max-age" in home.headers["Strict-Transport-Security"]
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home.text).group(1)
    css = anonymous.get(stylesheet)
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css") and css.content

    # Plain HTTP only redirects to HTTPS.
    plain_url = f"http://127.0.0.1:{stack.http_port}/consultations/"
    plain = anonymous.session.get(plain_url, allow_redirects=False, timeout=30)
    assert plain.status_code == 301 and plain.headers["Location"] == f"{stack.url}/consultations/"


def _propose_with_a_pdf(amina: Browser, people: dict) -> str:
    """A participant signs in and proposes, with a PDF, to the open consultation."""
    amina.sign_in(people["participant"], people["password"])
    propose = f"/consultations/{people['consultation']}/propose/"
    form = amina.get(propose).text
    created, _ = amina.submit(
        propose,
        {
            "submission_key": _input(form, "submission_key"),
            "title": "Publish district board agendas a week ahead",
            "problem": "Residents learn about decisions too late.",
            "solution": "Publish every agenda seven days before the meeting.",
            "website": "",
        },
        files={"attachments": ("survey.pdf", MINIMAL_PDF, "application/pdf")},
    )
    assert created.status_code == 200, created.text[-2000:]
    proposal = re.search(r"/proposals/(\d+)/", created.url).group(1)
    submitted, _ = amina.submit(f"/proposals/{proposal}/submit/", {}, form_path=f"/proposals/{proposal}/")
    assert submitted.status_code == 200
    return proposal


def _download_the_attachment(stack: Stack, proposal: str, amina: Browser, anonymous: Browser) -> None:
    """Its attachment is downloaded through the view (nginx streams it after the check), by anyone."""
    page = anonymous.get(f"/proposals/{proposal}/").text
    link = re.search(r'href="(/proposals/attachments/\d+/)"', page).group(1)
    for who in (amina, anonymous):
        download = who.get(link)
        assert download.status_code == 200 and download.content == MINIMAL_PDF
        assert download.headers["Content-Type"] == "application/pdf" and "X-Accel-Redirect" not in download.headers
        assert "private" in download.headers["Cache-Control"]
        assert "survey.pdf" in download.headers["Content-Disposition"]
        assert download.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert download.headers["X-Frame-Options"] == "DENY" and download.headers["X-Content-Type-Options"] == "nosniff"
    stored = _stored_name(stack, "SELECT file FROM consultations_proposalattachment")
    for path in (f"/media/{stored}", f"/_private/{stored}"):
        assert anonymous.get(quote(path)).status_code == 404, path


def _render_the_report(stack: Stack, ngozi: Browser, people: dict) -> int:
    """A researcher asks for the report's PDF; one of the workers renders it."""
    ngozi.sign_in(people["researcher"], people["password"])
    report = people["report"]
    asked, _ = ngozi.submit(f"/irm-reports/{report}/render/", {}, form_path=f"/irm-reports/{report}/")
    assert asked.status_code == 200
    deadline, status = time.monotonic() + 180, {}
    while time.monotonic() < deadline:
        status = ngozi.get(f"/irm-reports/{report}/status/").json()
        if status["status"] in ("ready", "failed"):
            break
        time.sleep(1)
    assert status.get("status") == "ready", (status, stack.tails())
    pdf = ngozi.get(status["download_url"])
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF") and len(pdf.content) > 1000
    rendered_by = [name for name in ("worker1", "worker2") if "report_render_task" in stack.log(name)]
    assert rendered_by, stack.tails()
    return report


def _the_cache_is_apart_from_the_broker(stack: Stack) -> None:
    """The pages went to the cache's Redis, bounded and evicting as compose starts it; the broker's holds queues,
    task results and the rate limits' counters (the participant's proposal was counted there), no page (Django's
    cache keys start with ":1:")."""
    import redis

    cache, broker = redis.Redis.from_url(stack.cache_url), redis.Redis.from_url(stack.redis_url)
    arguments = cache_server_arguments()
    policy = cache.config_get("maxmemory-policy")["maxmemory-policy"]
    assert policy == arguments[arguments.index("--maxmemory-policy") + 1] == "allkeys-lru"
    assert int(cache.config_get("maxmemory")["maxmemory"]) > 0
    cached = [key.decode() for key in cache.scan_iter(match=":1:*", count=1000)]
    assert cached, "no page reached the cache's Redis"
    assert not [key for key in cached if key.startswith((":1:ratelimit:", ":1:throttle_"))], cached
    counters = [key.decode() for key in broker.scan_iter(match=":1:*", count=1000)]
    assert any(key.startswith(":1:ratelimit:consultations.proposal:") for key in counters), counters
    assert all(key.startswith((":1:ratelimit:", ":1:throttle_")) for key in counters), counters


def _unpublished_pdf_is_refused(stack: Stack, anonymous: Browser, report) -> None:
    """The unpublished PDF: refused to an anonymous visitor by its view, by its stored path, by a guessed one."""
    refused = anonymous.get(f"/irm-reports/{report}/pdf/", allow_redirects=False)
    assert refused.status_code == 302 and "/accounts/login/" in refused.headers["Location"]
    stored = _stored_name(
        stack,
        "SELECT r.pdf FROM irm_reports_reportrendering r JOIN irm_reports_report p ON p.rendering_id = r.id"
        " WHERE p.id = %s",
        report,
    )
    guessed = f"irm_reports/{report}/{stored.rsplit('/', 1)[-1]}"
    for path in (f"/media/{stored}", f"/media/{guessed}", f"/_private/{stored}", f"/irm-reports/{report}/v1.pdf"):
        response = anonymous.get(path, allow_redirects=False)
        assert response.status_code == 404 and not response.content.startswith(b"%PDF"), path
