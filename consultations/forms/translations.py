"""The translation of a proposal, a consultation, a response or a comment into another language, by a person."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.models import page_language
from common.translations import other_languages


class ContentTranslationForm(forms.ModelForm):
    """The translation of a proposal, a consultation, a response or a comment: its texts (the model's TEXT_FIELDS) in
    a language other than the original's. Built per model by content_translation_form()."""

    language = forms.ChoiceField(label=_("Language of the translation"))

    def __init__(self, *args, original, asked: str | None = None, **kwargs):
        """`original`: the translated object; `asked`: the language named in the address (?language=fr)."""
        super().__init__(*args, **kwargs)
        self.order_fields(["language"])
        self.fields["language"].choices = other_languages(original)
        if self.instance.pk:
            self.fields["language"].initial = self.instance.language_code
        elif asked in dict(self.fields["language"].choices):
            self.fields["language"].initial = asked
        elif page_language() != original.content_language:
            self.fields["language"].initial = page_language()

    def service_data(self) -> dict:
        """What common.content_translations.translation_save takes: the language, and the texts by original field."""
        names = self._meta.model.TEXT_FIELDS
        return {
            "language": self.cleaned_data["language"],
            "texts": {original: self.cleaned_data[name] for name, original in names.items()},
        }


def content_translation_form(translation_model) -> type[ContentTranslationForm]:
    """The form of one translation model: its text fields, long ones in a text area."""
    fields = list(translation_model.TEXT_FIELDS)
    widgets = {
        name: forms.Textarea(attrs={"rows": 6})
        for name in fields
        if isinstance(translation_model._meta.get_field(name), models.TextField)
    }
    return forms.modelform_factory(translation_model, form=ContentTranslationForm, fields=fields, widgets=widgets)
