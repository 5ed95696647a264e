from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _SettingsRateMixin:
    # DRF reads the rates once at import; reading them per request keeps them configurable and testable.
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_SettingsRateMixin, AnonRateThrottle):
    """Per client IP address for anonymous requests."""


class UserThrottle(_SettingsRateMixin, UserRateThrottle):
    """Per account for authenticated requests."""
