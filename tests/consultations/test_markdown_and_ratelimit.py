"""The shared helpers: Markdown rendered to sanitised HTML, and the cache-based rate limiter."""

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from common import ratelimit
from common.markdown import render_markdown, validate_no_markup


def test_markdown_becomes_html():
    html = render_markdown("**Bold** and a [link](https://example.org)\n\n- one\n- two")
    assert "<strong>Bold</strong>" in html and "<li>one</li>" in html
    assert 'href="https://example.org"' in html and 'rel="nofollow noopener ugc"' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src='https://evil.example'></iframe>",
        '<p style="position:fixed">overlay</p>',
    ],
)
def test_nothing_executable_survives_rendering(text):
    html = render_markdown(text).lower()
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert "<iframe" not in html and "style=" not in html


@pytest.mark.parametrize("text", ["<script>x</script>", "<SCRIPT src=x>", '<div onclick="x">', "javascript:void(0)"])
def test_markup_in_user_text_is_refused_with_a_message(text):
    with pytest.raises(ValidationError, match="not allowed"):
        validate_no_markup(text)


@pytest.mark.parametrize("text", ["a < b and c > d", "Use **Markdown**", "See https://example.org/on=1"])
def test_ordinary_text_is_accepted(text):
    validate_no_markup(text)


def test_the_limiter_counts_per_user_and_per_address(settings):
    settings.RATE_LIMITS = {"test.scope": {"user": (2, 60), "ip": (3, 60)}}
    ratelimit.hit("test.scope", user_id=1, ip="10.0.0.1")
    ratelimit.hit("test.scope", user_id=1, ip="10.0.0.1")
    with pytest.raises(ratelimit.RateLimited, match="try again in 1 minute"):
        ratelimit.check("test.scope", user_id=1, ip="10.0.0.2")
    ratelimit.check("test.scope", user_id=2, ip="10.0.0.2")
    ratelimit.hit("test.scope", user_id=2, ip="10.0.0.1")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.check("test.scope", user_id=3, ip="10.0.0.1")


def test_unknown_scopes_and_missing_identities_are_not_limited(settings):
    settings.RATE_LIMITS = {}
    for _ in range(100):
        ratelimit.hit("anything", user_id=1, ip="10.0.0.1")
    ratelimit.check("anything", user_id=1, ip="10.0.0.1")


def test_the_client_address_behind_proxies(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2")
    settings.PROXY_COUNT = 0
    assert ratelimit.client_ip(request) == "10.0.0.1"
    settings.PROXY_COUNT = 1
    assert ratelimit.client_ip(request) == "10.0.0.2"
    settings.PROXY_COUNT = 2
    assert ratelimit.client_ip(request) == "203.0.113.7"
