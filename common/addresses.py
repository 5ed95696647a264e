"""The addresses of a route with one argument (a member's, a plan's, an API item's), built without a reverse() per
row or request.

A list page links every row two or three times: reverse() walks the URL resolver each time. The address
of a route is reversed once with a placeholder argument (per URLconf and script prefix), and the row's key
is put in its place: the same address reverse() gives.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = "7350917351"  # digits (an <int:> route accepts it), found nowhere else in an address


@lru_cache(maxsize=64)
def _pattern(name: str, urlconf, prefix: str, suffix: str | None = None) -> tuple[str, str]:
    args = [_PLACEHOLDER] if suffix is None else [_PLACEHOLDER, suffix]
    before, _, after = reverse(name, args=args, urlconf=urlconf).partition(_PLACEHOLDER)
    return before, after


@lru_cache(maxsize=64)
def _plain(name: str, urlconf, prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


def _where() -> tuple:
    return get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()


def url_for(name: str, key) -> str:
    """reverse(name, args=[key]) for a route with one integer or slug argument."""
    before, after = url_parts(name)
    return f"{before}{key}{after}"


def url_parts(name: str, *, suffix: str | None = None) -> tuple[str, str]:
    """What reverse(name, args=[key]) writes before and after the key; with `suffix`, the API route's address
    with that format suffix (reverse(name, args=[key, suffix]): `/api/v1/members/7.json`)."""
    return _pattern(name, *_where(), suffix)


def plain_url(name: str) -> str:
    """reverse(name) for a route without arguments."""
    return _plain(name, *_where())


def last_key_parts(name: str, *keys) -> tuple[str, str]:
    """What reverse(name, args=[*keys, key]) writes before and after its last key: a route of rows under one object
    (a report's commitments), reversed once for the page, not once per row."""
    before, _, after = reverse(name, args=[*keys, _PLACEHOLDER]).partition(_PLACEHOLDER)
    return before, after
