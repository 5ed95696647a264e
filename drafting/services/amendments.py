"""Amendments: a verified participant proposes new wording for a paragraph of the current version (or a new
milestone); others support it; the point of contact accepts it (it enters the next version), rejects it or merges
it into another, always with a public reason, and its author is told."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from common.models import page_language
from drafting.models import Amendment, AmendmentSupport, DraftCommitment, DraftParagraph
from drafting.services._common import (
    paragraph_for_update,
    require_current,
    require_review_open,
    require_verified,
)
from drafting.services.notifications import amendment_decided_email


@transaction.atomic
def amendment_propose(
    *,
    author: User,
    text: str,
    paragraph: DraftParagraph | None = None,
    draft_commitment: DraftCommitment | None = None,
    explanation: str = "",
    language: str = "",
) -> Amendment:
    """New wording for `paragraph`, or a new milestone for `draft_commitment`, on the current published version
    while its review is open, by a verified participant."""
    require_verified(author)
    if paragraph is not None:
        paragraph = paragraph_for_update(paragraph.pk)
        draft_commitment = paragraph.draft_commitment
    elif draft_commitment is None:
        raise ValidationError(_("Say which paragraph or commitment the amendment changes."))
    else:
        draft_commitment = DraftCommitment.objects.select_related("version__consultation").get(pk=draft_commitment.pk)
    version = draft_commitment.version
    require_review_open(version.consultation)
    require_current(version)
    text = (text or "").strip()
    if paragraph is not None and " ".join(text.split()) == paragraph.text:
        raise ValidationError({"text": _("The new wording is the same as the paragraph's.")})
    amendment = Amendment(
        version=version,
        draft_commitment=draft_commitment,
        paragraph=paragraph,
        kind=Amendment.Kind.WORDING if paragraph is not None else Amendment.Kind.MILESTONE,
        text=text,
        explanation=(explanation or "").strip(),
        author=author,
        language=language or page_language(),
    )
    amendment.full_clean()
    amendment.save()
    return amendment


@transaction.atomic
def amendment_support(*, amendment: Amendment, user: User) -> AmendmentSupport:
    """One support per person and amendment, while it awaits a decision and its review is open."""
    require_verified(user)
    current = (
        Amendment.objects.select_for_update(of=("self",)).select_related("version__consultation").get(pk=amendment.pk)
    )
    if current.author_id == user.pk:
        raise ValidationError(_("You cannot support your own amendment."))
    if current.state != Amendment.State.PROPOSED:
        raise ValidationError(_("This amendment is already decided."))
    require_review_open(current.version.consultation)
    try:
        with transaction.atomic():
            support = AmendmentSupport.objects.create(amendment=current, user=user)
    except IntegrityError:
        return AmendmentSupport.objects.get(amendment=current, user=user)
    Amendment.objects.filter(pk=current.pk).update(support_count=F("support_count") + 1)
    return support


@transaction.atomic
def amendment_decide(
    *, amendment: Amendment, user: User, state: str, reason: str, merged_into: Amendment | None = None
) -> Amendment:
    """Accept, reject or merge an amendment with a public reason; its author gets an e-mail. A decision can be
    changed while the amendment has not entered a version."""
    current = (
        Amendment.objects.select_for_update(of=("self",))
        .select_related("version__action_plan", "author")
        .get(pk=amendment.pk)
    )
    if state not in (Amendment.State.ACCEPTED, Amendment.State.REJECTED, Amendment.State.MERGED):
        raise ValidationError({"state": _("Accept, reject or merge the amendment.")})
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the public reason of your decision.")})
    if current.applied_in_id:
        raise ValidationError(
            _("This amendment already entered version %(number)d.") % {"number": current.applied_in.number}
        )
    is_merge = state == Amendment.State.MERGED
    same_version = merged_into is not None and merged_into.version_id == current.version_id
    if is_merge and (not same_version or merged_into.pk == current.pk):
        raise ValidationError({"merged_into": _("Choose another amendment of the same version to merge it into.")})
    current.state, current.reason = state, reason.strip()
    current.merged_into = merged_into if state == Amendment.State.MERGED else None
    current.decided_by, current.decided_at = user, timezone.now()
    current.full_clean()
    current.save()
    amendment_decided_email(amendment=current)
    return current


def amendments_remove_for_user(*, user: User) -> int:
    """A deleted account's supports, with the counters they moved."""
    removed = 0
    for support in AmendmentSupport.objects.filter(user=user).select_for_update():
        Amendment.objects.filter(pk=support.amendment_id).update(support_count=F("support_count") - 1)
        support.delete()
        removed += 1
    return removed
