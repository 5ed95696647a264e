"""Reference data in three languages: the rows that still lack their French or Spanish text.

A model of reference data names its translated texts in `TRANSLATED_FIELDS`, {English field: (French field,
Spanish field)} (`LocalizedNameModel` and `LocalizedDescriptionModel` do); pages show the English text where a
translation is empty. A row lacks a translation when its English text is written and a translation is not.
"""

from django.apps import apps
from django.db.models import Q


def reference_models() -> list:
    return [model for model in apps.get_models() if getattr(model, "TRANSLATED_FIELDS", None)]


def _untranslated(model) -> Q:
    condition = Q(pk__in=[])
    for source, translations in model.TRANSLATED_FIELDS.items():
        for field in translations:
            condition |= Q(**{field: ""}) & ~Q(**{source: ""})
    return condition


def untranslated_reference_rows() -> dict[str, int]:
    """{model label: number of rows with an empty translation}, for the models that have such rows."""
    missing = {}
    for model in reference_models():
        count = model._default_manager.filter(_untranslated(model)).count()
        if count:
            missing[model._meta.label] = count
    return missing
