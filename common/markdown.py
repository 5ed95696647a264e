"""User text is Markdown: rendered to HTML, then sanitised, so no markup a user typed reaches a page raw."""

import re
import threading
from functools import lru_cache

import markdown as markdown_lib
import nh3
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Markup that has no business in a proposal or a comment: refused with a message rather than silently dropped.
FORBIDDEN_MARKUP = re.compile(
    r"<\s*/?\s*(script|style|iframe|object|embed|form|svg|math)\b|javascript\s*:|\bon[a-z]+\s*=\s*[\"']",
    re.IGNORECASE,
)


# Texts up to this length (comments: 3,000) keep their rendered HTML in a per-process cache keyed by the
# text, at most RENDERED_KEPT of them (a few tens of MB at worst).
CACHED_TEXT_MAX_LENGTH = 5_000
RENDERED_KEPT = 2048
_local = threading.local()


def render_markdown(text: str) -> SafeString:
    """Markdown to HTML, sanitised with nh3: safe to put in a page as it is."""
    if not text:
        return mark_safe("")  # noqa: S308 (empty string)  # nosec
    text = str(text)
    clean = _cached_render(text) if len(text) <= CACHED_TEXT_MAX_LENGTH else _render(text)
    return mark_safe(clean)  # noqa: S308 (sanitised by nh3 in _render)  # nosec


@lru_cache(maxsize=RENDERED_KEPT)
def _cached_render(text: str) -> str:
    return _render(text)


def _render(text: str) -> str:
    html = _renderer().reset().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener ugc",
    )


def _renderer() -> markdown_lib.Markdown:
    """One Markdown renderer per thread (building one costs more than converting a short text)."""
    renderer = getattr(_local, "renderer", None)
    if renderer is None:
        renderer = _local.renderer = markdown_lib.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    return renderer


def validate_no_markup(value: str) -> None:
    """Refuse script, embedded content and event handlers in user text, with a message that says why."""
    if value and FORBIDDEN_MARKUP.search(value):
        raise ValidationError(
            _("Scripts, embedded content and HTML event handlers are not allowed. Write plain text or Markdown."),
            code="markup",
        )
