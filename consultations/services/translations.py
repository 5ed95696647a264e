"""Translations of proposals: a person's (the author, the point of contact, staff) or the machine's, through the
services every translatable text shares (common/content_translations.py).

The author's own translation is theirs (`Proposal.translation_owner_id`): only they or staff may replace it.
"""

from accounts.models import User
from common import content_translations
from consultations.models import Proposal, ProposalTranslation


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
    texts = {"title": title, "problem": problem, "solution": solution, "expected_results": expected_results}
    return content_translations.translation_save(
        proposal, language=language, texts=texts, translated_by=translated_by, machine_translated=machine_translated
    )


def proposal_translation_delete(*, proposal: Proposal, language: str) -> None:
    content_translations.translation_delete(proposal, language)
