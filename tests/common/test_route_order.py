"""The site's URL patterns are tried in order: each route must be reached by its own addresses, whatever comes
before it (ogp_portal/urls.py puts the busiest pages' routes first)."""

import re
import uuid

from django.urls import get_resolver, resolve

from tests.security.urlconf import is_excluded, url_patterns

SAMPLES = {"int": "7", "slug": "a-slug", "str": "token", "uuid": str(uuid.UUID(int=7)), "path": "a/b.txt"}
CONVERTER = re.compile(r"<(?:(\w+):)?\w+>")


def _address(route: str) -> str:
    return "/" + CONVERTER.sub(lambda match: SAMPLES[match.group(1) or "str"], route)


def _routes():
    for route, name, callback in url_patterns():
        if "^" in route or "(?P" in route or "drf_format_suffix" in route or is_excluded(route, name):
            continue  # the API router's patterns (regular expressions, format suffixes), the admin's and allauth's
        yield route, name, callback


def test_every_route_is_reached_by_its_own_addresses():
    routes = list(_routes())
    assert len(routes) > 150
    shadowed = []
    for route, name, _callback in routes:
        match = resolve(_address(route))
        if match.route != route:
            shadowed.append(f"{route} ({name}) answered by {match.route} ({match.view_name})")
    assert shadowed == []


def test_the_public_pages_are_the_first_routes_tried():
    """A request is matched against the patterns in order: the member, plan and commitment pages (most of the
    traffic) are found among the first ones, not after every other app's."""
    tried = list(get_resolver().url_patterns)
    first_include = next(i for i, p in enumerate(tried) if getattr(p, "namespace", None) == "commitments")
    assert first_include <= 3, [str(p.pattern) for p in tried[: first_include + 1]]
