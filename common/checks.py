"""System checks of the portal's own settings (`manage.py check`, `check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@register()
def check_site_url(app_configs, **kwargs):
    """SITE_URL is an address e-mails can link to: http(s), a host, nothing after it."""
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme in ("http", "https") and parts.hostname and not (parts.path or parts.query or parts.fragment):
        return []
    return [
        Error(
            f"SITE_URL {settings.SITE_URL!r} is not the portal's address.",
            hint="Give the scheme and host only, e.g. https://portal.example.org.",
            id="ogp_portal.E001",
        )
    ]


@register(Tags.security, deploy=True)
def check_site_url_deploy(app_configs, **kwargs):
    """In production, e-mails link to the public https address, not to the embedded default."""
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme == "https" and parts.hostname not in LOOPBACK:
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: e-mails would send people there.",
            hint="Set SITE_URL to the portal's public https address, e.g. https://portal.example.org.",
            id="ogp_portal.W001",
        )
    ]
