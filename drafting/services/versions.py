"""Versions of the draft: the point of contact makes version 1 from the plan's commitments, and each later version
from the previous one with the amendments accepted since; a version is readable once published."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from commitments.models import ActionPlan, Commitment
from consultations.models import Consultation
from drafting.models import Amendment, DraftCommitment, DraftParagraph, DraftVersion
from drafting.services._common import latest_version

SECTIONS = ("objective", "problem", "status_quo", "expected_results", "full_text")


def split_paragraphs(text: str) -> list[str]:
    """A text's paragraphs: the blocks between blank lines, each on one line."""
    blocks = re.split(r"\n\s*\n", (text or "").strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def _copy_commitments(version: DraftVersion) -> None:
    commitments = Commitment.objects.filter(action_plan_id=version.action_plan_id).prefetch_related("milestones")
    paragraphs = []
    for order, commitment in enumerate(commitments.order_by("sort_key", "id")):
        copy = DraftCommitment.objects.create(
            version=version,
            commitment=commitment,
            key=f"c{commitment.pk}",
            number=commitment.number,
            title=commitment.title,
            order=order,
        )
        position = 0
        for section in SECTIONS:
            for index, text in enumerate(split_paragraphs(getattr(commitment, section))):
                position += 1
                paragraphs.append(
                    DraftParagraph(
                        draft_commitment=copy, key=f"{section}-{index + 1}", section=section, order=position, text=text
                    )
                )
        for milestone in commitment.milestones.all():
            position += 1
            paragraphs.append(
                DraftParagraph(
                    draft_commitment=copy,
                    key=f"m{milestone.pk}",
                    section=DraftParagraph.Section.MILESTONE,
                    order=position,
                    text=" ".join(milestone.description.split()),
                )
            )
    DraftParagraph.objects.bulk_create(paragraphs)


def _copy_previous(version: DraftVersion, previous: DraftVersion) -> None:
    """The previous version's text, each accepted amendment not applied yet replacing its paragraph (or adding its
    milestone at the end of its commitment)."""
    accepted = list(
        Amendment.objects.filter(
            version__action_plan_id=version.action_plan_id, state=Amendment.State.ACCEPTED, applied_in__isnull=True
        ).select_related("paragraph", "draft_commitment")
    )
    wording = {(a.draft_commitment.key, a.paragraph.key): a for a in accepted if a.paragraph_id}
    milestones = [a for a in accepted if a.kind == Amendment.Kind.MILESTONE]
    paragraphs = []
    old_commitments = previous.commitments.prefetch_related("paragraphs")
    for old in old_commitments:
        copy = DraftCommitment.objects.create(
            version=version,
            commitment_id=old.commitment_id,
            key=old.key,
            number=old.number,
            title=old.title,
            order=old.order,
        )
        position = 0
        for paragraph in old.paragraphs.all():
            amendment = wording.get((old.key, paragraph.key))
            position = paragraph.order
            paragraphs.append(
                DraftParagraph(
                    draft_commitment=copy,
                    key=paragraph.key,
                    section=paragraph.section,
                    order=paragraph.order,
                    text=" ".join(amendment.text.split()) if amendment else paragraph.text,
                )
            )
        for amendment in (a for a in milestones if a.draft_commitment.key == old.key):
            position += 1
            paragraphs.append(
                DraftParagraph(
                    draft_commitment=copy,
                    key=f"a{amendment.pk}",
                    section=DraftParagraph.Section.MILESTONE,
                    order=position,
                    text=" ".join(amendment.text.split()),
                )
            )
    DraftParagraph.objects.bulk_create(paragraphs)
    Amendment.objects.filter(pk__in=[a.pk for a in accepted]).update(applied_in=version)


@transaction.atomic
def version_create(*, consultation: Consultation, user: User, expert_review: bool = False) -> DraftVersion:
    """The next version of the plan's draft, not published yet: version 1 from the plan's commitments, a later one
    from the previous published version with the accepted amendments."""
    plan = ActionPlan.objects.select_for_update().get(pk=consultation.action_plan_id)
    if consultation.kind != Consultation.Kind.DRAFT_REVIEW:
        raise ValidationError(_("Draft versions belong to a “review of the draft plan” consultation."))
    if not plan.accepts_commitment_changes:
        raise ValidationError(_("The plan is no longer in co-creation: its draft cannot change."), code="closed")
    newest = latest_version(plan.pk, published=False)
    if newest is not None and not newest.is_published:
        raise ValidationError(_("Version %(number)d is not published yet.") % {"number": newest.number})
    version = DraftVersion(
        action_plan=plan,
        consultation=consultation,
        number=(newest.number + 1) if newest else 1,
        expert_review=expert_review,
        created_by=user,
    )
    version.full_clean()
    version.save()
    if newest is None:
        _copy_commitments(version)
    else:
        _copy_previous(version, newest)
    return version


@transaction.atomic
def version_publish(*, version: DraftVersion, user: User) -> DraftVersion:
    """Make a version public (with its expert reviewers' comments); publishing again changes nothing."""
    current = DraftVersion.objects.select_for_update().get(pk=version.pk)
    if not current.is_published:
        current.state = DraftVersion.State.PUBLISHED
        current.published_at = timezone.now()
        current._change_reason = f"Published by {user.pk}"
        current.save(update_fields=["state", "published_at", "updated_at"])
    return current
