"""Django's Redis cache, where an unreachable Redis is a cache miss rather than an error.

The cache only holds what can be computed again (derived pages, rate-limit counters, API throttles),
so while Redis is away every read misses, every write is dropped and the request carries on against
the database. After a failure the backend does not try Redis again for RETRY_SECONDS, so a
blackholed server costs one connect timeout per process and pause, not one per cache call.
When Redis answers again, `cache_recovered` is sent before any other cache call, for whatever must
catch up with the writes that were dropped (the content version: common/cache.py).

Django's client builds a new `redis.Redis` for every cache call, and its constructor copies about 170 reply
callbacks (0.15 ms, three to a dozen times a request); here each connection pool keeps one.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal
from redis.exceptions import NoPermissionError, RedisError, ResponseError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0

# Sent when Redis answers again after a failure: what was written to it meanwhile was dropped.
cache_recovered = Signal()


# set_many() in one command: each key set with the same lifetime in seconds (the last argument; none: kept until
# evicted; 0: deleted, as Django's expire(key, 0) does).
_SET_MANY = """
local seconds = tonumber(ARGV[#ARGV])
for index, key in ipairs(KEYS) do
  if seconds == nil then
    redis.call('SET', key, ARGV[index])
  elseif seconds > 0 then
    redis.call('SET', key, ARGV[index], 'EX', seconds)
  else
    redis.call('DEL', key)
  end
end
"""


_REFUSED = object()  # a client whose Redis refuses scripts


def _refuses_scripts(error: ResponseError) -> bool:
    """Whether Redis answered that scripts are not allowed (an ACL: NOPERM, which redis-py raises as
    NoPermissionError without the code in its text; a renamed or proxied-away command: unknown command), not that
    the write itself failed (out of memory, a read-only replica): the cache unavailable."""
    if isinstance(error, NoPermissionError) or getattr(error, "status_code", None) == "NOPERM":
        return True
    return "UNKNOWN COMMAND" in str(error).upper()


class ReusedClientRedisCacheClient(RedisCacheClient):
    """One `redis.Redis` per connection pool, not one per call: a client takes a connection from its pool for
    each command, so it can serve call after call."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._set_many_scripts = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    def set_many(self, data, timeout):
        """One script call instead of Django's MULTI, MSET, an EXPIRE per key and EXEC: the 25 rows a list page
        writes (common.cache.cached_fragments) cost a third less. A Redis that refuses scripts (an ACL without
        @scripting, a proxy) gets Django's commands from then on, rather than an error that would pause the cache."""
        client = self.get_client(None, write=True)
        script = self._set_many_scripts.get(client)
        if script is None:
            script = self._set_many_scripts[client] = client.register_script(_SET_MANY)
        if script is _REFUSED:
            return super().set_many(data, timeout)
        values = [self._serializer.dumps(value) for value in data.values()]
        try:
            script(keys=list(data), args=[*values, "" if timeout is None else timeout])
        except ResponseError as exc:
            if not _refuses_scripts(exc):
                raise
            logger.warning("Redis refuses scripts, set_many sends plain commands: %s", exc)
            self._set_many_scripts[client] = _REFUSED
            super().set_many(data, timeout)


class ResilientRedisCache(RedisCache):
    # Shared by the cache objects of every thread of the process: one Redis, one view of its health.
    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _call(self, method: str, fallback, *args, **kwargs):
        cls = type(self)
        if cls._down_until and not self._recovered():
            return fallback
        try:
            return getattr(super(), method)(*args, **kwargs)
        except RedisError as exc:
            logger.warning("Cache unavailable, serving without it: %s", exc)
            cls._down_until = time.monotonic() + RETRY_SECONDS
            return fallback

    def _recovered(self) -> bool:
        """After the pause, whether Redis answers again; if so, cache_recovered is sent first of all."""
        cls = type(self)
        if time.monotonic() < cls._down_until:
            return False
        try:
            self._cache.get_client(write=True).ping()
        except RedisError:
            cls._down_until = time.monotonic() + RETRY_SECONDS
            return False
        cls._down_until = 0.0
        logger.warning("Cache available again")
        cache_recovered.send(sender=cls)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # As if stored (and lost at once): a lock taken with add() (allauth's rate limits) is granted,
        # where "not added" would make every sign-in wait for a lock nobody holds, then refuse it.
        return self._call("add", True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # Unknown while Redis is away: a counter that restarts from nothing (rate limits open up).
        return self._call("incr", delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
