"""Participation: supports, follows, comments and flags."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from common.content_translations import source_of, texts_written
from common.models import page_language
from consultations.models import Comment, Flag, Follow, ModerationEvent, Proposal, Support
from consultations.services._common import lock_consultation, require_open


def _require_public(proposal: Proposal) -> None:
    if not proposal.is_public:
        raise ValidationError(_("This proposal is not open to participation."))


def _fresh(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_related("consultation").get(pk=proposal.pk)


@transaction.atomic
def proposal_support(*, proposal: Proposal, user: User) -> Support:
    """One support per user and proposal (a unique constraint); supporting again changes nothing.

    The counter moves with an atomic F() update in the same transaction as the row it counts,
    so concurrent supports neither lose nor double an increment.
    """
    proposal = _fresh(proposal)
    existing = Support.objects.filter(proposal=proposal, user=user).first()
    if existing is not None:
        return existing
    require_open(proposal.consultation)
    _require_public(proposal)
    if proposal.status not in (Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW, *Proposal.ANSWERED):
        raise ValidationError(_("This proposal cannot be supported."))
    if proposal.author_id == user.pk:
        raise ValidationError(_("You cannot support your own proposal."))
    try:
        with transaction.atomic():
            support = Support.objects.create(proposal=proposal, user=user)
    except IntegrityError:  # the same user's other click won the race
        return Support.objects.get(proposal=proposal, user=user)
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    return support


@transaction.atomic
def proposal_unsupport(*, proposal: Proposal, user: User) -> bool:
    """Take a support back while the consultation is open; True when there was one."""
    proposal = _fresh(proposal)
    require_open(proposal.consultation)
    deleted, _details = Support.objects.filter(proposal=proposal, user=user).delete()
    if deleted:
        Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
    return bool(deleted)


@transaction.atomic
def proposal_follow(*, proposal: Proposal, user: User) -> Follow:
    """Be told by e-mail when the proposal gets its response; following twice changes nothing."""
    _require_public(_fresh(proposal))
    try:
        with transaction.atomic():
            return Follow.objects.get_or_create(proposal=proposal, user=user)[0]
    except IntegrityError:
        return Follow.objects.get(proposal=proposal, user=user)


@transaction.atomic
def proposal_unfollow(*, proposal: Proposal, user: User) -> None:
    Follow.objects.filter(proposal=proposal, user=user).delete()


@transaction.atomic
def comment_create(
    *, proposal: Proposal, author: User, body: str, parent: Comment | None = None, language: str = ""
) -> Comment:
    """Comment on a submitted proposal, or reply to a comment, while the consultation is open; the comment is in
    `language` (the page's its author writes in when not given)."""
    proposal = _fresh(proposal)
    require_open(proposal.consultation)
    _require_public(proposal)
    if parent is not None and parent.is_hidden:
        raise ValidationError({"parent": _("This comment was hidden by moderation; it cannot be answered.")})
    comment = Comment(
        proposal=proposal, author=author, body=(body or "").strip(), parent=parent, language=language or page_language()
    )
    comment.full_clean()
    comment.save()
    texts_written(comment, before=None)
    return comment


@transaction.atomic
def comment_update(*, comment: Comment, body: str) -> Comment:
    """The author corrects a comment within a few minutes of posting it."""
    current = Comment.objects.select_for_update().get(pk=comment.pk)
    if current.is_hidden:
        raise ValidationError(_("This comment was hidden by moderation; it cannot be edited."))
    if not current.is_editable_now:
        raise ValidationError(
            _("Comments can be edited for %(minutes)d minutes after posting; this one can no longer change.")
            % {"minutes": settings.CONSULTATION_COMMENT_EDIT_MINUTES}
        )
    before = source_of(current)
    current.body = (body or "").strip()
    current.edited_at = timezone.now()
    current.full_clean()
    current.save(update_fields=["body", "edited_at"])
    texts_written(current, before=before)
    return current


@transaction.atomic
def flag_create(
    *,
    user: User,
    reason: str,
    note: str = "",
    proposal: Proposal | None = None,
    comment: Comment | None = None,
) -> Flag:
    """Report a proposal or a comment to the moderators; once enough different users have, it is hidden.

    A user has one open flag per item: flagging again returns it.
    """
    if (proposal is None) == (comment is None):
        raise ValueError("Flag exactly one proposal or one comment.")
    target_model = Proposal if proposal is not None else Comment
    if proposal is not None:  # the consultation first (the order of the author's writes): hiding moves its counters
        lock_consultation(Proposal.objects.values_list("consultation_id", flat=True).get(pk=proposal.pk))
    target = target_model.objects.select_for_update().get(pk=(proposal or comment).pk)
    target_field = "proposal" if proposal is not None else "comment"
    existing = Flag.objects.filter(user=user, resolved_at__isnull=True, **{target_field: target}).first()
    if existing is not None:
        return existing
    if target.author_id == user.pk:
        raise ValidationError(_("You cannot flag what you wrote yourself."))
    flag = Flag(user=user, reason=reason, note=(note or "").strip(), **{target_field: target})
    flag.full_clean()
    flag.save()
    flaggers = Flag.objects.filter(resolved_at__isnull=True, **{target_field: target}).values("user").distinct()
    if not target.is_hidden and flaggers.count() >= settings.CONSULTATION_FLAGS_TO_HIDE:
        target.is_hidden = True
        target.save(update_fields=["is_hidden"])
        ModerationEvent.objects.create(
            action=ModerationEvent.Action.AUTO_HIDDEN,
            reason=_("Flagged by %(count)d different users; hidden until reviewed.") % {"count": flaggers.count()},
            **{target_field: target},
        )
    return flag


@transaction.atomic
def supports_remove_for_user(*, user: User) -> int:
    """Take back every support of `user`, whatever the consultation's state (their account is being
    deleted); each proposal's counter goes down by one with an atomic F() update in the same
    transaction, as when a support is taken back. Returns how many there were."""
    proposal_ids = list(Support.objects.select_for_update().filter(user=user).values_list("proposal_id", flat=True))
    deleted, _details = Support.objects.filter(user=user, proposal_id__in=proposal_ids).delete()
    Proposal.objects.filter(pk__in=proposal_ids, support_count__gt=0).update(support_count=F("support_count") - 1)
    return deleted
