"""Redis unreachable as a cache: pages, sign-in, rate limits and API throttles carry on without it."""

import time

import pytest
import redis
import redis.connection
from django.urls import reverse

from common import ratelimit
from common.cache import bump_content_version, cached
from common.redis_cache import ResilientRedisCache
from tests.factories import UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.consultations import ConsultationFactory
from tests.reliability.conftest import free_port

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _cache_healthy_at_start(monkeypatch):
    """The 'Redis is away' pause is shared by the process: each test starts without one."""
    monkeypatch.setattr(ResilientRedisCache, "_down_until", 0.0)


@pytest.fixture
def dead_redis_cache(settings):
    """The cache and the rate limits' counters point at a port where nothing listens."""
    dead = {
        "BACKEND": "common.redis_cache.ResilientRedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }
    settings.CACHES = {"default": dead, "limits": dead}
    from django.core.cache import cache

    return cache


def test_an_unreachable_redis_is_a_cache_miss(dead_redis_cache):
    cache = dead_redis_cache
    assert cache.get("key", "default") == "default"
    cache.set("key", "value")
    assert cache.get("key") is None and cache.get_many(["key"]) == {}
    assert cache.get_or_set("computed", lambda: 42) == 42
    assert cache.add("lock", True) is True  # a lock on the cache is granted, never waited for
    assert cache.incr("counter") == 1


def test_redis_is_tried_again_after_a_pause_and_used_once_back(private_redis, monkeypatch):
    cache = ResilientRedisCache(private_redis.url, {})
    cache.set("key", "before")
    private_redis.stop()
    assert cache.get("key") is None  # the failure starts a pause
    private_redis.start()  # empty (no persistence)
    cache.set("key", "during the pause")
    assert cache.get("key") is None  # not tried yet
    monkeypatch.setattr(ResilientRedisCache, "_down_until", time.monotonic() - 1)  # the pause is over
    cache.set("key", "after")
    assert cache.get("key") == "after"


def test_pages_sign_in_rate_limits_and_the_api_work_without_the_cache(dead_redis_cache, client, db, monkeypatch):
    consultation = ConsultationFactory()
    user = UserFactory()
    attempts = []
    connect = redis.connection.Connection._connect

    def counted(self):
        attempts.append(self)
        return connect(self)

    monkeypatch.setattr(redis.connection.Connection, "_connect", counted)
    # The factories' writes tried Redis already (the content version) and may have started a pause: start afresh.
    monkeypatch.setattr(ResilientRedisCache, "_down_until", 0.0)
    assert client.get("/").status_code == 200
    tried = len(attempts)
    assert tried  # the first cache call of the first request tried Redis
    assert client.get(consultation.get_absolute_url()).status_code == 200
    assert client.get("/api/v1/members/").status_code == 200  # DRF throttles count in the cache
    response = client.post(reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302  # allauth's rate limit takes a lock in the cache
    assert client.get(reverse("consultations:proposal-create", args=[consultation.pk])).status_code == 200
    for _ in range(10):  # over the limit of 5, but nobody can be counted while the cache is away
        ratelimit.check("consultations.proposal", user_id=user.pk, ip="192.0.2.1")
        ratelimit.hit("consultations.proposal", user_id=user.pk, ip="192.0.2.1")
    # Then Redis was left alone for the pause: a blackholed server costs one connect timeout, not one for each
    # of the many cache calls of these requests.
    assert len(attempts) == tried


def test_a_write_made_while_redis_was_unreachable_shows_in_cached_pages_once_it_is_back(
    private_redis, settings, monkeypatch, db
):
    """Redis cut off but keeping its data: the content version could not be bumped during the cut,
    so it is bumped when Redis answers again, before anything cached is read."""
    redis = {"BACKEND": "common.redis_cache.ResilientRedisCache", "LOCATION": private_redis.url}
    settings.CACHES = {"default": redis, "limits": redis}
    assert cached("figure", lambda: "before") == "before"
    monkeypatch.setattr(ResilientRedisCache, "_down_until", time.monotonic() + 60)  # cut off
    bump_content_version()  # a write: its bump is dropped
    assert cached("figure", lambda: "after") == "after"  # computed, not cached
    monkeypatch.setattr(ResilientRedisCache, "_down_until", time.monotonic() - 1)  # the pause is over
    assert cached("figure", lambda: "after") == "after"


def test_one_redis_client_serves_every_call_and_outlives_a_restart(private_redis, monkeypatch):
    """Django's client built a redis.Redis (about 170 reply callbacks copied) for each call; one per pool now."""
    built = []
    init = redis.Redis.__init__

    def counted(self, *args, **kwargs):
        built.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counted)
    cache = ResilientRedisCache(private_redis.url, {})
    for n in range(10):
        cache.set(f"key{n}", n)
        assert cache.get_many([f"key{n}"]) == {f"key{n}": n}
        assert cache.incr(f"key{n}") == n + 1
    assert len(built) == 1
    private_redis.stop()
    private_redis.start()  # every connection of the pool is broken
    monkeypatch.setattr(ResilientRedisCache, "_down_until", 0.0)
    cache.set("after", "restart")
    assert cache.get("after") == "restart"
    assert len(built) == 1
