"""The home page's content is a snapshot per language, rendered again by a task after the writes that change it:
the visitor after a write is shown the previous snapshot for a moment (never past STALE_SECONDS), not made to
render the whole page; with tasks in-process (the embedded default, the tests) every visit shows the current one."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from partnership import home
from tests.conftest import wait_for
from tests.factories import ActionPlanFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_a_worker(monkeypatch, django_capture_on_commit_callbacks):
    """Tasks go to a worker (not run in-process): the refreshes queued are collected, to run them by hand."""
    queued = []
    monkeypatch.setattr(home, "_tasks_in_process", lambda: False)
    monkeypatch.setattr(home, "enqueue_in_background", lambda task, *args: queued.append((task, args)))
    return queued


def _home(client, language="en") -> str:
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert '<section class="hero">' in page  # markup, not escaped: rendered or read from the cache
    return page


def test_after_a_write_the_previous_snapshot_shows_while_one_refresh_is_queued(client, with_a_worker):
    cache.clear()
    assert "No consultation is open right now." in _home(client)  # no snapshot: rendered by the request
    ConsultationFactory(title="A call opened just now")  # a write: the snapshot is stale
    for _ in range(3):
        assert "A call opened just now" not in _home(client)
    assert with_a_worker == [(home.TASK, ("en",))]  # one refresh for the three visits
    home.home_content_render(language="en")  # the worker's refresh
    assert "A call opened just now" in _home(client)
    ConsultationFactory(title="Another call")
    _home(client)
    assert len(with_a_worker) == 2  # the refresh ran: the next write queues again


def test_a_snapshot_is_never_shown_long_after_a_visit_found_it_stale(client, with_a_worker):
    _home(client)
    ConsultationFactory(title="A call opened just now")
    assert "A call opened just now" not in _home(client)  # the refresh is queued now
    cache.set(home._queued_key("en"), time.time() - home.STALE_SECONDS - 1)  # and no worker rendered it since
    assert "A call opened just now" in _home(client)  # the visit renders it itself


def test_an_older_render_never_replaces_a_newer_snapshot(monkeypatch):
    from common.cache import bump_content_version

    older_html = home.home_content_render(language="en")
    older = cache.get(home._key("en"))
    bump_content_version()
    home.home_content_render(language="en")
    newer = cache.get(home._key("en"))
    assert newer["version"] > older["version"]
    # a render that read the older version finishes last: it keeps its result to itself
    monkeypatch.setattr(home, "content_version", lambda: older["version"])
    assert home.home_content_render(language="en") == older_html
    assert cache.get(home._key("en")) == newer


def test_consultations_opening_with_the_clock_show_without_a_write(client, with_a_worker):
    ConsultationFactory(title="Opens in a moment", opens_at=timezone.now() + timezone.timedelta(seconds=1))
    assert "Opens in a moment" not in _home(client)
    time.sleep(1.1)
    snapshot = cache.get(home._key("en"))
    cache.set(home._key("en"), {**snapshot, "built_at": time.time() - home.EXPIRES_SECONDS})
    assert "Opens in a moment" not in _home(client)  # expired: a refresh is queued, though nothing was written
    assert with_a_worker == [(home.TASK, ("en",))]
    home.home_content_render(language="en")  # the worker's refresh
    assert "Opens in a moment" in _home(client)


def test_a_visit_never_waits_on_the_broker(monkeypatch):
    """The refresh is sent from a thread: a broker that never answers holds the thread, not the visit."""
    import threading

    from common import queue

    answered, sent = threading.Event(), []
    monkeypatch.setattr(queue, "_send", lambda task, args: (answered.wait(10), sent.append(task)))
    queue.enqueue_in_background(home.TASK, "en")
    assert not sent  # back at once, the broker still silent
    answered.set()
    assert wait_for(lambda: sent == [home.TASK], timeout=10)


def test_each_language_has_its_snapshot(client, with_a_worker):
    ActionPlanFactory(title="Plan")
    english, french = _home(client, "en"), _home(client, "fr")
    assert "Open now: have your say" in english and "Open now: have your say" not in french
    assert cache.get(home._key("en"))["html"] in english and cache.get(home._key("fr"))["html"] in french
    assert not with_a_worker  # both current


def test_without_a_worker_every_visit_shows_the_current_content(client):
    _home(client)
    ConsultationFactory(title="A call opened just now")
    assert "A call opened just now" in _home(client)


@pytest.mark.integration
def test_a_real_worker_renders_the_new_snapshot_into_the_shared_cache(client, celery_worker, redis_url, settings):
    redis = {"BACKEND": "common.redis_cache.ResilientRedisCache", "LOCATION": redis_url}
    settings.CACHES = {"default": redis, "limits": redis}  # the worker's cache (its REDIS_URL)
    cache.clear()
    _home(client)
    ConsultationFactory(title="A call opened just now")
    assert "A call opened just now" not in _home(client)  # the previous snapshot; the refresh is queued
    assert wait_for(lambda: "A call opened just now" in _home(client), timeout=30)
    assert "home_content_refresh_task" in celery_worker["log"].read_text()  # rendered by the worker
