"""Services of content translations (issue 19), for every translatable model: a person's translation or the
machine's, never replacing the original, and a machine translation never replacing a person's.

A translatable model (the "master") has:
- `translations`: the related name of its ContentTranslation subclass (common/translations.py), whose
  TEXT_FIELDS map each translated field to the original field it translates;
- `content_language`: the language its texts are written in (its own `language`, or its plan's);
- `is_public`: only public content is translated by the machine (a draft stays in the portal);
- optionally `translation_owner_id`: the account whose own translation only they (or staff) may replace, e.g. the
  author of a proposal or a comment.
docs/CONTENT_LANGUAGE.md.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common import machine_translation

logger = logging.getLogger(__name__)


def translation_model(obj):
    return type(obj)._meta.get_field("translations").related_model


def original_texts(obj) -> dict[str, str]:
    """{original field: text} of what a translation of `obj` renders."""
    return {original: getattr(obj, original) for original in translation_model(obj).TEXT_FIELDS.values()}


def _check_language(obj, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages of the site.")})
    if language == obj.content_language:
        raise ValidationError({"language": _("This is the language the text is written in: edit the text itself.")})


def _owned(translation, obj) -> bool:
    """The translation is the owner's own (e.g. the author's): only they or staff may replace it."""
    owner = getattr(obj, "translation_owner_id", None)
    return owner is not None and not translation.machine_translated and translation.translated_by_id == owner


def _may_replace_owners(user, obj) -> bool:
    return user is not None and (user.pk == getattr(obj, "translation_owner_id", None) or user.is_staff)


@transaction.atomic
def translation_save(
    obj, *, language: str, texts: dict[str, str], translated_by, machine_translated: bool = False, source=None
):
    """Add or replace the translation of `obj` into `language`; `texts` are keyed by the original fields
    (a missing one is empty). Returns the translation (unchanged when a machine text meets a person's), or None
    when `source` (what the machine translated: source_of() the object then) is no longer what the object says."""
    _check_language(obj, language)
    stored = type(obj).objects.select_for_update().filter(pk=obj.pk).first()  # one writer of its translations
    if source is not None and (stored is None or source_of(stored) != source):
        return None  # an older text's translation, finished after an edit: the edit's own task translates it
    model = translation_model(obj)
    translation = model.objects.filter(master=obj, language_code=language).first()
    if translation is None:
        translation = model(master=obj, language_code=language)
    elif machine_translated and not translation.machine_translated:
        return translation  # a person's translation stays
    elif _owned(translation, obj) and not _may_replace_owners(translated_by, obj):
        raise ValidationError(
            _("Its author translated this text into this language: only they or the support unit may change it.")
        )
    for name, original in model.TEXT_FIELDS.items():
        setattr(translation, name, texts.get(original, ""))
    translation.machine_translated = machine_translated
    translation.translated_by = translated_by
    translation.full_clean(validate_unique=False)
    translation.save()
    return translation


@transaction.atomic
def translation_delete(obj, language: str) -> None:
    translation_model(obj).objects.filter(master=obj, language_code=language).delete()


def translations_outdated(obj) -> int:
    """The original's text or language changed: no translation says what it says any more, a person's or the
    machine's. They are all removed (their history keeps them), and the machine, when on, fills again.
    Returns how many were removed."""
    removed = 0
    for translation in translation_model(obj).objects.filter(master=obj):  # one by one: history records each
        translation.delete()
        removed += 1
    return removed


def source_of(obj) -> dict:
    """What a translation of `obj` renders: its texts and the language they are written in."""
    return {**original_texts(obj), "language": obj.content_language}


def texts_before(obj) -> dict | None:
    """source_of() `obj` as stored before a write (None for a new object). Read from the database: a form bound to
    the object has already changed its attributes."""
    if obj.pk is None:
        return None
    stored = type(obj).objects.filter(pk=obj.pk).first()
    return None if stored is None else source_of(stored)


def texts_written(obj, *, before: dict | None) -> None:
    """After a write of `obj` (`before`: texts_before() it, None for a new object): changed texts or language
    outdate its translations, and the machine, when on, fills the languages of public text."""
    if before is not None and before == source_of(obj):
        return
    if before is not None:
        translations_outdated(obj)
    machine_translate_later(obj)


def machine_translate(obj) -> list[str]:
    """Fill the languages `obj` lacks (or has only from the machine) with machine translations.

    Returns the languages written. Raises MachineTranslationError when the service fails: nothing is written for
    that language, and the task tries again later. A text that does not fit (too long, markup) skips its language.
    """
    if obj is None or not obj.is_public or not machine_translation.is_enabled():
        return []
    model = translation_model(obj)
    by_people = set(model.objects.filter(master=obj, machine_translated=False).values_list("language_code", flat=True))
    source = source_of(obj)
    written = []
    for language, _name in settings.LANGUAGES:
        if language == source["language"] or language in by_people:
            continue
        texts = machine_translation.translate_texts(original_texts(obj), source=source["language"], target=language)
        try:
            saved = translation_save(
                obj, language=language, texts=texts, translated_by=None, machine_translated=True, source=source
            )
        except ValidationError as error:
            logger.warning("Machine translation of %s %s into %s refused: %s", obj._meta.label, obj.pk, language, error)
            continue
        if saved is None:
            return written  # the text changed meanwhile: the edit's own task translates the new one
        written.append(language)
    return written


def machine_translate_by_label(label: str, pk: int) -> list[str]:
    """machine_translate() of the object `label` ("app.Model") `pk`, if it still exists (what the task runs)."""
    return machine_translate(apps.get_model(label).objects.filter(pk=pk).first())


def machine_translate_later(obj) -> None:
    """After the write commits, when machine translation is on and `obj` public: a task fills the missing languages."""
    if not machine_translation.is_enabled() or not obj.is_public:
        return
    label, pk = obj._meta.label, obj.pk
    transaction.on_commit(lambda: _enqueue(label, pk))


def _enqueue(label: str, pk: int) -> None:
    from common.tasks import machine_translate_task

    try:
        machine_translate_task.delay(label, pk)
    except Exception:  # noqa: BLE001 - the broker down must not fail the write: the text keeps its original
        logger.exception("machine translation of %s %s not queued", label, pk)
