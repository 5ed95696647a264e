import copy
from functools import lru_cache

from django import forms
from django.core.exceptions import EmptyResultSet
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.choices import CallableChoiceIterator, normalize_choices
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries
from django_filters.fields import ChoiceIterator as FilterChoiceIterator

from common.cache import content_version, reads_content_only
from common.models import in_page_language, page_language


class FastSelect(forms.Select):
    """A <select> written in Python.

    Django renders every <option> through a template; a filter with 250 countries then costs more
    than the rest of the page. Same HTML, same attributes (id, aria-*), same selection. The options'
    HTML is built once per list of choices (values and labels in the active language), whatever
    iterator the form field hands over (django-filter's, a model choice iterator, a callable); only
    the selection is marked per request. Fixed choices are listed once per language; a model choice
    field whose query reads only content tables is read once per content version (common.cache).
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        values = value if isinstance(value, list | tuple) else [value]
        selected = frozenset("" if v is None else str(v) for v in values)
        choices = _flat_choices(self.choices)
        options = _options(self.choices, selected) if choices is None else _marked(_option_parts(choices), selected)
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)

    def use_required_attribute(self, initial):
        """Select's rule (`required` only when the first option is empty), reading the first option of a function's
        list as it is: Django's iterator normalizes the whole list first (250 countries at every field rendered)."""
        choices = self.choices
        if self.allow_multiple_selected or not isinstance(choices, CallableChoiceIterator):
            return super().use_required_attribute(initial)
        listed = choices.func()
        if not isinstance(listed, list | tuple):
            return super().use_required_attribute(initial)
        return not self.is_hidden and bool(listed) and self._choice_has_empty_value(listed[0])


def _flat_choices(choices) -> tuple | None:
    """The choices as ((value as text, label as text), …), or None when they have groups."""
    if isinstance(choices, ModelChoiceIterator):
        key = _model_choices_key(choices)
        return _model_flattened(choices) if key is None else _kept(key, choices, _model_flattened)
    elif isinstance(choices, FilterChoiceIterator):
        key = _fixed_choices_key(choices)
        if key is not None:
            return _kept(key, choices)
    elif isinstance(choices, CallableChoiceIterator):
        listed = choices.func()
        if isinstance(listed, list | tuple):  # pairs: flattened as they are, not normalized one by one first
            return _flattened(listed)
        return _flattened(normalize_choices(listed))
    return _flattened(choices)


def _fixed_choices_key(choices: FilterChoiceIterator) -> tuple | None:
    """django-filter's iterator over fixed choices (or a function's): what its options depend on."""
    wrapped = choices.choices
    if isinstance(wrapped, CallableChoiceIterator):
        wrapped = wrapped.func()
    if not isinstance(wrapped, list | tuple):
        return None
    field = choices.field
    labels = (str(field.empty_label), str(field.null_label), field.null_value)
    key = (type(field), labels, tuple(wrapped), get_language())
    try:
        hash(key)
    except TypeError:  # groups (lists) among the choices
        return None
    return key


def _flattened(choices) -> tuple | None:
    flat = []
    for option_value, label in choices:
        if isinstance(label, list | tuple | dict):  # a group
            return None
        flat.append(("" if option_value is None else str(option_value), str(label)))
    return tuple(flat)


class _Rows(list):
    """A queryset's rows, read: ModelChoiceIterator.__iter__ reads a queryset through queryset.iterator() unless it
    has prefetch lookups, and iterates what it is given otherwise."""

    _prefetch_related_lookups = ("read already",)


def _model_flattened(choices: ModelChoiceIterator) -> tuple | None:
    """What iterating the field's choices gives (its iterator's own options too: django-filter's null choice), the
    rows read as a list: Django's iterator reads them through queryset.iterator(), a server-side cursor on
    PostgreSQL (DECLARE, FETCH, CLOSE: three round trips for a few dozen rows)."""
    listed = copy.copy(choices)
    listed.queryset = _Rows(choices.queryset.all())
    return _flattened(listed)


def _model_choices_key(choices: ModelChoiceIterator) -> tuple | None:
    """What the options of a model choice field depend on, when every table its query reads is content
    (its writes bump the content version, common.cache); None otherwise."""
    query = choices.queryset.query
    try:
        sql = str(query)
    except EmptyResultSet:  # .none(): nothing to read, nothing worth keeping
        return None
    if not reads_content_only(query, sql):
        return None
    field = choices.field
    labels = (str(field.empty_label), str(getattr(field, "null_label", None)), getattr(field, "null_value", None))
    return (type(choices), type(field), field.to_field_name, labels, sql, get_language(), content_version())


_kept_choices: dict[tuple, tuple | None] = {}
CHOICES_KEPT = 256


def _kept(key: tuple, choices, compute=_flattened) -> tuple | None:
    """The flattened choices under `key`, computed (a model field: read from the database) on first use."""
    if key not in _kept_choices:
        if len(_kept_choices) >= CHOICES_KEPT:
            _kept_choices.clear()
        _kept_choices[key] = compute(choices)
    return _kept_choices[key]


def content_choices(name: str, read) -> CallableChoiceIterator:
    """Choices that `read()` builds from content tables (e.g. only the values present in the data): read
    when first rendered, then kept in memory per language and content version, like a model field's."""

    def kept():
        return _kept(("content-choices", name, get_language(), content_version()), None, lambda _none: tuple(read()))

    return CallableChoiceIterator(kept)


def localized_options(rows, empty_label) -> list[tuple[str, str]]:
    """Options of reference data read as values() rows ("slug", "name", "name_fr", "name_es"): the empty option, then
    (slug, name in the page's language), the label a ModelChoiceField gives a LocalizedNameModel (its __str__)."""
    language = page_language()
    named = ((row["slug"], in_page_language(row["name"], row["name_fr"], row["name_es"], language=language)[0])
             for row in rows)  # fmt: skip
    return [("", str(empty_label)), *named]


@lru_cache(maxsize=256)
def _option_parts(choices: tuple) -> tuple[tuple[str, str, str], ...]:
    """Each option's value and its HTML before and after the place of the `selected` marker. A list seen for the
    first time (the latest consultations and the one chosen: one list per consultation) reuses its options' HTML."""
    return tuple(_option_part(key, label) for key, label in choices)


@lru_cache(maxsize=8192, typed=True)  # typed: a label marked safe is not the same text unmarked (not escaped)
def _option_part(key: str, label: str) -> tuple[str, str, str]:
    return key, format_html('<option value="{}"', key), format_html(">{}</option>", label)


def _marked(parts: tuple, selected: frozenset) -> str:
    html = "".join(f"{head}{' selected' if key in selected else ''}{tail}" for key, head, tail in parts)
    return mark_safe(html)  # noqa: S308 (parts escaped by format_html)  # nosec B308 B703


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


@lru_cache(maxsize=8)
def _country_choices(language: str) -> tuple:
    return tuple(countries)


def country_choices() -> tuple:
    """ISO countries with their names in the active language (computed once per language)."""
    return _country_choices(get_language() or "en")
