"""Form parts shared by the apps."""

from common.models import page_language


class ContentLanguageMixin:
    """A ModelForm's `language` select (the language the text is written in): the page's language for a new
    text; a form sent without it keeps the text's language (or takes the page's for a new one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("language")
        if field is None:
            return
        field.required = False
        if not self.instance.pk and "language" not in (kwargs.get("initial") or {}):
            self.initial["language"] = page_language()  # not the model's default, English

    def clean_language(self) -> str:
        language = self.cleaned_data.get("language")
        return language or (self.instance.language if self.instance.pk else page_language())
