"""Moderation: support staff hide or restore flagged proposals and comments, with a reason kept as history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from consultations.models import Comment, Flag, ModerationEvent, Proposal
from consultations.services._common import lock_consultation


def _target(proposal: Proposal | None, comment: Comment | None):
    if (proposal is None) == (comment is None):
        raise ValueError("Moderate exactly one proposal or one comment.")
    if proposal is not None:
        # The consultation first, then the proposal (the order of the author's writes): hiding moves its counters.
        lock_consultation(Proposal.objects.values_list("consultation_id", flat=True).get(pk=proposal.pk))
        return "proposal", Proposal.objects.select_for_update().get(pk=proposal.pk)
    return "comment", Comment.objects.select_for_update().get(pk=comment.pk)


def _moderate(*, hide: bool, reason: str, actor: User, proposal=None, comment=None) -> ModerationEvent:
    field, target = _target(proposal, comment)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason; it is kept in the moderation history.")})
    if hide:
        action = ModerationEvent.Action.HIDDEN
    else:
        action = ModerationEvent.Action.RESTORED if target.is_hidden else ModerationEvent.Action.KEPT
    if target.is_hidden != hide:
        target.is_hidden = hide
        target.save(update_fields=["is_hidden"])
    # Reviewing settles the open flags; new flags start a new review.
    Flag.objects.filter(resolved_at__isnull=True, **{field: target}).update(resolved_at=timezone.now())
    return ModerationEvent.objects.create(action=action, reason=reason, actor=actor, **{field: target})


@transaction.atomic
def moderation_hide(
    *, reason: str, actor: User, proposal: Proposal | None = None, comment: Comment | None = None
) -> ModerationEvent:
    """Hide a proposal or a comment from the public; its open flags are settled."""
    return _moderate(hide=True, reason=reason, actor=actor, proposal=proposal, comment=comment)


@transaction.atomic
def moderation_restore(
    *, reason: str, actor: User, proposal: Proposal | None = None, comment: Comment | None = None
) -> ModerationEvent:
    """Show a hidden item again, or keep a flagged one visible; its open flags are settled."""
    return _moderate(hide=False, reason=reason, actor=actor, proposal=proposal, comment=comment)
