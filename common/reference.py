"""Reference data in three languages: the rows that still lack their French or Spanish text.

A model of reference data names its translations in `TRANSLATED_FIELDS` (every `LocalizedNameModel` does:
`name_fr`, `name_es`); pages show the English text where a translation is empty.
"""

from django.apps import apps
from django.db.models import Q


def reference_models() -> list:
    return [model for model in apps.get_models() if getattr(model, "TRANSLATED_FIELDS", None)]


def untranslated_reference_rows() -> dict[str, int]:
    """{model label: number of rows with an empty translation}, for the models that have such rows."""
    missing = {}
    for model in reference_models():
        empty = Q()
        for field in model.TRANSLATED_FIELDS:
            empty |= Q(**{field: ""})
        count = model._default_manager.filter(empty).count()
        if count:
            missing[model._meta.label] = count
    return missing
