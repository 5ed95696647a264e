"""A fixed-window rate limiter on Django's cache "limits" (the broker's Redis in production, which evicts nothing;
local memory on the embedded default).

Limits are read from settings.RATE_LIMITS: {scope: {"user": (count, seconds), "ip": (count, seconds)}}.
`check()` refuses once a window is full; `hit()` counts an action that was done. Only what succeeded is
counted, so a form sent back with errors does not use up anyone's allowance.

Limits are applied at the edges, where the request is: `limited()` around a page's service call
(common.views.RateLimitMixin) and the API's RateLimitThrottle (common/api/throttling.py).
Services never see an address.
"""

import contextlib
import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class RateLimited(ValidationError):
    """Too many actions of one kind in the window; nothing was saved. `wait`: seconds until it reopens."""

    wait: int | None = None


def _buckets(scope: str, user_id: int | None, ip: str) -> list[tuple[str, int, int, int]]:
    """(cache key, limit, window, seconds left in it) of each counter that applies."""
    limits = settings.RATE_LIMITS.get(scope, {})
    now = time.time()
    buckets = []
    for kind, ident in (("user", user_id), ("ip", ip)):
        if not ident or kind not in limits:
            continue
        count, window = limits[kind]
        slot = int(now // window)
        buckets.append((f"ratelimit:{scope}:{kind}:{ident}:{slot}", count, window, math.ceil(window - now % window)))
    return buckets


def counters():
    """The cache of the counters (settings.CACHES["limits"])."""
    return caches["limits"]


def check(scope: str, *, user_id: int | None = None, ip: str = "") -> None:
    """Raise RateLimited when the user or the address has used up the allowance of this window."""
    for key, limit, _window, left in _buckets(scope, user_id, ip):
        if (counters().get(key) or 0) >= limit:
            minutes = max(1, math.ceil(left / 60))
            error = RateLimited(
                _("You have done this too many times in a short while. Please try again in %(wait)s.")
                % {"wait": ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}},
                code="rate_limited",
            )
            error.wait = left
            raise error


def hit(scope: str, *, user_id: int | None = None, ip: str = "") -> None:
    """Count one action for the user and the address."""
    cache = counters()
    for key, _limit, window, _left in _buckets(scope, user_id, ip):
        cache.add(key, 0, timeout=window + 5)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window + 5)


@contextlib.contextmanager
def limited(scope: str, request):
    """Refuse (RateLimited) when the request's user or address has used up `scope`; count the action once the
    block succeeds. An empty scope limits nothing."""
    if not scope:
        yield
        return
    who = request_identity(request)
    check(scope, **who)
    yield
    hit(scope, **who)


def request_identity(request) -> dict:
    """The keys a request is counted under: its account (when signed in) and its client address."""
    return {"user_id": getattr(request.user, "pk", None), "ip": client_ip(request)}


def client_ip(request) -> str:
    """The client's address, for every limit (rate limits, API throttles, sign-in lockout).

    Without trusted proxies (PROXY_COUNT = 0) it is REMOTE_ADDR and X-Forwarded-For is ignored: anyone can
    write that header. Behind N proxies each one appends the address it saw, so the client is the N-th
    entry from the right; what the client itself wrote is further left and never read.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            try:
                return str(ipaddress.ip_address(forwarded[-proxies]))
            except ValueError:
                return remote
    return remote
