"""The portal's public address and name (SITE_URL, SITE_NAME), as e-mails and absolute links give them.

A link in an e-mail is built from the settings, never from the address a request came in on (an internal
host name behind the proxy, or a worker with no request at all).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string


@dataclass(frozen=True)
class PortalSite:
    """What allauth's templates read from `current_site`."""

    name: str
    domain: str

    def __str__(self) -> str:
        return self.domain


def current_site() -> PortalSite:
    return PortalSite(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


def absolute_url(path: str) -> str:
    """The public address of a path of the portal (`/consultations/…`): SITE_URL followed by the path."""
    return settings.SITE_URL + "/" + path.lstrip("/")


def on_site_url(url: str) -> str:
    """An absolute link to the portal built from a request's host, moved onto SITE_URL (path and query kept)."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return absolute_url(url) if url.startswith("/") else url
    tail = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return absolute_url(tail)


def email_render(template: str, context: dict) -> tuple[str, str]:
    """The text and HTML bodies of `<template>.txt` / `.html`, with the portal's name and address."""
    context = {**context, "site_name": settings.SITE_NAME, "site_url": settings.SITE_URL}
    return render_to_string(f"{template}.txt", context), render_to_string(f"{template}.html", context)
