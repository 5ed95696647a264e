"""The Redis servers: the broker's (REDIS_URL) and the cache's (CACHE_URL), and Django's cache aliases on them."""

from .environment import env

REDIS_URL = env("REDIS_URL", default="")
# The cache may live on a Redis of its own (docker-compose.yml: `cache`, bounded, evicting the least recently used
# keys), so that pages filling it never push the broker's queues out of memory; by default it shares REDIS_URL's.
CACHE_URL = env("CACHE_URL", default=REDIS_URL)


def _cache(url: str) -> dict:
    if not url:  # the process's memory (one store for every alias, as one Redis would be)
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    # Redis away is a cache miss, not an error page (common/redis_cache.py).
    return {
        "BACKEND": "common.redis_cache.ResilientRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }


CACHES = {
    "default": _cache(CACHE_URL),
    # The portal's rate-limit counters and the API's throttles (common.ratelimit, common.api.throttling): on the
    # broker's Redis, which evicts nothing. On the evicting cache, anyone filling it with pages would push out
    # their own spent counters and start again.
    "limits": _cache(REDIS_URL or CACHE_URL),
}
