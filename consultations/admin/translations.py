"""Staff's inlines of the translations of consultations, responses and comments (common/translations.py).

The original stays in the object's own fields; the inline holds the other languages.
"""

from django.contrib import admin

from common.admin import TranslationInlineFormSet
from consultations.models import CommentTranslation, ConsultationTranslation, ProposalResponseTranslation

META_FIELDS = ["machine_translated", "translated_by", "translated_at"]


class _TranslationInline(admin.StackedInline):
    formset = TranslationInlineFormSet
    readonly_fields = ["translated_by", "translated_at"]
    extra = 0

    def get_fields(self, request, obj=None):
        return ["language_code", *self.model.TEXT_FIELDS, *META_FIELDS]


class ConsultationTranslationInline(_TranslationInline):
    model = ConsultationTranslation


class ResponseTranslationInline(_TranslationInline):
    model = ProposalResponseTranslation


class CommentTranslationInline(_TranslationInline):
    model = CommentTranslation
