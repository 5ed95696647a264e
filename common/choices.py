"""get_FOO_display() with each field's labels translated once per language.

Django's get_FOO_display() rebuilds a dict of the field's choices on every call, hashing every lazy
label (one gettext each): a page showing a status per row paid for every label of every row. Here the
labels of a field with fixed choices are looked up in a dict built once per field and language.
Fields whose choices are computed (a callable) keep Django's method, as does any model that defines
its own get_FOO_display().
"""

from functools import lru_cache, partialmethod

from django.apps import apps
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language


@lru_cache(maxsize=1024)
def choice_labels(field: models.Field, language: str | None) -> dict:
    """{value: label} of a field with fixed choices, in `language` (the active one when called)."""
    return {make_hashable(value): force_str(label, strings_only=True) for value, label in field.flatchoices}


def choice_display(field: models.Field, value):
    """What get_FOO_display() shows for `value` of a field with fixed choices, in the active language (rows read
    as values() have no instance to ask)."""
    return choice_labels(field, get_language()).get(make_hashable(value), force_str(value, strings_only=True))


def _display(instance: models.Model, *, field: models.Field):
    return choice_display(field, getattr(instance, field.attname))


def _is_djangos(method) -> bool:
    return isinstance(method, partialmethod) and method.func is models.Model._get_FIELD_display


def install_cached_displays() -> None:
    """Give every model field with fixed choices the cached get_FOO_display() (run once, at start-up)."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            name = f"get_{field.name}_display"
            fixed = isinstance(field.choices, list | tuple)
            if fixed and _is_djangos(model.__dict__.get(name)):
                setattr(model, name, partialmethod(_display, field=field))
