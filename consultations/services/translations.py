"""Translations of proposals: a person's (the author, the point of contact, staff) or the machine's.

The original stays in the proposal; a translation never replaces it, and a machine translation never replaces a
person's.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import User
from common import machine_translation
from consultations.models import Proposal, ProposalTranslation

logger = logging.getLogger(__name__)


def _check_language(proposal: Proposal, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages of the site.")})
    if language == proposal.language:
        raise ValidationError({"language": _("This is the language the proposal is written in: edit the proposal.")})


@transaction.atomic
def proposal_translation_save(
    *,
    proposal: Proposal,
    language: str,
    title: str,
    problem: str,
    solution: str,
    expected_results: str = "",
    translated_by: User | None,
    machine_translated: bool = False,
) -> ProposalTranslation:
    """Add or replace the translation of a proposal into `language`."""
    _check_language(proposal, language)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    translation = ProposalTranslation.objects.filter(master=proposal, language_code=language).first()
    if translation is None:
        translation = ProposalTranslation(master=proposal, language_code=language)
    elif machine_translated and not translation.machine_translated:
        return translation  # a person's translation stays
    elif _by_author(translation, proposal) and not (translated_by and _may_replace_authors(translated_by, proposal)):
        raise ValidationError(
            _("The author translated this proposal into this language: only they or the support unit may change it.")
        )
    translation.title_translated = title
    translation.problem_translated = problem
    translation.solution_translated = solution
    translation.expected_results_translated = expected_results
    translation.machine_translated = machine_translated
    translation.translated_by = translated_by
    translation.full_clean(validate_unique=False)
    translation.save()
    return translation


def _by_author(translation: ProposalTranslation, proposal: Proposal) -> bool:
    return not translation.machine_translated and translation.translated_by_id == proposal.author_id


def _may_replace_authors(user: User, proposal: Proposal) -> bool:
    return user.pk == proposal.author_id or user.is_staff


def proposal_translations_outdated(*, proposal: Proposal) -> int:
    """The proposal's text or language changed: the translations written by people no longer say what it says,
    and none may stand in its new language; they are removed (their history keeps them), and the machine fills
    again. Returns how many were removed."""
    stale = ProposalTranslation.objects.filter(master=proposal).filter(
        Q(machine_translated=False) | Q(language_code=proposal.language)
    )
    removed = 0
    for translation in stale:  # one by one, so that the history records each removal
        translation.delete()
        removed += 1
    return removed


@transaction.atomic
def proposal_translation_delete(*, proposal: Proposal, language: str) -> None:
    ProposalTranslation.objects.filter(master=proposal, language_code=language).delete()


def proposal_machine_translate(*, proposal_pk: int) -> list[str]:
    """Fill the languages a proposal lacks (or has only from the machine) with machine translations.

    Returns the languages written. Raises MachineTranslationError when the service fails: nothing is written
    for that language, and the task tries again later.
    """
    proposal = Proposal.objects.filter(pk=proposal_pk).first()
    # A draft is its author's alone: it leaves the portal once submitted.
    if proposal is None or not proposal.is_public or not machine_translation.is_enabled():
        return []
    by_people = set(
        ProposalTranslation.objects.filter(master=proposal, machine_translated=False).values_list(
            "language_code", flat=True
        )
    )
    originals = {
        "title": proposal.title,
        "problem": proposal.problem,
        "solution": proposal.solution,
        "expected_results": proposal.expected_results,
    }
    written = []
    for language, _name in settings.LANGUAGES:
        if language == proposal.language or language in by_people:
            continue
        texts = machine_translation.translate_texts(originals, source=proposal.language, target=language)
        try:
            proposal_translation_save(
                proposal=proposal, language=language, translated_by=None, machine_translated=True, **texts
            )
        except ValidationError as error:  # the service's text does not fit (too long, markup): that language waits
            logger.warning("Machine translation of proposal %s into %s refused: %s", proposal.pk, language, error)
            continue
        written.append(language)
    return written


def proposal_machine_translate_later(proposal: Proposal) -> None:
    """After the write commits, when machine translation is on and the proposal public (submitted, edited): a task
    fills the missing languages."""
    if not machine_translation.is_enabled() or not proposal.is_public:
        return
    from consultations.tasks import proposal_machine_translate_task

    pk = proposal.pk
    transaction.on_commit(lambda: _enqueue(proposal_machine_translate_task, pk))


def _enqueue(task, pk: int) -> None:
    try:
        task.delay(pk)
    except Exception:  # noqa: BLE001 - the broker down must not fail the write: the proposal keeps its original
        logger.exception("machine translation of proposal %s not queued", pk)
