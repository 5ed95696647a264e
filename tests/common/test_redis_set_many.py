"""The Redis cache's set_many (common.redis_cache: one script call): the values, their types and their lifetimes
as Django's own set_many keeps them."""

import pytest
import redis
from django.core.cache.backends.redis import RedisCache
from django.utils.safestring import SafeString, mark_safe
from redis._parsers.base import BaseParser

from common.redis_cache import ResilientRedisCache

pytestmark = pytest.mark.integration

VALUES = {"row:1": mark_safe("<li>Eau — accès</li>"), "row:2": 7, "row:3": {"a": [1, None]}, "row:4": b"\x00\xff"}


@pytest.fixture
def caches(redis_url):
    ours, django = ResilientRedisCache(redis_url, {"KEY_PREFIX": "ours"}), RedisCache(redis_url, {"KEY_PREFIX": "dj"})
    yield ours, django
    for cache in (ours, django):
        cache.delete_many([*VALUES, "kept"])


def _lifetimes(redis_url, cache) -> list[int]:
    client = redis.Redis.from_url(redis_url)
    return [client.ttl(cache.make_key(key)) for key in VALUES]


@pytest.mark.parametrize("timeout", [600, None])
def test_values_and_lifetimes_are_djangos(caches, redis_url, timeout):
    for cache in caches:
        cache.set("kept", "before", None)
        assert cache.set_many(VALUES, timeout) == []
    ours, django = caches
    found = ours.get_many([*VALUES, "kept"])
    assert found == django.get_many([*VALUES, "kept"]) == {**VALUES, "kept": "before"}
    assert isinstance(found["row:1"], SafeString)
    lifetimes = _lifetimes(redis_url, ours)
    if timeout is None:
        assert lifetimes == _lifetimes(redis_url, django) == [-1] * len(VALUES)  # kept until evicted
    else:
        assert all(timeout - 2 <= seconds <= timeout for seconds in lifetimes)


def test_a_lifetime_of_zero_deletes_as_djangos_does(caches):
    for cache in caches:
        cache.set_many(VALUES, 600)
        cache.set_many(VALUES, 0)
        assert cache.get_many(list(VALUES)) == {}


def test_redis_away_drops_the_values(monkeypatch):
    cache = ResilientRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.5}})
    monkeypatch.setattr(ResilientRedisCache, "_down_until", 0.0)
    assert cache.set_many(VALUES, 600) == list(VALUES)


@pytest.mark.parametrize(
    "refusal",
    [
        "NOPERM User default has no permissions to run the 'evalsha' command",
        "NOPERM this user has no permissions to run the 'evalsha' command",
        "ERR unknown command 'EVALSHA', with args beginning with: ",
    ],
)
def test_a_redis_refusing_scripts_gets_djangos_commands(caches, monkeypatch, refusal):
    ours, _django = caches
    ours.set_many({"kept": 1}, 600)  # the script registered
    client = ours._cache.get_client(write=True)

    tried = []

    def refused(*args, **kwargs):
        tried.append(args)
        raise BaseParser.parse_error(refusal)  # as redis-py raises Redis's answer

    monkeypatch.setattr(type(ours._cache._set_many_scripts[client]), "__call__", refused)
    monkeypatch.setattr(ResilientRedisCache, "_down_until", 0.0)
    assert ours.set_many(VALUES, 600) == []
    assert ours.get_many(list(VALUES)) == VALUES and ResilientRedisCache._down_until == 0.0  # not paused
    assert ours.set_many({"row:2": 8}, 600) == [] and ours.get("row:2") == 8
    assert len(tried) == 1  # Django's commands from then on: the refused script is not sent again


def test_a_failed_write_is_not_taken_for_a_refusal(caches, monkeypatch):
    ours, _django = caches
    ours.set_many({"kept": 1}, 600)
    script = ours._cache._set_many_scripts[ours._cache.get_client(write=True)]

    def out_of_memory(*args, **kwargs):
        raise BaseParser.parse_error("OOM command not allowed when used memory > 'maxmemory'.")

    monkeypatch.setattr(type(script), "__call__", out_of_memory)
    monkeypatch.setattr(ResilientRedisCache, "_down_until", 0.0)
    assert ours.set_many(VALUES, 600) == list(VALUES)  # dropped, the cache paused as for any failure
    assert ResilientRedisCache._down_until > 0
