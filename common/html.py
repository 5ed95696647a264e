"""Markup written in Python where a template would cost more than the page's queries (rows of long lists).

Each writer reproduces a template byte for byte, and a test renders both on the same data in every language.
"""

import html
from datetime import datetime

from django.conf import settings
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone, is_naive, localtime, template_localtime

from common.addresses import url_parts
from common.models import page_language


def template_value(value) -> str:
    """As {{ value }}: localised, then escaped unless marked safe. (Translations of a template's literal strings,
    {% trans "…" %}, are not escaped: the literal is safe, and so is its translation.)"""
    if type(value) is str:  # plain text (not a SafeString): escaped as conditional_escape would, without its checks
        return SafeString(html.escape(value))  # nosec B308 B703 (escaped on this line)
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(value)  # what localize() gives an integer when numbers are not grouped (no format lookups)
    return conditional_escape(localize(template_localtime(value)))


def address_parts(parts: tuple[str, str]) -> tuple[str, str]:
    """An address's parts around a row's key (common.addresses), escaped as {% url %} and {{ }} escape an address
    (a script prefix may hold an `&`)."""
    before, after = parts
    return escape(before), escape(after)


def joined(parts) -> SafeString:
    """Rows whose every value went through template_value (or is markup of the writer's own), joined."""
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped as the template does)  # nosec B308 B703


class SharedParts:
    """What the rows of one list share, written once for the list: its texts in the active language (`labels`),
    and markup that many rows repeat (a plan's link, a policy area's tag, a status's badge), built by `keep` the
    first time its key is asked. What every row would read again (the page's language, its time zone, the URLconf
    and script prefix of its addresses: each a read of a request's local state) is read once, with the labels."""

    def __init__(self, **labels: str):
        self.labels = labels
        self._kept = {}
        self.language = page_language()
        self.zone = get_current_timezone()

    def keep(self, key, build):
        if key not in self._kept:
            self._kept[key] = build()
        return self._kept[key]

    def url(self, name: str, key) -> str:
        """common.addresses.url_for(name, key), the route's parts looked up once for the list."""
        before, after = self.keep(("url", name), lambda: url_parts(name))
        return f"{before}{key}{after}"

    def lang(self, language: str | None) -> str:
        """common.templatetags.markup.lang_attr for a content's language code: ` lang="…"` unless the page's."""
        if not language or language == self.language:
            return ""
        return self.keep(("lang", language), lambda: format_html(' lang="{}"', language))

    def local(self, value: datetime) -> datetime:
        """template_localtime(value) for a value read from the database: in the page's time zone."""
        if isinstance(value, datetime) and settings.USE_TZ and not is_naive(value):
            return localtime(value, self.zone)
        return value
