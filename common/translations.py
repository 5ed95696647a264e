"""Translations of content (issue 19): a text in the visitor's language, else its original.

The original text stays in the model's own fields (with its `language`); the other languages are rows of a
translation table per model (django-parler's TranslatedFieldsModel, one row per language), read through one
prefetch per list, of the page's language only (`page_translations`). docs/CONTENT_LANGUAGE.md.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatedFieldsModel

from common.db import PageQuery
from common.models import page_language


class ContentTranslation(TranslatedFieldsModel):
    """A text in a language other than its original: written by a person, or by the machine (marked)."""

    machine_translated = models.BooleanField(_("machine translation"), default=False)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    translated_at = models.DateTimeField(_("translated at"), auto_now=True)

    # The translation's own facts, not translated text.
    META_FIELDS = ("machine_translated", "translated_by", "translated_at")
    # translated field -> the original field of the master it translates, e.g. {"title_translated": "title"}
    TEXT_FIELDS: dict[str, str] = {}

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.master_id} ({self.language_code})"

    def texts(self) -> dict[str, str]:
        """{original field name: translated text}."""
        return {original: getattr(self, name) for name, original in self.TEXT_FIELDS.items()}


# Where page_translations() puts an object's translations: a plain list (a prefetch `to_attr`). Kept as the
# related manager's cache instead, Django built one queryset per object: 7-12 % of a plan's pages.
SHOWN_TRANSLATIONS = "shown_translations"


def is_prefetched(obj) -> bool:
    return SHOWN_TRANSLATIONS in getattr(obj, "__dict__", {})


def translations_of(obj) -> dict:
    """{language: translation} of an object, from its prefetched `translations` (one query per list).

    An object read without them shows its original: a page never pays one query per row for a translation.
    """
    if not is_prefetched(obj):
        return {}
    return {translation.language_code: translation for translation in obj.__dict__[SHOWN_TRANSLATIONS]}


@dataclass
class Shown:
    """What a page shows of a translatable object: its texts in one language, and where they come from.

    `{{ shown|lang_attr }}` marks the shown text; `shown.original` is the object itself (with `language`).
    """

    original: object
    language: str
    machine_translated: bool = False
    texts: dict = field(default_factory=dict)
    translated_by_id: int | None = None

    @property
    def is_original(self) -> bool:
        return not self.texts

    @property
    def by_author(self) -> bool:
        """A person's translation, by the one who owns the object's translations (e.g. a proposal's author)."""
        owner = getattr(self.__dict__["original"], "translation_owner_id", None)
        return self.person_translated and owner is not None and self.translated_by_id == owner

    @property
    def by_editors(self) -> bool:
        """A person's translation by someone else: the member's point of contact or the support unit."""
        return self.person_translated and not self.by_author

    @property
    def person_translated(self) -> bool:
        return bool(self.texts) and not self.machine_translated and self.translated_by_id is not None

    @property
    def content_language(self) -> str:
        return self.language

    def __getattr__(self, name):
        # Any text field: the translation's when one is shown, else the original's.
        if name.startswith("_") or name in ("original", "texts", "language", "machine_translated", "translated_by_id"):
            raise AttributeError(name)
        texts = self.__dict__.get("texts") or {}
        if texts.get(name):
            return texts[name]
        return getattr(self.__dict__["original"], name)


def original_language(obj) -> str | None:
    """The language an object's texts are written in: its `content_language` (e.g. a commitment's plan's), else its
    `language`."""
    return getattr(obj, "content_language", None) or getattr(obj, "language", None)


def shown_in(obj, language: str | None = None) -> Shown:
    """The object's texts in `language` (default: the page's) when translated, else its original."""
    language = language or page_language()
    source = original_language(obj)
    if language == source or not is_prefetched(obj):
        return Shown(original=obj, language=source)
    translation = translations_of(obj).get(language)
    texts = shown_texts(source, language, translation.texts() if translation else None)
    if not texts:
        return Shown(original=obj, language=source)
    return Shown(
        original=obj,
        language=language,
        machine_translated=translation.machine_translated,
        texts=texts,
        translated_by_id=translation.translated_by_id,
    )


def shown_texts(source: str | None, language: str, texts: dict | None) -> dict:
    """The texts a page in `language` shows in place of an original written in `source`: its translation's
    non-empty `texts`; {} when the original is shown (the same language, no translation, nothing translated)."""
    if language == source or not texts:
        return {}
    return {name: text for name, text in texts.items() if text}


def shown_row_texts(source: str | None, language: str, translations: dict | None) -> tuple[dict, bool]:
    """shown_texts of a values() row, from its translations as translations_by_master reads them ({language:
    texts}): the texts shown in `language` ({} for the original), and whether a machine translated them."""
    texts = dict((translations or {}).get(language) or {})
    machine = texts.pop("machine_translated", False)
    texts = shown_texts(source, language, texts)
    return texts, bool(texts) and machine


def other_languages(obj) -> list[tuple[str, str]]:
    """(code, name) of the site's languages an object may be translated into: all but its original."""
    return [(code, name) for code, name in settings.LANGUAGES if code != original_language(obj)]


def page_translations(model, language: str | None = None, *, through: str = "") -> Prefetch:
    """prefetch_related() of a list shown in a page: the translations into the page's language only (one query).

    `through`: the path to related objects of `model` the rows show, e.g. page_translations(Consultation,
    through="consultation") for the consultation of each proposal in a list."""
    translation_model = model._meta.get_field("translations").related_model
    # A list read by a kept statement (common.compiled_models) has its own translations into the page's language (no
    # other one given) read by attach_page_translations instead.
    follows_the_page = not through and language is None
    language = language or page_language()
    lookup = f"{through}__translations" if through else "translations"
    prefetch = Prefetch(
        lookup, queryset=translation_model.objects.filter(language_code=language), to_attr=SHOWN_TRANSLATIONS
    )
    prefetch.page_translations = follows_the_page
    return prefetch


def is_page_translations(lookup) -> bool:
    """Whether a prefetch lookup is a list's own translations into the page's language (page_translations)."""
    return getattr(lookup, "page_translations", False)


def attach_page_translations(objects: list, *, none: bool = False) -> None:
    """What prefetch_related(page_translations(model)) does for a list of objects of one model read otherwise (by a
    kept statement, common.compiled_models): their translations into the page's language, by one statement kept
    per number of objects (translations_by_master's, common.db.PageQuery) rather than a query the ORM compiles at
    every call. `none`: the objects are known to have no translation at all (common.hints): no statement."""
    if not objects:
        return
    if none:
        for obj in objects:
            obj.__dict__[SHOWN_TRANSLATIONS] = []
        return
    translation_model = type(objects[0])._meta.get_field("translations").related_model
    names, master = _attnames(translation_model), translation_model._meta.get_field("master")
    by_id = {obj.pk: obj for obj in objects}
    by_master = {}
    for row in _translation_rows(translation_model, list(by_id), page_language()):
        translation = translation_model.from_db(objects[0]._state.db, names, [row[name] for name in names])
        master.set_cached_value(translation, by_id[row["master_id"]])  # as the ORM's prefetch sets it
        by_master.setdefault(row["master_id"], []).append(translation)
    for obj in objects:
        obj.__dict__[SHOWN_TRANSLATIONS] = by_master.get(obj.pk, [])


def _attnames(translation_model) -> list[str]:
    return [field.attname for field in translation_model._meta.concrete_fields]


def translations_by_master(translation_model, ids, *, language: str | None = None) -> dict[int, dict[str, dict]]:
    """Every language of these objects (or only `language`, for rows a page shows in it), for the API and open
    data (one query): {id: {"fr": {"title": ..., "problem": ..., "machine_translated": False}, ...}}."""
    ids = list(ids)
    if not ids:
        return {}
    names = translation_model.TEXT_FIELDS
    result: dict[int, dict[str, dict]] = {}
    for row in _translation_rows(translation_model, ids, language):
        texts = {original: row[name] for name, original in names.items()}
        texts["machine_translated"] = row["machine_translated"]
        result.setdefault(row["master_id"], {})[row["language_code"]] = texts
    return result


# A page of the API (up to 100 objects) reads its translations by a statement compiled once per process
# (common.db.PageQuery); larger reads (open data) through the ORM.
_COMPILED_UP_TO = 100
_BY_MASTER: dict = {}


def _translation_rows(translation_model, ids: list, language: str | None):
    def build(ids):
        rows = translation_model.objects.filter(master_id__in=ids).order_by("master_id", "language_code")
        if language is not None:  # a constant of its statement: one statement per language
            rows = rows.filter(language_code=language)
        return rows.values(*_attnames(translation_model))  # every column: attach_page_translations builds instances

    query = _BY_MASTER.get((translation_model, language))
    if query is None:
        query = _BY_MASTER[(translation_model, language)] = PageQuery(build, up_to=_COMPILED_UP_TO)
    return query(ids)
