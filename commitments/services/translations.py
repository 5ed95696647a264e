"""Translations of commitments and milestones (common.content_translations): written by the point of contact or
staff on one page, or by the machine; the original stays in the commitment, in its plan's language."""

from django.db import transaction

from accounts.models import User
from commitments.models import ActionPlan, Commitment, CommitmentTranslation
from common.content_translations import (
    machine_translate_later,
    translation_delete,
    translation_save,
    translations_outdated,
)


@transaction.atomic
def commitment_translation_save(
    *,
    commitment: Commitment,
    language: str,
    texts: dict[str, str],
    milestone_texts: dict[int, dict[str, str]],
    translated_by: User,
) -> CommitmentTranslation:
    """The commitment's texts in `language`, and its milestones' (by id; a milestone left empty has none)."""
    translation = translation_save(commitment, language=language, texts=texts, translated_by=translated_by)
    milestones = {milestone.pk: milestone for milestone in commitment.milestones.all()}
    for pk, its_texts in milestone_texts.items():
        milestone = milestones.get(pk)
        if milestone is None:  # another commitment's, or removed meanwhile
            continue
        if any(its_texts.values()):
            translation_save(milestone, language=language, texts=its_texts, translated_by=translated_by)
        else:
            translation_delete(milestone, language)
    return translation


def plan_translations_outdated(plan: ActionPlan) -> None:
    """The plan's language changed: so did the original language of its commitments and milestones."""
    for commitment in plan.commitments.prefetch_related("milestones"):
        commitment.action_plan = plan
        for obj in (commitment, *commitment.milestones.all()):
            translations_outdated(obj)
            machine_translate_later(obj)
