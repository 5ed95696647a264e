"""The `translations` field of the API: every language of a text other than its original, read-only.

A list reads them in one query for its page (TranslationsListSerializer); a single object in one query.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from common.content_translations import translation_model
from common.translations import translations_by_master

HELP = _(
    "The text in the other languages, by language code: each translated field, and whether the machine translated"
    " it. The original is the object's own text, in `language`."
)


class TranslationsListSerializer(serializers.ListSerializer):
    """Reads the translations of the whole page at once, for its items' `translations`."""

    def to_representation(self, data):
        items = list(data.all() if isinstance(data, models.manager.BaseManager) else data)
        model = self.child.Meta.model._meta.get_field("translations").related_model
        self.child.translations_of_page = translations_by_master(model, [item.pk for item in items])
        return super().to_representation(items)


class TranslatedSerializerMixin(serializers.Serializer):
    """A ModelSerializer of a translatable model: `translations` in its fields, TranslationsListSerializer in its
    Meta (`list_serializer_class`)."""

    translations = serializers.SerializerMethodField(help_text=HELP)
    translations_of_page = None

    def get_translations(self, obj) -> dict:
        if self.translations_of_page is not None:
            return self.translations_of_page.get(obj.pk, {})
        return translations_by_master(translation_model(obj), [obj.pk]).get(obj.pk, {})
