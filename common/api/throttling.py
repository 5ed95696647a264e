from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, BaseThrottle, ScopedRateThrottle, UserRateThrottle

from common import ratelimit
from common.ratelimit import client_ip


class _PortalThrottleMixin:
    # The counters' cache (settings.CACHES["limits"]), which evicts nothing, not the default one.
    @property
    def cache(self):
        return ratelimit.counters()

    # DRF reads the rates once at import; reading them per request keeps them configurable and testable.
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    # DRF's own reading of X-Forwarded-For trusts the client's header unless NUM_PROXIES is set: the
    # portal's one client address (PROXY_COUNT) is used instead.
    def get_ident(self, request):
        return client_ip(request)


class AnonThrottle(_PortalThrottleMixin, AnonRateThrottle):
    """Per client IP address for anonymous requests."""


class UserThrottle(_PortalThrottleMixin, UserRateThrottle):
    """Per account for authenticated requests."""


class ScopedThrottle(_PortalThrottleMixin, ScopedRateThrottle):
    """Per view scope (`throttle_scope`), per account or per client IP address."""


class RateLimitThrottle(BaseThrottle):
    """The portal's rate limits (settings.RATE_LIMITS, common/ratelimit.py) on the API's writes.

    The view names the scope of each action in `rate_limits` ({action: scope}, POST only); a full window is
    a 429 with Retry-After and the same message as the web form's. Only a write that succeeded counts:
    RateLimitedViewMixin counts it once the response is a success.
    """

    def allow_request(self, request, view):
        scope = view.rate_limit_scope(request)
        if scope:
            ratelimit.check(scope, **ratelimit.request_identity(request))  # RateLimited: a 429 (api/exceptions.py)
        return True


class RateLimitedViewMixin:
    """A viewset whose writes count against RATE_LIMITS, per account and per client address (the web's keys)."""

    rate_limits: dict[str, str] = {}
    rate_limited_methods: tuple[str, ...] = ("POST",)

    def rate_limit_scope(self, request) -> str:
        if request.method not in self.rate_limited_methods:
            return ""
        return self.rate_limits.get(getattr(self, "action", None), "")

    def get_throttles(self):
        return [*super().get_throttles(), RateLimitThrottle()]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        scope = self.rate_limit_scope(request)
        if scope and 200 <= response.status_code < 300:
            ratelimit.hit(scope, **ratelimit.request_identity(request))
        return response
