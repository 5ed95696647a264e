"""The constant parts of the layout, rendered once per language and state instead of on every page.

base.html's header, navigation, language options and footer are the same on every page for a given
language and a few values (the active menu item, whether the visitor sees the workspace or the admin):
`{% constant_include "includes/_site_nav.html" url_name=… %}` renders such a template once for those
values and the active language and keeps the HTML in a bounded per-process cache. The included
template gets only the values passed (no request, no user, no CSRF token): whatever differs between
visitors stays in base.html. With DEBUG on, every include is rendered afresh (templates being edited).
"""

from functools import lru_cache

import rules
from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def constant_include(template_name: str, **values) -> SafeString:
    """The template rendered with `values` only, once per language, URL prefix and values."""
    if settings.DEBUG:
        return _render(template_name, values)
    return _rendered(template_name, get_language(), get_script_prefix(), tuple(sorted(values.items())))


@register.filter
def rule_allows(user, permission: str) -> bool:
    """`user|rule_allows:"commitments.use_workspace"`: a permission the portal defines only as a rule
    (django-rules), answered as user.has_perm() would, without the two queries of Django's permission
    tables that has_perm() makes for everyone the rule refuses (no such permission is ever stored there)."""
    if not hasattr(user, "is_authenticated"):  # a page rendered without a request has no user
        return False
    return (user.is_active and user.is_superuser) or rules.has_perm(permission, user)


@lru_cache(maxsize=2048)
def _rendered(template_name: str, language: str | None, prefix: str, values: tuple) -> SafeString:
    return _render(template_name, dict(values))


def _render(template_name: str, values: dict) -> SafeString:
    """The template's HTML without the file's final newline (the tag sits inside a line of base.html)."""
    html = render_to_string(template_name, values).removesuffix("\n")
    return mark_safe(html)  # noqa: S308 (a template's output)  # nosec B308 B703


@receiver(setting_changed, dispatch_uid="common-layout-setting-changed")
def _forget_layout(**_kwargs) -> None:
    """A test that changes the URLs, the languages or the static files storage gets a fresh layout."""
    _rendered.cache_clear()
