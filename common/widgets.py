from functools import lru_cache

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries


class FastSelect(forms.Select):
    """A <select> written in Python.

    Django renders every <option> through a template; a filter with 250 countries then costs more
    than the rest of the page. Same HTML, same attributes (id, aria-*), same selection; static
    choices (tuples) are rendered once per language and selection.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        values = value if isinstance(value, list | tuple) else [value]
        selected = frozenset("" if v is None else str(v) for v in values)
        choices = self.choices
        if isinstance(choices, tuple):
            options = _cached_options(choices, selected, get_language())
        else:
            options = _options(choices, selected)
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


def _options(choices, selected) -> str:
    rows = []
    for option_value, label in choices:
        if isinstance(label, list | tuple):
            rows.append(format_html('<optgroup label="{}">{}</optgroup>', option_value, _options(label, selected)))
            continue
        key = "" if option_value is None else str(option_value)
        marker = mark_safe(" selected") if key in selected else ""  # noqa: S308  # nosec B308
        rows.append(format_html('<option value="{}"{}>{}</option>', key, marker, label))
    return mark_safe("".join(rows))  # noqa: S308  # nosec B308 B703


@lru_cache(maxsize=1024)
def _cached_options(choices: tuple, selected: frozenset, language: str) -> str:
    return _options(choices, selected)


@lru_cache(maxsize=8)
def _country_choices(language: str) -> tuple:
    return tuple(countries)


def country_choices() -> tuple:
    """ISO countries with their names in the active language (computed once per language)."""
    return _country_choices(get_language() or "en")
