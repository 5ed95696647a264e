from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from common.ratelimit import client_ip


class _PortalThrottleMixin:
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
